import { pageSecurityPolicy } from '@lifelong/core';
import type { Transcript } from './schemas.js';

const STYLE = `
body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;margin:0 0 1.5rem}
th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;font-size:.9rem}th{background:#eee}
@media print{body{margin:0}}
`;

/** The page loads nothing and runs nothing: its one inline style is allowed by its hash. */
export const TRANSCRIPT_POLICY = pageSecurityPolicy({ inlineStyles: [STYLE] });

const escapeHtml = (text: string | number) =>
  String(text).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

/** Minor units (scale 1) as credits: "15" → "1.5". */
const asCredits = (minor: string) => {
  const n = BigInt(minor);
  return `${n / 10n}.${n % 10n}`;
};

/** The transcript as a self-contained printable HTML page (no scripts, no external resources). */
export function transcriptHtml(t: Transcript): string {
  const table = (head: string[], rows: (string | number)[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Lifelong transcript ${escapeHtml(t.learnerNumber)}</title>
<style>${STYLE}</style></head><body>
<h1>Lifelong learning transcript</h1>
<p>Learner number <strong>${escapeHtml(t.learnerNumber)}</strong> · generated ${escapeHtml(t.generatedAt)}${t.shared ? ' · shared extract' : ''}</p>
<h2>Totals</h2>
${table(['Credits', 'Records', 'Withdrawn', 'Workload (hours)'], [[asCredits(t.totals.credits), t.totals.records, t.totals.withdrawn, t.totals.workloadHours]])}
<h2>By stage</h2>
${table(
  ['Stage', 'Credits', 'Records'],
  t.byStage.map((s) => [s.stage, asCredits(s.credits), s.records]),
)}
<h2>By year</h2>
${table(
  ['Year', 'Credits', 'Records'],
  t.byYear.map((y) => [y.year, asCredits(y.credits), y.records]),
)}
<h2>Records</h2>
${table(
  ['Completed', 'Title', 'Stage', 'Level', 'Hours', 'Assessment', 'Credits', 'Verification', 'Status'],
  t.records.items.map((r) => [
    r.completedAt.slice(0, 10),
    r.title,
    r.stage,
    r.level,
    r.workloadHours,
    r.assessmentType,
    asCredits(r.credits),
    r.verification,
    r.status,
  ]),
)}
</body></html>`;
}
