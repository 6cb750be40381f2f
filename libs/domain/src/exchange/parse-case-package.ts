import type { IsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';
import { caseReader, extensionOf, isObj } from './case-reader.js';
import type { ParsedCasePackage } from './exchange.types.js';
import { orderCaseNodes } from './order-case-nodes.js';
import { readCaseAssociations } from './read-case-associations.js';
import { readCaseItems } from './read-case-items.js';

export interface ParseCaseOptions {
  /** Overrides the framework code the document carries (required when it carries none). */
  frameworkCode?: string | null;
  /** Overrides the CFDocument's version label. */
  version?: string | null;
  /** The default effective date, when the document gives none. */
  today: IsoDate;
  /** The input field holding the JSON text, prefixed to every error's field. */
  field: string;
}

const MAX_ITEMS = 5_000;
const MAX_ASSOCIATIONS = 20_000;
const CODE = /^[A-Z0-9_]{2,60}$/;

/**
 * Reads a 1EdTech CASE package (the JSON text of a CFPackage) into a framework version, checking
 * it as it goes: malformed JSON, missing or badly typed fields, duplicate identifiers or codes,
 * associations to items the package does not hold, a broken hierarchy. The first problem is thrown
 * as CASE_DOCUMENT_INVALID naming the field (e.g. `input.caseJson.CFItems[3].humanCodingScheme`).
 * Levels are CFItems of type "Level" and their pathways CFItems of type "Level pathway" (children
 * of the level), as `toCasePackage` writes them; `extensions.pathways` is read where present.
 */
export function parseCasePackage(text: string, options: ParseCaseOptions): ParsedCasePackage {
  const read = caseReader(options.field);
  const { at, fail, text1, textAny, optionalText, nullableText, isoDate } = read;

  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    fail('', 'MALFORMED_JSON', `The CASE file is not valid JSON (${(error as Error).message}).`);
  }
  if (!isObj(root)) return fail('', 'NOT_AN_OBJECT', 'A CASE package is a JSON object.');
  const doc = root.CFDocument;
  if (!isObj(doc)) return fail('CFDocument', 'MISSING', 'The package has no CFDocument.');
  const rawItems = root.CFItems ?? [];
  const rawAssociations = root.CFAssociations ?? [];
  if (!Array.isArray(rawItems)) return fail('CFItems', 'INVALID_VALUE', 'CFItems must be an array.');
  if (!Array.isArray(rawAssociations))
    return fail('CFAssociations', 'INVALID_VALUE', 'CFAssociations must be an array.');
  if (rawItems.length > MAX_ITEMS) fail('CFItems', 'TOO_MANY', `At most ${MAX_ITEMS} CFItems.`);
  if (rawAssociations.length > MAX_ASSOCIATIONS)
    fail('CFAssociations', 'TOO_MANY', `At most ${MAX_ASSOCIATIONS} CFAssociations.`);

  // ---- the document -------------------------------------------------------------------------------
  const docExt = extensionOf(doc);
  const docIdentifier = text1(doc.identifier, 'CFDocument.identifier', 100);
  const docUri = optionalText(doc.uri, 'CFDocument.uri', 1000);
  const name = text1(doc.title, 'CFDocument.title', 200);

  let frameworkCode: unknown = options.frameworkCode ?? docExt.frameworkCode;
  const codeField = options.frameworkCode ? 'frameworkCode' : 'CFDocument.extensions.pathways.frameworkCode';
  if (typeof frameworkCode !== 'string' || !CODE.test(frameworkCode)) {
    throw new DomainError(
      'CASE_DOCUMENT_INVALID',
      'Give the framework a code of 2 to 60 capital letters, digits or underscores (this file carries none).',
      options.frameworkCode ? `${inputPrefix(options.field)}frameworkCode` : at(codeField),
      { reason: 'INVALID_VALUE' },
    );
  }
  frameworkCode = frameworkCode as string;
  const versionLabel = options.version ?? doc.version;
  if (typeof versionLabel !== 'string' || versionLabel.trim().length === 0 || versionLabel.length > 40) {
    throw new DomainError(
      'CASE_DOCUMENT_INVALID',
      'The framework version needs a label of 1 to 40 characters (CFDocument.version).',
      options.version ? `${inputPrefix(options.field)}version` : at('CFDocument.version'),
      { reason: 'INVALID_VALUE' },
    );
  }
  const owner = text1(docExt.owner ?? doc.creator ?? doc.publisher ?? 'Unknown', 'CFDocument.creator', 100);
  const description = textAny(docExt.description ?? doc.description ?? '', 'CFDocument.description');
  const status =
    docExt.status === 'CURRENT' || docExt.status === 'RETIRED'
      ? docExt.status
      : doc.adoptionStatus === 'Deprecated' || doc.adoptionStatus === 'Retired'
        ? 'RETIRED'
        : 'CURRENT';
  const effectiveFrom =
    isoDate(
      docExt.effectiveFrom ??
        (typeof doc.statusStartDate === 'string' ? doc.statusStartDate.slice(0, 10) : null),
      'CFDocument.statusStartDate',
    ) ?? options.today;
  const effectiveTo = isoDate(
    'effectiveTo' in docExt
      ? docExt.effectiveTo
      : typeof doc.statusEndDate === 'string'
        ? doc.statusEndDate.slice(0, 10)
        : null,
    'CFDocument.statusEndDate',
  );
  if (effectiveTo !== null && effectiveTo <= effectiveFrom) {
    fail('CFDocument.statusEndDate', 'INVALID_VALUE', 'The end date must be after the start date.');
  }
  const notes =
    'notes' in docExt
      ? nullableText(docExt.notes, 'CFDocument.notes')
      : nullableText(doc.notes ?? null, 'CFDocument.notes');

  const caseNodes = readCaseItems(rawItems, docIdentifier, read);
  const externalAlignments = readCaseAssociations(
    rawAssociations,
    { identifier: docIdentifier, uri: docUri, frameworkCode: frameworkCode as string, version: versionLabel },
    caseNodes,
    read,
  );
  const { items, levels } = orderCaseNodes(caseNodes.nodes, read);

  return {
    content: {
      framework: { code: frameworkCode as string, name, owner, description },
      version: { version: versionLabel, status, effectiveFrom, effectiveTo, notes },
      items,
      levels,
    },
    externalAlignments,
  };
}

/** `input.caseJson` → `input.`: override arguments sit beside the JSON text. */
function inputPrefix(field: string): string {
  const dot = field.lastIndexOf('.');
  return dot < 0 ? '' : field.slice(0, dot + 1);
}
