import type { CriterionType } from '../../data/generated/graphql.js';
import { fieldId, type FormErrors } from '../../forms.js';
import {
  CRITERION_TYPE_NAMES,
  CRITERION_TYPES,
  EVIDENCE_KIND_NAMES,
  QUALIFICATION_TYPE_NAMES,
  ROOT_PATH,
  criterionNumber,
  isGroup,
  type CriterionForm,
} from './criteriaForm.js';

/** The choices the criteria form offers, from the API's reference data and the draft's stages. */
export interface CriteriaChoices {
  pcfLevels: { code: string; name: string }[];
  pcfDomains: { code: string; title: string }[];
  stages: { key: string; name: string }[];
}

/** One GOV.UK macro call: the template picks the macro by `macro` and passes `params` as they are. */
export interface FieldView {
  macro: 'input' | 'select' | 'checkboxes';
  params: Record<string, unknown>;
}

export interface CriterionView {
  path: string;
  id: string;
  heading: string;
  type: CriterionType;
  typeName: string;
  isGroup: boolean;
  isRoot: boolean;
  /** An error about the criterion as a whole (its type, or what the API could not place). */
  error?: { text: string };
  fields: FieldView[];
  children: CriterionView[];
  /** A group's "add a criterion" choice. */
  addChoice?: FieldView;
}

const NEW_TYPE_ITEMS = CRITERION_TYPES.map((t) => ({
  value: t,
  text: isGroup(t) ? `A group: ${CRITERION_TYPE_NAMES[t].toLowerCase()}` : CRITERION_TYPE_NAMES[t],
}));

/** The criteria tree as the route page draws it: one fieldset per criterion, its fields by type. */
export function criteriaFormView(
  form: CriterionForm,
  choices: CriteriaChoices,
  errors?: FormErrors,
  path = ROOT_PATH,
): CriterionView {
  const heading = criterionNumber(path);
  const typeName = CRITERION_TYPE_NAMES[form.type];
  const errorFor = (name: string) => errors?.byField[`${path}.${name}`];
  const named = (name: string) => ({ id: fieldId(`${path}.${name}`), name: `${path}.${name}` });
  const value = (name: string) => form.values[name] ?? '';
  const label = (text: string) => ({ text, classes: 'govuk-label--s' });
  const hint = (text: string) => ({ text });
  const input = (name: string, text: string, extra: Record<string, unknown> = {}): FieldView => ({
    macro: 'input',
    params: {
      ...named(name),
      label: label(text),
      value: value(name),
      errorMessage: errorFor(name),
      classes: 'govuk-input--width-5',
      ...extra,
    },
  });
  const whole = (name: string, text: string, hintText?: string): FieldView =>
    input(name, text, { inputmode: 'numeric', ...(hintText ? { hint: hint(hintText) } : {}) });
  const select = (name: string, text: string, items: { value: string; text: string }[]): FieldView => ({
    macro: 'select',
    params: {
      ...named(name),
      label: label(text),
      items: [
        { value: '', text: 'Choose one' },
        ...items.map((i) => ({ ...i, selected: i.value === value(name) })),
      ],
      errorMessage: errorFor(name),
    },
  });
  const checkboxes = (
    name: string,
    legend: string,
    items: { value: string; text: string }[],
    hintText?: string,
  ): FieldView => ({
    macro: 'checkboxes',
    params: {
      idPrefix: fieldId(`${path}.${name}`),
      name: `${path}.${name}`,
      classes: 'govuk-checkboxes--small',
      fieldset: { legend: { text: legend, classes: 'govuk-fieldset__legend--s' } },
      ...(hintText ? { hint: hint(hintText) } : {}),
      items: items.map((i) => ({
        ...i,
        checked: name in form.values ? value(name) === i.value : (form.lists[name] ?? []).includes(i.value),
      })),
      errorMessage: errorFor(name),
    },
  });

  const fields: FieldView[] = [];
  switch (form.type) {
    case 'MIN_POST_QUALIFYING_MONTHS':
    case 'MIN_MONTHS_IN_STAGE':
      fields.push(whole('months', 'Months'));
      break;
    case 'APPROVED_EVIDENCE':
      fields.push(
        select(
          'minLevelCode',
          'Lowest PCF level that counts',
          choices.pcfLevels.map((l) => ({ value: l.code, text: l.name })),
        ),
        checkboxes('allDomains', 'Domains', [{ value: 'true', text: 'All nine PCF domains' }]),
        checkboxes(
          'domainCodes',
          'Or these PCF domains',
          choices.pcfDomains.map((d) => ({ value: d.code, text: d.title })),
          'Leave these unticked when all nine domains count.',
        ),
        whole('minPiecesPerDomain', 'Pieces of approved evidence needed in each domain'),
        whole('withinMonths', 'Only evidence from the last … months (optional)'),
        checkboxes(
          'kinds',
          'Only these kinds of evidence (optional)',
          Object.entries(EVIDENCE_KIND_NAMES).map(([v, text]) => ({ value: v, text })),
        ),
      );
      break;
    case 'FRAMEWORK_COVERAGE':
      fields.push(
        input('frameworkCode', 'Framework code', {
          classes: 'govuk-input--width-20',
          hint: hint('For example KSS_ADULTS'),
        }),
        input('version', 'Framework version', { classes: 'govuk-input--width-10' }),
        input('minShare', 'Share of the framework’s items evidenced', {
          hint: hint('A decimal above 0 and at most 1: 0.8 is 80%'),
          inputmode: 'decimal',
        }),
        input('itemKind', 'Only items of this kind (optional)', { classes: 'govuk-input--width-20' }),
      );
      break;
    case 'QUALIFICATION':
      fields.push(
        select(
          'qualificationType',
          'Qualification',
          Object.entries(QUALIFICATION_TYPE_NAMES).map(([v, text]) => ({ value: v, text })),
        ),
        whole('minCredits', 'Credits needed (post-qualifying credits only)'),
        checkboxes('currentOnEvaluationDate', 'When it must be current', [
          { value: 'true', text: 'Current on the day eligibility is worked out' },
        ]),
        input('currentOn', 'Or current on this day (optional)', {
          classes: 'govuk-input--width-10',
          hint: hint('YYYY-MM-DD, for example 2027-03-31'),
        }),
      );
      break;
    case 'CPD_COMPLIANCE':
      fields.push(whole('registrationYears', 'Completed registration years with CPD requirements met'));
      break;
    case 'HOLDS_STAGE':
      fields.push(
        select(
          'stageKey',
          'Stage',
          choices.stages.map((s) => ({ value: s.key, text: s.name })),
        ),
      );
      break;
    default:
      break;
  }

  const group = isGroup(form.type);
  return {
    path,
    id: fieldId(`${path}.type`),
    heading,
    type: form.type,
    typeName,
    isGroup: group,
    isRoot: path === ROOT_PATH,
    error: errorFor('type'),
    fields,
    children: form.children.map((child, i) => criteriaFormView(child, choices, errors, `${path}.${i}`)),
    ...(group
      ? {
          addChoice: {
            macro: 'select' as const,
            params: {
              ...named('newType'),
              label: { text: `What to add to ${heading.charAt(0).toLowerCase()}${heading.slice(1)}` },
              items: NEW_TYPE_ITEMS,
              errorMessage: errorFor('newType'),
            },
          },
        }
      : {}),
  };
}
