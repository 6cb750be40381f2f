// Compiles GOV.UK Frontend's Sass with the settings of a service that is not on GOV.UK (no GDS
// Transport typeface) into the web app's assets, where the build then copies it beside the code.
import { writeFileSync } from 'node:fs';
import { compile } from 'sass-embedded';

const source = 'apps/web/src/assets/scss/govuk-frontend.scss';
const target = 'apps/web/src/assets/css/govuk-frontend.css';
const { css } = compile(source, { loadPaths: ['node_modules'], style: 'compressed', quietDeps: true });
writeFileSync(target, `${css}\n`);
