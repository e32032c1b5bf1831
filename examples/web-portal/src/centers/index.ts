import type { Me } from '@lifelong/sdk';
import type { Center, NavEntry } from './center.js';
import creditBank from './credit-bank/index.js';

/**
 * Every center of the portal, in navigation order. A new plugin's pages are one folder
 * (`src/centers/<pluginId>/`) and one line here; nothing else in the portal names a plugin.
 */
export const CENTERS: readonly Center[] = [creditBank];

/** The navigation entries for this person, of the centers their region enables. */
export function navEntries(me: Me, enabled: (pluginId: string) => boolean): NavEntry[] {
  return CENTERS.filter((center) => enabled(center.pluginId)).flatMap((center) =>
    center.nav.filter((entry) => !entry.visible || entry.visible(me)),
  );
}
