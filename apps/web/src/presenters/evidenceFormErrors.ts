import { ApiError } from '../data/apiError.js';
import { errorsFor, fieldId, formErrorsFrom, type FormErrors } from '../forms.js';
import type { IdentifierKind } from '../data/generated/graphql.js';
import type { LocalProblem } from './evidenceForm.js';

/** Parts of a mapping the form picks together, in one "what it evidences" list. */
const MAPPING_TARGET_PARTS = new Set(['frameworkCode', 'version', 'itemCode', 'pathwayCode']);

/** Refusals about the piece as a whole (a stale revision, the id) belong to the first field. */
const WHOLE_PIECE_FIELDS = new Set(['evidenceId', 'expectedRevision', 'confirmNoIdentifiers']);

/**
 * The form field an API field name is about: "input.mappings.0.itemCode" and "mappings[0].rationale"
 * (as identifier warnings name it) become "mappings.0.target" and "mappings.0.rationale".
 */
export function evidenceFieldOf(apiField: string | undefined): string | undefined {
  if (!apiField) return undefined;
  const field = apiField.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
  if (WHOLE_PIECE_FIELDS.has(field)) return undefined;
  const mapping = /^mappings\.(\d+)\.(\w+)$/.exec(field);
  if (mapping && MAPPING_TARGET_PARTS.has(mapping[2]!)) return `mappings.${mapping[1]}.target`;
  if (/^mappings\.\d+$/.test(field)) return `${field}.target`;
  if (field === 'peerReflection' || field === 'peerReflection.discussedOn') return 'peerReflection.text';
  if (/^attachments(\.|$)/.test(field)) return 'attachments';
  return field;
}

const LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  learning: 'What you learnt',
  impact: 'Impact',
  hours: 'Hours',
  dateFrom: 'Date',
  dateTo: 'Last day',
  cpdActivityType: 'Type of CPD activity',
  'peerReflection.text': 'Peer reflection',
  'peerReflection.peerRole': 'Peer’s role',
};

function labelsFor(fields: string[]): Record<string, string> {
  const labels: Record<string, string> = { ...LABELS };
  for (const f of fields) {
    const m = /^mappings\.(\d+)\.(rationale|levelCode)$/.exec(f);
    if (m) labels[f] = `Mapping ${Number(m[1]) + 1} ${m[2] === 'rationale' ? 'rationale' : 'level'}`;
  }
  return labels;
}

/** A date input's error links to its first box, as GOV.UK asks. */
function linkDatesToDay(errors: FormErrors): FormErrors {
  return {
    ...errors,
    list: errors.list.map((e) =>
      e.href === '#dateFrom' || e.href === '#dateTo' ? { ...e, href: `${e.href}-day` } : e,
    ),
  };
}

/** "must not be empty" → "title must not be empty", which the labels then turn into "Title must not be empty". */
function namingTheField(field: string, message: string): string {
  const bare = field.split('.').pop() ?? field;
  return new RegExp(`^${bare}\\b`).test(message) ? message : `${bare} ${message}`;
}

/** The API's refusal of a save as the form's error summary and inline messages. */
export function evidenceFormErrors(error: ApiError): FormErrors {
  const remapped = new ApiError(
    error.message,
    error.code,
    evidenceFieldOf(error.field),
    error.fields.map((f) => {
      const field = evidenceFieldOf(f.field) ?? 'title';
      return { field, messages: f.messages.map((m) => namingTheField(field, m)) };
    }),
    error.domainCode,
    error.status,
  );
  const fields = [remapped.field ?? '', ...remapped.fields.map((f) => f.field)];
  return linkDatesToDay(formErrorsFrom(remapped, 'title', labelsFor(fields)));
}

/** Problems found before asking the API, in the same shape. */
export function localFormErrors(problems: LocalProblem[]): FormErrors {
  return linkDatesToDay(errorsFor(problems));
}

const KIND_WORDS: Record<IdentifierKind, string> = {
  DATE_OF_BIRTH: 'a date of birth',
  EMAIL: 'an email address',
  NHS_NUMBER: 'an NHS number',
  PHONE_NUMBER: 'a phone number',
  POSTCODE: 'a postcode',
};

export interface IdentifierNotice {
  /** The id of the notice, for the field's aria-describedby. */
  id: string;
  text: string;
}

/**
 * Likely identifiers, by the form field they were found in, in words: "This may identify someone: it
 * contains what looks like a postcode." The text itself is never repeated (nor does the API send it).
 */
export function identifierNoticesByField(
  warnings: { field: string; kind: IdentifierKind }[],
): Record<string, IdentifierNotice> {
  const kinds = new Map<string, Set<IdentifierKind>>();
  for (const w of warnings) {
    const field = evidenceFieldOf(w.field) ?? w.field;
    if (!kinds.has(field)) kinds.set(field, new Set());
    kinds.get(field)!.add(w.kind);
  }
  const notices: Record<string, IdentifierNotice> = {};
  for (const [field, set] of kinds) {
    const words = [...set].map((k) => KIND_WORDS[k]);
    const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
    notices[field] = {
      id: `${fieldId(field)}-identifiers`,
      text: `This may identify someone who uses services: it contains what looks like ${list}. Remove it, or tick the box if it identifies nobody.`,
    };
  }
  return notices;
}
