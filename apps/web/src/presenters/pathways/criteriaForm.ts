import type {
  CriterionInput,
  CriterionType,
  EvidenceKind,
  QualificationType,
} from '../../data/generated/graphql.js';

/*
 * A route's criteria as the designer's form holds them: a tree of ALL_OF / ANY_OF groups and typed
 * criteria, every value kept as the text typed so a refused form comes back as it was sent. The form
 * names each field by the node's path: the route's top group is `c`, its second child `c.1`, that
 * child's months `c.1.months`.
 */

export const ROOT_PATH = 'c';

export interface CriterionForm {
  type: CriterionType;
  /** Scalars as typed; flags are "true" or absent. */
  values: Record<string, string>;
  /** Multiple choices (domain codes, evidence kinds). */
  lists: Record<string, string[]>;
  children: CriterionForm[];
}

type FieldKind = 'whole' | 'share' | 'text' | 'flag' | 'list';

interface FieldSpec {
  name: string;
  kind: FieldKind;
}

/** The fields each type of criterion uses, in the order the form shows them. */
export const CRITERION_FIELDS: Record<CriterionType, FieldSpec[]> = {
  ALL_OF: [],
  ANY_OF: [],
  MIN_POST_QUALIFYING_MONTHS: [{ name: 'months', kind: 'whole' }],
  MIN_MONTHS_IN_STAGE: [{ name: 'months', kind: 'whole' }],
  APPROVED_EVIDENCE: [
    { name: 'minLevelCode', kind: 'text' },
    { name: 'allDomains', kind: 'flag' },
    { name: 'domainCodes', kind: 'list' },
    { name: 'minPiecesPerDomain', kind: 'whole' },
    { name: 'withinMonths', kind: 'whole' },
    { name: 'kinds', kind: 'list' },
  ],
  FRAMEWORK_COVERAGE: [
    { name: 'frameworkCode', kind: 'text' },
    { name: 'version', kind: 'text' },
    { name: 'minShare', kind: 'share' },
    { name: 'itemKind', kind: 'text' },
  ],
  QUALIFICATION: [
    { name: 'qualificationType', kind: 'text' },
    { name: 'minCredits', kind: 'whole' },
    { name: 'currentOnEvaluationDate', kind: 'flag' },
    { name: 'currentOn', kind: 'text' },
  ],
  CPD_COMPLIANCE: [{ name: 'registrationYears', kind: 'whole' }],
  HOLDS_STAGE: [{ name: 'stageKey', kind: 'text' }],
};

export const CRITERION_TYPES = Object.keys(CRITERION_FIELDS) as CriterionType[];

export const CRITERION_TYPE_NAMES: Record<CriterionType, string> = {
  ALL_OF: 'All of these',
  ANY_OF: 'Any one of these',
  MIN_POST_QUALIFYING_MONTHS: 'Months since qualifying',
  MIN_MONTHS_IN_STAGE: 'Months in the starting stage',
  APPROVED_EVIDENCE: 'Approved evidence at a PCF level',
  FRAMEWORK_COVERAGE: 'Share of a framework evidenced',
  QUALIFICATION: 'A verified qualification',
  CPD_COMPLIANCE: 'CPD requirements met',
  HOLDS_STAGE: 'Holds a stage',
};

export const QUALIFICATION_TYPE_NAMES: Record<QualificationType, string> = {
  AMHP: 'Approved Mental Health Professional',
  ASYE_COMPLETED: 'Passed the ASYE',
  BIA: 'Best Interests Assessor',
  OTHER: 'Another qualification',
  PEPS_STAGE_1: 'Practice Educator Professional Standards, Stage 1',
  PEPS_STAGE_2: 'Practice Educator Professional Standards, Stage 2',
  PQ_AWARD: 'A post-qualifying award',
  PQ_CREDITS: 'Post-qualifying academic credits',
};

