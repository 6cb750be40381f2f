import { registerEnumType } from '@nestjs/graphql';
import {
  APPLICATION_DECISIONS,
  APPLICATION_STATUSES,
  CRITERION_TYPES,
  PROGRESS_UNITS,
  PROGRESSION_MECHANISMS,
  STAGE_DECISIONS,
} from '#app/domain';
import { PATHWAY_VERSION_STATUSES } from '#app/persistence';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ProgressionMechanismEnum = enumOf(PROGRESSION_MECHANISMS);
registerEnumType(ProgressionMechanismEnum, {
  name: 'ProgressionMechanism',
  description: 'How a move along a route is decided.',
  valuesMap: {
    AUTOMATIC: {
      description: 'Follows once the criteria are met (e.g. NQSW to social worker after the ASYE).',
    },
    APPRAISAL: { description: 'Agreed in appraisal with the line manager.' },
    PANEL: { description: 'Decided by a career progression panel.' },
    RECRUITMENT: { description: 'Vacancy-led: apply for a post.' },
  },
});

export const CriterionTypeEnum = enumOf(CRITERION_TYPES);
registerEnumType(CriterionTypeEnum, {
  name: 'CriterionType',
  description: 'What a route criterion checks.',
  valuesMap: {
    ALL_OF: { description: 'Every child criterion.' },
    ANY_OF: { description: 'At least one child criterion.' },
    MIN_POST_QUALIFYING_MONTHS: { description: 'Months since qualifying.' },
    MIN_MONTHS_IN_STAGE: { description: 'Months in the route’s starting stage.' },
    APPROVED_EVIDENCE: { description: 'Approved evidence at a PCF level or above, per domain.' },
    FRAMEWORK_COVERAGE: { description: 'A share of a framework’s items evidenced.' },
    QUALIFICATION: { description: 'A verified qualification.' },
    CPD_COMPLIANCE: { description: 'CPD requirements met for the last N registration years.' },
    HOLDS_STAGE: { description: 'Holds a given stage now.' },
  },
});

export const PathwayVersionStatusEnum = enumOf(PATHWAY_VERSION_STATUSES);
registerEnumType(PathwayVersionStatusEnum, {
  name: 'PathwayVersionStatus',
  description: 'Where a pathway version stands.',
  valuesMap: {
    DRAFT: { description: 'Being designed; editable.' },
    PUBLISHED: { description: 'In force: practitioners are evaluated against it; never edited.' },
    RETIRED: { description: 'Replaced by a later version; kept for the record.' },
  },
});

export const ProgressUnitEnum = enumOf(PROGRESS_UNITS);
registerEnumType(ProgressUnitEnum, { name: 'ProgressUnit', description: 'What a progress figure counts.' });

export const ApplicationStatusEnum = enumOf(APPLICATION_STATUSES);
registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description: 'Where an application stands.',
});

export const ApplicationDecisionEnum = enumOf(APPLICATION_DECISIONS);
registerEnumType(ApplicationDecisionEnum, {
  name: 'ApplicationDecision',
  description: 'What a PSW or panel decides on an application.',
});

export const StageDecisionEnum = enumOf(STAGE_DECISIONS);
registerEnumType(StageDecisionEnum, {
  name: 'StageDecision',
  description: 'How a practitioner came to hold a stage.',
});
