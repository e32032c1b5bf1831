import type { AnyPlugin } from './define-plugin.js';

// Which installed plugins a plugin needs in a region (`requires.plugins`, transitively), and which
// need it. Pure: the region config service and the seed preflight ask these, each with its own
// idea of "enabled" (stored rows, or the seeds of lifelong.config.ts).

function closure(start: string, next: (id: string) => readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (id: string) => {
    for (const other of next(id)) {
      if (other === start || found.has(other)) continue;
      found.add(other);
      visit(other);
    }
  };
  visit(start);
  return [...found];
}

/** The installed plugins `pluginId` requires, directly or through another, in id order. */
export function requirementsOf(plugins: readonly AnyPlugin[], pluginId: string): string[] {
  const byId = new Map(plugins.map((p) => [p.id, p]));
  return closure(pluginId, (id) =>
    Object.keys(byId.get(id)?.requires?.plugins ?? {}).filter((d) => byId.has(d)),
  ).sort();
}

/** The installed plugins that require `pluginId`, directly or through another, in id order. */
export function dependentsOf(plugins: readonly AnyPlugin[], pluginId: string): string[] {
  return closure(pluginId, (id) => plugins.filter((p) => id in (p.requires?.plugins ?? {})).map((p) => p.id)).sort();
}