export const EVIDENCE_KIND_NAMES: Record<EvidenceKind, string> = {
  CERTIFICATE: 'Certificate of learning',
  CPD_ACTIVITY: 'CPD activity',
  CRITICAL_REFLECTION: 'Critical reflection',
  DIRECT_OBSERVATION: 'Direct observation of practice',
  PROFESSIONAL_FEEDBACK: 'Feedback from another professional',
  SERVICE_USER_FEEDBACK: 'Feedback from a person who uses services',
  SUPERVISION_REFLECTION: 'Reflection on supervision',
  WRITTEN_REPORT: 'Written report',
};

export const isGroup = (type: string): boolean => type === 'ALL_OF' || type === 'ANY_OF';

export function emptyCriterion(type: CriterionType): CriterionForm {
  return { type, values: {}, lists: {}, children: [] };
}

/**
 * A criterion as the API stores it (`criteriaDocument`: all nine domains as `domainCodes: "ALL"`)
 * in the shape the API takes it back (`allDomains: true`).
 */
export function inputFromDocument(document: Record<string, unknown>): CriterionInput {
  const { domainCodes, criteria, minLevelOrdinal, ...rest } = document;
  const input: Record<string, unknown> = { ...rest };
  if (domainCodes === 'ALL') input.allDomains = true;
  else if (Array.isArray(domainCodes)) input.domainCodes = domainCodes;
  // The form names the level by code; an ordinal on its own is kept so nothing is lost.
  if (minLevelOrdinal != null && input.minLevelCode == null) input.minLevelOrdinal = minLevelOrdinal;
  if (Array.isArray(criteria))
    input.criteria = criteria.map((c) => inputFromDocument(c as Record<string, unknown>));
  return input as CriterionInput;
}

export function formFromInput(input: CriterionInput): CriterionForm {
  const form = emptyCriterion(input.type);
  const fields = input as unknown as Record<string, unknown>;
  for (const { name, kind } of CRITERION_FIELDS[input.type] ?? []) {
    const value = fields[name];
    if (value === undefined || value === null) continue;
    if (kind === 'list') form.lists[name] = (value as unknown[]).map(String);
    else if (kind === 'flag') {
      if (value === true) form.values[name] = 'true';
    } else form.values[name] = String(value);
  }
  form.children = (input.criteria ?? []).map(formFromInput);
  return form;
}

export interface FormProblem {
  field: string;
  text: string;
}

/**
 * The API input for the form, or what stops the form being sent: text that is not a number. Anything
 * else (a count of 0, a missing level, an empty group) is the API's to judge, and comes back named.
 */
export function inputFromForm(
  form: CriterionForm,
  path = ROOT_PATH,
): { input: CriterionInput; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const input: Record<string, unknown> = { type: form.type };
  for (const { name, kind } of CRITERION_FIELDS[form.type]) {
    const field = `${path}.${name}`;
    if (kind === 'list') {
      const list = form.lists[name] ?? [];
      if (list.length > 0) input[name] = [...list];
      continue;
    }
    const text = (form.values[name] ?? '').trim();
    if (kind === 'flag') {
      if (text === 'true') input[name] = true;
      continue;
    }
    if (text === '') continue;
    if (kind === 'whole') {
      if (/^-?\d+$/.test(text)) input[name] = Number(text);
      else problems.push({ field, text: 'Enter a whole number, like 12' });
    } else if (kind === 'share') {
      if (/^\d*\.?\d+$/.test(text)) input[name] = Number(text);
      else problems.push({ field, text: 'Enter a share as a decimal, like 0.8' });
    } else input[name] = text;
  }
  // All nine domains, or those ticked: never both.
  if (input.allDomains === true) delete input.domainCodes;
  if (isGroup(form.type)) {
    input.criteria = form.children.map((child, i) => {
      const converted = inputFromForm(child, `${path}.${i}`);
      problems.push(...converted.problems);
      return converted.input;
    });
  }
  return { input: input as unknown as CriterionInput, problems };
}

/** The form's fields as a browser posts them (checkbox lists as arrays). */
export function bodyFromForm(form: CriterionForm, path = ROOT_PATH): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = { [`${path}.type`]: form.type };
  for (const [name, value] of Object.entries(form.values)) body[`${path}.${name}`] = value;
  for (const [name, list] of Object.entries(form.lists)) body[`${path}.${name}`] = list;
  form.children.forEach((child, i) => Object.assign(body, bodyFromForm(child, `${path}.${i}`)));
  return body;
}

