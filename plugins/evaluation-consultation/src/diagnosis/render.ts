import PDFDocument from 'pdfkit';

/** A report version's frozen content (what `report.get` returns as `content`). */
export interface ReportContent {
  title: string;
  status: 'draft' | 'final';
  version: number;
  school: { id: string; name: string };
  template: { key: string; version: number; name: string };
  scale: { min: number; max: number };
  indicators: {
    code: string;
    name: string;
    self: { grade: number; label: string | null } | null;
    team: { grade: number; label: string | null; rationale: string; evidence: string[] } | null;
  }[];
  findings: { kind: string; indicatorCode: string | null; text: string; solutions: string[] }[];
  factualAccuracy: { section: string; comment: string; response: string | null; accepted: boolean | null }[];
  generatedAt: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const gradeText = (g: { grade: number; label: string | null } | null) =>
  g ? `${g.grade}${g.label ? ` (${g.label})` : ''}` : '—';

/** The report as one self-contained HTML page; every piece of text from people is escaped. */
export function reportHtml(r: ReportContent): string {
  const rows = r.indicators
    .map(
      (i) =>
        `<tr><th scope="row">${escapeHtml(i.name)}</th><td>${escapeHtml(gradeText(i.self))}</td><td>${escapeHtml(gradeText(i.team))}</td>` +
        `<td>${escapeHtml(i.team?.rationale ?? '')}${i.team?.evidence.length ? `<br><small>Evidence: ${i.team.evidence.map(escapeHtml).join('; ')}</small>` : ''}</td></tr>`,
    )
    .join('');
  const findings = r.findings
    .map(
      (f) =>
        `<li><strong>${f.kind === 'strength' ? 'Strength' : 'To improve'}${f.indicatorCode ? ` · ${escapeHtml(f.indicatorCode)}` : ''}:</strong> ${escapeHtml(f.text)}` +
        (f.solutions.length
          ? `<ul>${f.solutions.map((s) => `<li>Solution: ${escapeHtml(s)}</li>`).join('')}</ul>`
          : '') +
        '</li>',
    )
    .join('');
  const accuracy = r.factualAccuracy.length
    ? `<h2>Factual accuracy</h2><ul>${r.factualAccuracy
        .map(
          (c) =>
            `<li><strong>${escapeHtml(c.section)}:</strong> ${escapeHtml(c.comment)}<br>Response (${c.accepted ? 'corrected' : 'not corrected'}): ${escapeHtml(c.response ?? '')}</li>`,
        )
        .join('')}</ul>`
    : '';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(r.title)}</title>` +
    '<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem;text-align:left;vertical-align:top}</style></head><body>' +
    `<h1>${escapeHtml(r.title)}</h1><p>${escapeHtml(r.school.name)} · ${r.status === 'final' ? 'Final report' : 'Draft'} version ${r.version} · ${escapeHtml(r.template.name)} (v${r.template.version}) · ${escapeHtml(r.generatedAt)}</p>` +
    `<h2>Indicators (grades ${r.scale.min}–${r.scale.max})</h2><table><thead><tr><th>Indicator</th><th>School</th><th>Team</th><th>Rationale</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<h2>Findings and solutions</h2><ul>${findings}</ul>${accuracy}</body></html>`
  );
}

/**
 * The report as a PDF (pdfkit, its built-in Helvetica: Latin text; CJK needs an embedded font,
 * see docs/plugins/evaluation-consultation.md). `createdAt` fixes the document's date.
 */
export function reportPdf(r: ReportContent, createdAt: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: r.title, CreationDate: createdAt } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(r.title);
    doc.fontSize(10).text(`${r.school.name} - ${r.status === 'final' ? 'Final report' : 'Draft'} version ${r.version}`);
    doc.text(`${r.template.name} (v${r.template.version}), ${r.generatedAt}`);
    doc.moveDown().fontSize(14).text(`Indicators (grades ${r.scale.min}-${r.scale.max})`);
    for (const i of r.indicators) {
      doc.moveDown(0.5).fontSize(11).text(i.name);
      doc.fontSize(10).text(`School: ${gradeText(i.self)}   Team: ${gradeText(i.team)}`);
      if (i.team?.rationale) doc.text(`Rationale: ${i.team.rationale}`);
      if (i.team?.evidence.length) doc.text(`Evidence: ${i.team.evidence.join('; ')}`);
    }
    doc.moveDown().fontSize(14).text('Findings and solutions');
    for (const f of r.findings) {
      doc
        .moveDown(0.5)
        .fontSize(10)
        .text(`${f.kind === 'strength' ? 'Strength' : 'To improve'}: ${f.text}`);
      for (const s of f.solutions) doc.text(`  Solution: ${s}`);
    }
    if (r.factualAccuracy.length) {
      doc.moveDown().fontSize(14).text('Factual accuracy');
      for (const c of r.factualAccuracy) {
        doc.moveDown(0.5).fontSize(10).text(`${c.section}: ${c.comment}`);
        doc.text(`Response (${c.accepted ? 'corrected' : 'not corrected'}): ${c.response ?? ''}`);
      }
    }
    doc.end();
  });
}
