/** Any UUID version, as a JSON Schema pattern (TypeBox `pattern`) and as a check. */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const UUID = new RegExp(UUID_PATTERN);

/** True for a UUID string: checked before a value reaches a `uuid` column (else a 500, not a 400). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
