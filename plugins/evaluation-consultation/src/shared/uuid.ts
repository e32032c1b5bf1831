const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (so a lookup by it cannot be a database error). */
export const isUuid = (value: string): boolean => UUID.test(value);
