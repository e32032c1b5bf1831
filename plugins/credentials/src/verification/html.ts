import { pageSecurityPolicy } from '@lifelong/core';
import type { Verification } from './schemas.js';

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#111;max-width:48rem}
.ok{color:#075e00}.bad{color:#a00}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}`;

export const PAGE_POLICY = pageSecurityPolicy({ inlineStyles: [STYLE] });

const esc = (text: unknown) =>
  String(text).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

// biome-ignore lint/suspicious/noExplicitAny: the page reads a credential it verified; absent fields print as blanks.
type Doc = Record<string, any>;

/** The verification page: what the credential says, and whether each check held. Loads nothing. */
export function verificationHtml(vc: Doc, v: Verification): string {
  const subject = (vc.credentialSubject ?? {}) as Doc;
  const achievements: Doc[] = subject.achievement
    ? Array.isArray(subject.achievement)
      ? subject.achievement
      : [subject.achievement]
    : [];
  const learner =
    (subject.identifier ?? []).find((i: Doc) => i.identityType === 'ext:LearnerNumber')?.identityHash ?? '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Credential verification</title><style>${STYLE}</style></head><body>
<h1 class="${v.verified ? 'ok' : 'bad'}">${v.verified ? 'Verified' : 'Not verified'}</h1>
<p>${esc(vc.name ?? '')}</p>
<table>
<tr><th>Issuer</th><td>${esc(vc.issuer?.name ?? '')}<br><code>${esc(vc.issuer?.id ?? vc.issuer)}</code></td></tr>
<tr><th>Learner number</th><td>${esc(learner)}</td></tr>
<tr><th>Valid from</th><td>${esc(vc.validFrom ?? '')}${vc.validUntil ? ` until ${esc(vc.validUntil)}` : ''}</td></tr>
<tr><th>Credential</th><td><code>${esc(vc.id)}</code></td></tr>
</table>
<h2>Achievements</h2>
<table><tr><th>Name</th><th>Credits</th></tr>
${achievements.map((a) => `<tr><td>${esc(a.name)}</td><td>${esc(a.creditsAvailable ?? '')}</td></tr>`).join('\n')}
</table>
<h2>Checks</h2>
<table><tr><th>Check</th><th>Result</th></tr>
${v.checks.map((c) => `<tr><td>${esc(c.check)}</td><td class="${c.passed ? 'ok' : 'bad'}">${esc(c.detail)}</td></tr>`).join('\n')}
</table>
</body></html>`;
}
