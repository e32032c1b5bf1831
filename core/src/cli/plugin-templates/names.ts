/** The names a new plugin is generated with, all derived from its id. */
export interface PluginNames {
  /** `book-swap` */
  id: string;
  /** `book_swap`: the PostgreSQL schema the plugin owns. */
  schemaName: string;
  /** `bookSwap`: the plugin's variable name. */
  camelName: string;
  /** `Book swap`: for titles and descriptions. */
  title: string;
  /** `lifelong-plugin-book-swap`: the npm package (rename it to your own scope before publishing). */
  packageName: string;
  /** `^0.1.0`: the core range the plugin is built for (also its `@lifelong/core` dependency). */
  coreRange: string;
}

export function pluginNames(id: string, coreVersion: string): PluginNames {
  const words = id.split('-');
  return {
    id,
    schemaName: id.replaceAll('-', '_'),
    camelName: words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(''),
    title: `${id.charAt(0).toUpperCase()}${id.slice(1).replaceAll('-', ' ')}`,
    packageName: `lifelong-plugin-${id}`,
    coreRange: `^${coreVersion}`,
  };
}

/** Pretty JSON with a final newline, as npm and drizzle-kit write it. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
