/**
 * Checks a credential (the `vc` of a VC-JWT) against the Open Badges 3.0 JSON Schema for
 * AchievementCredential published by 1EdTech, as an outside validator would. The schema file is
 * vendored beside this in schema/ (see schema/README.md for where it comes from); without it the
 * checks that use it are skipped, saying so.
 *
 * The schema declares JSON Schema 2019-09 but uses only keywords whose meaning draft-07 shares
 * (type, properties, required, additionalProperties, items/additionalItems, contains, oneOf,
 * allOf, enum, pattern, format, $ref into $defs), so the draft-07 validator at hand checks it
 * faithfully; its own meta-schema check is off because it does not know the 2019-09 meta-schema.
 */
import type Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCHEMA_FILE = fileURLToPath(
  new URL('./schema/ob_v3p0_achievementcredential_schema.json', import.meta.url),
);

export const openBadgesSchemaAvailable = existsSync(SCHEMA_FILE);

let validate: Ajv.ValidateFunction | null = null;

/**
 * The schema's complaints about the credential, one line each; none when it conforms. The
 * validator is loaded only here, so the suite does not need it while the schema is absent.
 */
export async function openBadgesSchemaErrors(vc: unknown): Promise<string[]> {
  if (!validate) {
    const { default: AjvValidator } = await import('ajv');
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    validate = new AjvValidator({ allErrors: true, validateSchema: false, format: 'full' }).compile(schema);
  }
  if (validate(vc)) return [];
  return (validate.errors ?? []).map((e) => `${e.dataPath || '(credential)'} ${e.message ?? ''}`.trim());
}
