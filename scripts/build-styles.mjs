// GOV.UK Frontend's stylesheet for a service that is not on GOV.UK: only services on GOV.UK may use the
// GDS Transport typeface, so the text is set in Arial and the typeface's @font-face rules are left out.
// This is what GOV.UK Frontend's Sass settings ($govuk-font-family, $govuk-include-default-font-face)
// give; the precompiled file is rewritten instead because the Sass compiler's packages cannot be
// installed beside nunjucks (their file watcher outranges nunjucks' optional peer) from this registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const govuk = join(
  dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist',
  'govuk',
);
const target = 'apps/web/src/assets/css/govuk-frontend.css';

const css = readFileSync(join(govuk, 'govuk-frontend.min.css'), 'utf8')
  .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '')
  .replace(/@font-face\{[^}]*\}/g, '')
  .replace(/(["']?)GDS Transport\1,/g, '');
if (/GDS Transport|@font-face/.test(css)) {
  throw new Error(
    `${target}: GOV.UK Frontend's stylesheet still names GDS Transport; update scripts/build-styles.mjs`,
  );
}
writeFileSync(target, `${css}\n`);
