import type { VerificationResult } from './credential-verifier.service.js';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The verification result as a plain HTML page for a person who followed a printed link: lang,
 * title, one h1, a definition list, no script and no styles (the web client styles it later).
 */
export function renderVerifyPage(result: VerificationResult): string {
  const c = result.credential;
  const rows: [string, string | null | undefined][] = c
    ? [
        ['Achievement', c.achievement.name],
        ['About', c.subject.name],
        ['Registration number', c.subject.registrationNumber],
        ['Issued by', c.issuer.name],
        ['Signed off by', typeof c.signedBy?.name === 'string' ? c.signedBy.name : null],
        ['Decided on', c.decidedOn],
        ['Issued at', c.issuedAt],
        ['Valid until', c.validUntil],
        ['Revoked on', result.revokedAt],
      ]
    : [];
  const details = rows
    .filter(([, value]) => value)
    .map(([term, value]) => `<dt>${escape(term)}</dt><dd>${escape(value!)}</dd>`)
    .join('\n');
  const heading = result.verified ? 'Credential verified' : 'Credential not verified';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading} – Pathways</title>
</head>
<body>
<main>
<h1>${heading}</h1>
<p>${escape(result.message)}</p>
${details ? `<h2>What it says</h2>\n<dl>\n${details}\n</dl>` : ''}
<p>Checked at ${escape(result.checkedAt)}.</p>
</main>
</body>
</html>
`;
}
