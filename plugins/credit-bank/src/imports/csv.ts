/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into records keyed by the
 * header row. Empty cells are left out, so optional columns may be blank.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = csvRows(text.replace(/^\uFEFF/, ''));
  const header = lines.shift()?.map((h) => h.trim()) ?? [];
  return lines
    .filter((cells) => cells.some((cell) => cell !== ''))
    .map((cells) => {
      const row: Record<string, string> = {};
      header.forEach((name, i) => {
        const cell = cells[i];
        if (name && cell !== undefined && cell !== '') row[name] = cell;
      });
      return row;
    });
}

function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A CSV line as an import row: `assessmentType`/`assessmentScore` become `assessment`,
 * `learningOutcomes` is split on `|`, numbers become numbers (anything else stays a string for
 * validation to name); empty cells are left out.
 */
export function csvToRow(row: Record<string, string>): Record<string, unknown> {
  // An empty cell is an absent field (an unscored assessment, no level), as spreadsheets write them:
  // a required one is then reported as `required`, an optional one takes its default.
  const cells = Object.fromEntries(Object.entries(row).filter(([, value]) => value.trim() !== ''));
  const { assessmentType, assessmentScore, learningOutcomes, workloadHours, ...rest } = cells;
  const num = (v: string | undefined) => (v !== undefined && NUMBER.test(v) ? Number(v) : v);
  return {
    ...rest,
    ...(workloadHours !== undefined ? { workloadHours: num(workloadHours) } : {}),
    learningOutcomes: learningOutcomes ? learningOutcomes.split('|').map((o) => o.trim()) : [],
    assessment: {
      ...(assessmentType !== undefined ? { type: assessmentType } : {}),
      ...(assessmentScore !== undefined ? { score: num(assessmentScore) } : {}),
    },
  };
}
