/** A CSV cell: quoted when it holds a comma, quote or line break; null is empty. */
export const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