/** The tree back from a posted form; children are found by index until one is missing. */
export function formFromBody(body: Record<string, unknown>, path = ROOT_PATH): CriterionForm {
  const type = String(body[`${path}.type`] ?? '') as CriterionType;
  if (!CRITERION_TYPES.includes(type)) return emptyCriterion('ALL_OF');
  const form = emptyCriterion(type);
  for (const { name, kind } of CRITERION_FIELDS[type]) {
    const raw = body[`${path}.${name}`];
    if (raw === undefined) continue;
    if (kind === 'list') form.lists[name] = (Array.isArray(raw) ? raw : [raw]).map(String);
    else form.values[name] = Array.isArray(raw) ? String(raw[raw.length - 1]) : String(raw);
  }
  // An unticked checkbox posts nothing: a hidden "" comes first so the list is known to be empty.
  for (const [name, list] of Object.entries(form.lists)) {
    const ticked = list.filter((v) => v !== '');
    if (ticked.length > 0) form.lists[name] = ticked;
    else delete form.lists[name];
  }
  if (form.values.allDomains !== undefined && form.values.allDomains !== 'true')
    delete form.values.allDomains;
  if (form.values.currentOnEvaluationDate !== undefined && form.values.currentOnEvaluationDate !== 'true')
    delete form.values.currentOnEvaluationDate;
  if (isGroup(type)) {
    for (let i = 0; body[`${path}.${i}.type`] !== undefined; i++)
      form.children.push(formFromBody(body, `${path}.${i}`));
  }
  return form;
}

function nodeAt(form: CriterionForm, path: string): CriterionForm | undefined {
  const steps = path.split('.').slice(1).map(Number);
  let node: CriterionForm | undefined = form;
  for (const step of steps) node = node?.children[step];
  return node;
}

/**
 * The submit buttons that change the tree without JavaScript: `add:<group path>` appends a criterion
 * of the type chosen beside the button, `remove:<path>` takes a criterion or group out.
 */
export function applyFormAction(
  form: CriterionForm,
  action: string,
  body: Record<string, unknown>,
): CriterionForm {
  const tree = structuredClone(form);
  const [verb, path = ''] = action.split(':');
  if (verb === 'add') {
    const group = nodeAt(tree, path);
    const type = String(body[`${path}.newType`] ?? '') as CriterionType;
    if (group && isGroup(group.type) && CRITERION_TYPES.includes(type))
      group.children.push(emptyCriterion(type));
  } else if (verb === 'remove' && path.includes('.')) {
    const parent = nodeAt(tree, path.slice(0, path.lastIndexOf('.')));
    const index = Number(path.slice(path.lastIndexOf('.') + 1));
    parent?.children.splice(index, 1);
  }
  return tree;
}

/** "c.1.0" → "Criterion 2.1": how the page and its error messages name a criterion. */
export function criterionNumber(path: string): string {
  const steps = path.split('.').slice(1);
  return steps.length === 0
    ? 'The route’s criteria'
    : `Criterion ${steps.map((s) => Number(s) + 1).join('.')}`;
}

/**
 * The form field an API error names: `input.route.criteria.criteria[1].months` (or with `.1.`) →
 * `c.1.months`. A field the form does not show (an empty group's `criteria`) lands on the group's
 * "add" choice; other fields of the route keep their own names (`route.mechanism` → `mechanism`).
 */
export function formFieldForApiField(apiField: string | undefined): string | undefined {
  if (!apiField) return undefined;
  const dotted = apiField.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
  const match = /^route\.criteria((?:\.criteria\.\d+)*)(?:\.([A-Za-z]+))?$/.exec(dotted);
  if (!match) return dotted.replace(/^route\./, '');
  const path = ROOT_PATH + (match[1] ?? '').replace(/\.criteria\./g, '.');
  const name = match[2];
  if (name === 'criteria') return `${path}.newType`;
  if (name === 'minLevelOrdinal') return `${path}.minLevelCode`;
  const known = Object.values(CRITERION_FIELDS).some((fields) => fields.some((f) => f.name === name));
  return known ? `${path}.${name}` : `${path}.type`;
}
