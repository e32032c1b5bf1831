/** A plugin's state in a region, as `lifelong.config.ts` seeds it. */
export interface PluginSeed {
  /** Default true: a seeded region enables every installed plugin unless told otherwise. */
  enabled?: boolean;
  config?: Record<string, unknown>;
}

/**
 * A region as `lifelong.config.ts` declares it. Seeds apply once: on first start, or when a
 * region or a plugin is new. Later changes are made at runtime (`PUT /v1/regions/{id}/plugins/{id}`)
 * and are not overwritten by the file.
 */
export interface RegionSeed {
  id: string;
  name: string;
  parentId?: string;
  plugins?: Readonly<Record<string, PluginSeed>>;
}

export const DEFAULT_REGION_SEED: RegionSeed = { id: 'default', name: 'Default region' };
