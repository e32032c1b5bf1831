import { Type } from '@sinclair/typebox';

/** Region ids: lowercase letters, digits and inner hyphens, e.g. `cn-bj`. */
export const REGION_ID_PATTERN = '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$';

export const RegionId = Type.String({ pattern: REGION_ID_PATTERN, description: 'A region id, e.g. cn-bj' });
