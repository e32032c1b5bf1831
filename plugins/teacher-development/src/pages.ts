export const idKey = (row: { id: string }) => ({ id: row.id });
