import { DomainError } from '../errors.js';
import { EVIDENCE_KINDS, QUALIFICATION_TYPES } from '../portfolio/portfolio.types.js';
import { addMonths } from '../calendar/add-months.js';
import { findCriterionExcess } from './find-criterion-excess.js';
import {
  CRITERION_TYPES,
  PCF_DOMAIN_ITEM_KIND,
  type Criterion,
  type CriterionProblem,
  type CriterionValidationScope,
} from './progression.types.js';

type Refuse = (
  reason: CriterionProblem,
  message: string,
  at: string,
  meta?: Record<string, unknown>,
) => never;

const refuse: Refuse = (reason, message, at, meta = {}) => {
  throw new DomainError('CRITERION_INVALID', message, at, { reason, ...meta });
};

/**
 * Checks one criterion (and its children) against reference data and the design's stages, as saved
 * from client input that may not match the types. Throws CRITERION_INVALID with `meta.reason` and the
 * field at fault (e.g. `input.routes[2].criteria.criteria[0].domainCodes`), or STAGE_NOT_FOUND for a
 * HOLDS_STAGE criterion naming a stage the design lacks. Counts must be whole numbers of at least 1
 * and shares in (0, 1]; the tree may nest MAX_CRITERION_DEPTH deep and hold MAX_CRITERION_SIZE criteria
 * (TOO_DEEP naming the first criterion too deep, TOO_LARGE naming `field`).
 */
export function validateCriterion(
  criterion: Criterion,
  scope: CriterionValidationScope,
  field: string,
): void {
  // Size first, without recursion: the checks below recurse, and a tree too big is refused whole.
  const excess = findCriterionExcess(criterion);
  if (excess?.reason === 'TOO_DEEP') {
    refuse('TOO_DEEP', `Criteria may nest at most ${excess.maxDepth} deep.`, `${field}${excess.at}`, {
      maxDepth: excess.maxDepth,
    });
  }
  if (excess?.reason === 'TOO_LARGE') {
    refuse('TOO_LARGE', `A route may have at most ${excess.maxSize} criteria in all.`, field, {
      maxSize: excess.maxSize,
    });
  }
  validateWithin(criterion, scope, field);
}

