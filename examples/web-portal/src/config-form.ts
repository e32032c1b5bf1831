/** One setting of a plugin's config, found by walking its effective config (defaults applied). */
export interface ConfigLeaf {
  /** The keys from the config's root, e.g. `['exchange', 'holdHours']`. */
  path: string[];
  kind: 'boolean' | 'number' | 'string' | 'json';
  /** What the form edits: the value itself, or JSON text for lists and null. */
  value: boolean | number | string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The config's settings, objects opened up: each leaf gets a field of its type. */
export function configLeaves(config: Record<string, unknown>, prefix: string[] = []): ConfigLeaf[] {
  return Object.entries(config).flatMap(([key, value]): ConfigLeaf[] => {
    const path = [...prefix, key];
    if (isObject(value)) return configLeaves(value, path);
    if (typeof value === 'boolean') return [{ path, kind: 'boolean', value }];
    if (typeof value === 'number') return [{ path, kind: 'number', value }];
    if (typeof value === 'string') return [{ path, kind: 'string', value }];
    return [{ path, kind: 'json', value: JSON.stringify(value) }];
  });
}

/**
 * The config the form describes, to send as the new config. A number field left empty or a JSON
 * field that does not parse throws `{ path }`, so the form can name the field.
 */
export function configFromLeaves(leaves: readonly ConfigLeaf[]): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const leaf of leaves) {
    let value: unknown = leaf.value;
    if (leaf.kind === 'number') {
      value = typeof leaf.value === 'number' ? leaf.value : Number(leaf.value);
      if (leaf.value === '' || Number.isNaN(value)) throw new ConfigFieldError(leaf.path);
    }
    if (leaf.kind === 'json') {
      try {
        value = JSON.parse(String(leaf.value));
      } catch {
        throw new ConfigFieldError(leaf.path);
      }
    }
    let node = config;
    for (const key of leaf.path.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[leaf.path[leaf.path.length - 1] as string] = value;
  }
  return config;
}

export class ConfigFieldError extends Error {
  constructor(readonly path: string[]) {
    super(`Not a valid value for ${path.join('.')}`);
  }
}
