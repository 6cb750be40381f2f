import type {
  CpdActivityType,
  CreateEvidenceInput,
  EvidenceKind,
  EvidenceMappingInput,
  EvidenceVersionFieldsFragment,
  UpdateEvidenceInput,
} from '../data/generated/graphql.js';

/** A date as the three boxes of the GOV.UK date input hold it. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** One claimed mapping as the form holds it: `target` names framework, version and item ("PCF|2018|KNOWLEDGE"). */
export interface MappingRow {
  target: string;
  levelCode: string;
  rationale: string;
}

/** Everything the evidence form holds, exactly as typed, so a refused save redisplays it all. */
export interface EvidenceFormValues {
  evidenceId: string;
  revision: string;
  kind: string;
  cpdActivityType: string;
  dateFrom: DateParts;
  dateTo: DateParts;
  hours: string;
  title: string;
  description: string;
  learning: string;
  impact: string;
  peerReflection: { text: string; peerRole: string };
  mappings: MappingRow[];
  /** The fields whose identifier warnings the person ticked as checked. */
  identifiersChecked: string[];
}

type Body = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function record(value: unknown): Body {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {};
}

/** The posted rows, whether the body parser made an array (up to its limit) or an object keyed by index. */
function rows(value: unknown): Body[] {
  if (Array.isArray(value)) return value.map(record);
  const byIndex = record(value);
  return Object.keys(byIndex)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => record(byIndex[k]));
}

function dateParts(body: Body, prefix: string): DateParts {
  return {
    day: text(body[`${prefix}-day`]).trim(),
    month: text(body[`${prefix}-month`]).trim(),
    year: text(body[`${prefix}-year`]).trim(),
  };
}

export const EMPTY_MAPPING: MappingRow = { target: '', levelCode: '', rationale: '' };

/** The posted form (urlencoded, `mappings[0][rationale]` style) as the values the page redisplays. */
export function evidenceFormValuesFrom(body: Body): EvidenceFormValues {
  const peer = record(body.peerReflection);
  const checked = body.identifiersChecked;
  return {
    evidenceId: text(body.evidenceId),
    revision: text(body.revision),
    kind: text(body.kind),
    cpdActivityType: text(body.cpdActivityType),
    dateFrom: dateParts(body, 'dateFrom'),
    dateTo: dateParts(body, 'dateTo'),
    hours: text(body.hours).trim(),
    title: text(body.title),
    description: text(body.description),
    learning: text(body.learning),
    impact: text(body.impact),
    peerReflection: { text: text(peer.text), peerRole: text(peer.peerRole) },
    mappings: rows(body.mappings).map((m) => ({
      target: text(m.target),
      levelCode: text(m.levelCode),
      rationale: text(m.rationale),
    })),
    identifiersChecked: (Array.isArray(checked) ? checked : [checked]).map(text).filter(Boolean),
  };
}

function partsOf(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m
    ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! }
    : { day: '', month: '', year: '' };
}

export function mappingTarget(frameworkCode: string, version: string, itemCode: string): string {
  return [frameworkCode, version, itemCode].join('|');
}

/** A saved version as the form shows it for editing. */
export function evidenceFormValuesOf(version: EvidenceVersionFieldsFragment): EvidenceFormValues {
  return {
    evidenceId: version.evidenceId,
    revision: String(version.revision),
    kind: version.kind,
    cpdActivityType: version.cpdActivityType ?? '',
    dateFrom: partsOf(version.dateFrom),
    dateTo: partsOf(version.dateTo),
    hours: version.hours === null ? '' : String(version.hours),
    title: version.title,
    description: version.description,
    learning: version.learning,
    impact: version.impact,
    peerReflection: {
      text: version.peerReflection?.text ?? '',
      peerRole: version.peerReflection?.peerRole ?? '',
    },
    mappings: version.mappings.map((m) => ({
      target: mappingTarget(m.framework.frameworkCode, m.framework.version, m.item.code),
      levelCode: m.level?.code ?? '',
      rationale: m.rationale,
    })),
    identifiersChecked: [],
  };
}

/** An empty form, with one mapping row to start from. */
export function newEvidenceFormValues(): EvidenceFormValues {
  return evidenceFormValuesFrom({ mappings: [EMPTY_MAPPING] });
}

export interface LocalProblem {
  field: string;
  text: string;
}

/** "12", "10", "2026" → "2026-10-12"; undefined when the boxes are empty; null when they are not a real date. */
export function isoDateOf(parts: DateParts): string | null | undefined {
  if (!parts.day && !parts.month && !parts.year) return undefined;
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year))
    return null;
  const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** What the person must fix before the API is asked: the dates and hours the API could only call "not ISO 8601". */
