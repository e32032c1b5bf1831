import type { Me } from '@lifelong/sdk';
import type { Center, NavEntry } from './center.js';
import community from './community/index.js';
import credentials from './credentials/index.js';
import creditBank from './credit-bank/index.js';
import evaluationConsultation from './evaluation-consultation/index.js';
import industrySupport from './industry-support/index.js';
import learningRecords from './learning-records/index.js';
import qualityControl from './quality-control/index.js';
import teacherDevelopment from './teacher-development/index.js';

/**
 * Every center of the portal, in navigation order. A new plugin's pages are one folder
 * (`src/centers/<pluginId>/`) and one line here; nothing else in the portal names a plugin.
 */
export const CENTERS: readonly Center[] = [
  creditBank,
  teacherDevelopment,
  learningRecords,
  credentials,
  industrySupport,
  qualityControl,
  evaluationConsultation,
  community,
];

/** One center's navigation entries for a person: shown together, under the center's name. */
export interface NavGroup {
  pluginId: string;
  /** The center's messages namespace; its name is the core message `centers.<namespace>`. */
  namespace: string;
  entries: NavEntry[];
}

/** The navigation, center by center, for this person, of the centers their region enables. */
export function navGroups(me: Me, enabled: (pluginId: string) => boolean): NavGroup[] {
  return CENTERS.filter((center) => enabled(center.pluginId))
    .map((center) => ({
      pluginId: center.pluginId,
      namespace: center.namespace,
      entries: center.nav.filter((entry) => !entry.visible || entry.visible(me)),
    }))
    .filter((group) => group.entries.length > 0);
}

/** The navigation entries for this person, of the centers their region enables. */
export function navEntries(me: Me, enabled: (pluginId: string) => boolean): NavEntry[] {
  return navGroups(me, enabled).flatMap((group) => group.entries);
}