function validateWithin(criterion: Criterion, scope: CriterionValidationScope, field: string): void {
  const positive = (value: unknown, name: string) => {
    if (!Number.isInteger(value) || (value as number) < 1) {
      refuse(
        'NOT_A_POSITIVE_WHOLE_NUMBER',
        `${name} must be a whole number of at least 1.`,
        `${field}.${name}`,
        {
          value,
        },
      );
    }
  };

  const type = (criterion as { type?: unknown } | null)?.type;
  if (!CRITERION_TYPES.includes(type as Criterion['type'])) {
    refuse('UNKNOWN_TYPE', 'This criterion is of an unknown type.', `${field}.type`, { type });
  }

  switch (criterion.type) {
    case 'ALL_OF':
    case 'ANY_OF': {
      if (!Array.isArray(criterion.criteria) || criterion.criteria.length === 0) {
        refuse('EMPTY_GROUP', 'A group of criteria needs at least one criterion.', `${field}.criteria`);
      }
      criterion.criteria.forEach((child, i) => validateWithin(child, scope, `${field}.criteria[${i}]`));
      return;
    }
    case 'MIN_POST_QUALIFYING_MONTHS':
    case 'MIN_MONTHS_IN_STAGE':
      positive(criterion.months, 'months');
      return;
    case 'APPROVED_EVIDENCE': {
      const { pcf } = scope;
      const { minLevelOrdinal: ordinal, minLevelCode: code } = criterion;
      if (ordinal == null && code == null) {
        refuse('LEVEL_REQUIRED', 'Say the lowest PCF level that counts.', `${field}.minLevelCode`);
      }
      const byOrdinal = pcf.levels.find((l) => l.ordinal === ordinal);
      const byCode = pcf.levels.find((l) => l.code === code);
      if (ordinal != null && byOrdinal === undefined) {
        refuse('UNKNOWN_LEVEL', `PCF ${pcf.version} has no level ${ordinal}.`, `${field}.minLevelOrdinal`, {
          minLevelOrdinal: ordinal,
        });
      }
      if (code != null && byCode === undefined) {
        refuse('UNKNOWN_LEVEL', `PCF ${pcf.version} has no level ${code}.`, `${field}.minLevelCode`, {
          minLevelCode: code,
        });
      }
      if (byOrdinal !== undefined && byCode !== undefined && byOrdinal !== byCode) {
        refuse(
          'LEVEL_MISMATCH',
          'The level ordinal and code name different levels.',
          `${field}.minLevelOrdinal`,
          {
            minLevelOrdinal: ordinal,
            minLevelCode: code,
          },
        );
      }
      checkCodes(
        criterion.domainCodes,
        pcf.items.filter((i) => i.kind === PCF_DOMAIN_ITEM_KIND).map((i) => i.code),
        'UNKNOWN_DOMAIN',
        `${field}.domainCodes`,
        refuse,
      );
      positive(criterion.minPiecesPerDomain, 'minPiecesPerDomain');
      if (criterion.withinMonths != null) positive(criterion.withinMonths, 'withinMonths');
      if (criterion.kinds != null) {
        checkCodes(criterion.kinds, EVIDENCE_KINDS, 'UNKNOWN_EVIDENCE_KIND', `${field}.kinds`, refuse);
      }
      return;
    }
    case 'FRAMEWORK_COVERAGE': {
      const { frameworkCode, version, minShare, itemKind } = criterion;
      const framework = scope.reference.frameworks.find(
        (f) => f.code === frameworkCode && f.version === version,
      );
      if (framework === undefined) {
        refuse(
          'UNKNOWN_FRAMEWORK_VERSION',
          `There is no framework ${frameworkCode} version ${version}.`,
          `${field}.version`,
          { frameworkCode, version },
        );
      }
      if (typeof minShare !== 'number' || !(minShare > 0 && minShare <= 1)) {
        refuse('SHARE_OUT_OF_RANGE', 'The share must be more than 0 and at most 1.', `${field}.minShare`, {
          minShare,
        });
      }
      const kindUsed = itemKind == null || framework.items.some((i) => i.kind === itemKind);
      if (!kindUsed || framework.items.length === 0) {
        refuse(
          'UNKNOWN_ITEM_KIND',
          `${frameworkCode} ${version} has no items of that kind.`,
          `${field}.itemKind`,
          {
            itemKind: itemKind ?? null,
          },
        );
      }
      return;
    }
    case 'QUALIFICATION': {
      const { qualificationType, minCredits, currentOnEvaluationDate, currentOn } = criterion;
      if (!QUALIFICATION_TYPES.includes(qualificationType)) {
        refuse(
          'UNKNOWN_QUALIFICATION_TYPE',
          'This qualification type is unknown.',
          `${field}.qualificationType`,
          {
            qualificationType,
          },
        );
      }
      if (minCredits != null) {
        if (qualificationType !== 'PQ_CREDITS') {
          refuse(
            'CREDITS_NOT_APPLICABLE',
            'Only post-qualifying credits are counted in credits.',
            `${field}.minCredits`,
          );
        }
        positive(minCredits, 'minCredits');
      }
      if (currentOn != null) {
        if (!isIsoDate(currentOn)) {
          refuse('INVALID_DATE', 'Give the day as YYYY-MM-DD.', `${field}.currentOn`, { currentOn });
        }
        if (currentOnEvaluationDate) {
          refuse(
            'CONFLICTING_CURRENCY',
            'Say either "current on the evaluation date" or a day, not both.',
            `${field}.currentOn`,
          );
        }
      }
      return;
    }
    case 'CPD_COMPLIANCE':
      positive(criterion.registrationYears, 'registrationYears');
      return;
    case 'HOLDS_STAGE':
      if (!scope.stageKeys.has(criterion.stageKey)) {
        throw new DomainError('STAGE_NOT_FOUND', 'This pathway has no such stage.', `${field}.stageKey`, {
          stageKey: criterion.stageKey,
        });
      }
      return;
  }
}

function checkCodes(
  codes: unknown,
  known: readonly string[],
  unknownReason: CriterionProblem,
  field: string,
  refuse: Refuse,
): void {
  if (codes === 'ALL' && unknownReason === 'UNKNOWN_DOMAIN') return;
  if (!Array.isArray(codes) || codes.length === 0) refuse('EMPTY_LIST', 'Name at least one.', field);
  const list = codes as unknown[];
  const unknown = list.filter((c) => typeof c !== 'string' || !known.includes(c));
  if (unknown.length > 0) refuse(unknownReason, 'Some codes are not known.', field, { codes: unknown });
  const duplicated = list.filter((c, i) => list.indexOf(c) !== i);
  if (duplicated.length > 0)
    refuse('DUPLICATE_CODE', 'Each code may appear once.', field, { codes: duplicated });
}

function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    return addMonths(value, 0) === value; // also refuses days a month does not have
  } catch {
    return false;
  }
}