export function checkEvidenceForm(values: EvidenceFormValues, isNew: boolean): LocalProblem[] {
  const problems: LocalProblem[] = [];
  if (isNew && !values.kind) problems.push({ field: 'kind', text: 'Select what kind of evidence this is' });
  if (values.kind === 'CPD_ACTIVITY' && !values.cpdActivityType)
    problems.push({ field: 'cpdActivityType', text: 'Select the type of CPD activity' });
  const from = isoDateOf(values.dateFrom);
  if (from === undefined)
    problems.push({ field: 'dateFrom', text: 'Enter the date, or the first day it ran' });
  if (from === null)
    problems.push({ field: 'dateFrom', text: 'The date must be a real date, like 12 10 2026' });
  if (isoDateOf(values.dateTo) === null)
    problems.push({ field: 'dateTo', text: 'The last day must be a real date, like 14 10 2026' });
  if (values.hours && !/^\d{1,3}(\.\d{1,2})?$/.test(values.hours))
    problems.push({ field: 'hours', text: 'Hours must be a number from 0 to 999, like 6.5' });
  values.mappings.forEach((m, i) => {
    if (!m.target && (m.levelCode || m.rationale.trim()))
      problems.push({ field: `mappings.${i}.target`, text: `Select what mapping ${i + 1} evidences` });
  });
  return problems;
}

/** Framework versions ("PCF|2018") whose items are claimed at a level; a level is sent only for those. */
export type LevelledVersions = ReadonlySet<string>;

function mappingInputs(values: EvidenceFormValues, levelled: LevelledVersions): EvidenceMappingInput[] {
  return values.mappings
    .filter((m) => m.target)
    .map((m) => {
      const [frameworkCode = '', version = '', itemCode = ''] = m.target.split('|');
      return {
        frameworkCode,
        version,
        itemCode,
        levelCode: m.levelCode && levelled.has(`${frameworkCode}|${version}`) ? m.levelCode : null,
        rationale: m.rationale,
      };
    });
}

/** Every warned field ticked as checked: only then does the form confirm that nobody can be identified. */
export function confirmsNoIdentifiers(values: EvidenceFormValues, warnedFields: string[]): boolean {
  return warnedFields.length > 0 && warnedFields.every((f) => values.identifiersChecked.includes(f));
}

/** The form as `createEvidence`'s input. Call after `checkEvidenceForm` found nothing. */
export function createEvidenceInputFrom(
  values: EvidenceFormValues,
  levelled: LevelledVersions,
): CreateEvidenceInput {
  const peerText = values.peerReflection.text.trim();
  return {
    kind: values.kind as EvidenceKind,
    cpdActivityType:
      values.kind === 'CPD_ACTIVITY' && values.cpdActivityType
        ? (values.cpdActivityType as CpdActivityType)
        : null,
    title: values.title,
    dateFrom: isoDateOf(values.dateFrom) ?? '',
    dateTo: isoDateOf(values.dateTo) ?? null,
    hours: values.hours ? Number(values.hours) : null,
    description: values.description,
    learning: values.learning,
    impact: values.impact,
    peerReflection: peerText
      ? { text: values.peerReflection.text, peerRole: values.peerReflection.peerRole.trim() || null }
      : null,
    mappings: mappingInputs(values, levelled),
    confirmNoIdentifiers: false,
  };
}

/** The form as `updateEvidence`'s input: every field replaced, the revision it was edited from checked. */
export function updateEvidenceInputFrom(
  values: EvidenceFormValues,
  levelled: LevelledVersions,
  warnedFields: string[],
): UpdateEvidenceInput {
  const { kind: _kind, ...create } = createEvidenceInputFrom(values, levelled);
  const revision = Number(values.revision);
  return {
    ...create,
    evidenceId: values.evidenceId,
    expectedRevision: Number.isInteger(revision) && revision > 0 ? revision : null,
    cpdActivityType: create.cpdActivityType ?? undefined,
    dateTo: create.dateTo ?? undefined,
    hours: create.hours ?? undefined,
    peerReflection: create.peerReflection ?? undefined,
    removePeerReflection: create.peerReflection ? undefined : true,
    confirmNoIdentifiers: confirmsNoIdentifiers(values, warnedFields) || undefined,
  };
}

/**
 * The draft an autosave can keep even when the form is not finished: a missing title or date gets a
 * placeholder (the API needs both), unreadable hours and dates are left out, so typing is never lost.
 * Null until the kind is chosen, since a piece's kind is fixed once it is saved.
 */
export function autosaveValues(values: EvidenceFormValues, today: string): EvidenceFormValues | null {
  if (!values.kind) return null;
  const [year = '', month = '', day = ''] = today.split('-');
  const validDate = (parts: DateParts) => (isoDateOf(parts) ? parts : { day: '', month: '', year: '' });
  return {
    ...values,
    cpdActivityType: values.kind === 'CPD_ACTIVITY' ? values.cpdActivityType || 'OTHER' : '',
    title: values.title.trim() ? values.title : 'Untitled draft',
    dateFrom: isoDateOf(values.dateFrom) ? values.dateFrom : { day, month, year },
    dateTo: validDate(values.dateTo),
    hours: /^\d{1,3}(\.\d{1,2})?$/.test(values.hours) ? values.hours : '',
    mappings: values.mappings.filter((m) => m.target),
    identifiersChecked: [],
  };
}
