import { DomainError } from '../errors.js';
import { isDateInRange } from '../calendar/is-date-in-range.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type {
  AssessmentContext,
  QualificationType,
  ReviewerFacts,
  ReviewerStanding,
  ReviewerStandingInput,
  StandingRequirement,
} from './portfolio.types.js';

const CONTEXT_LABELS: Record<AssessmentContext, string> = {
  FIRST_PLACEMENT: 'a first placement',
  FINAL_PLACEMENT: 'a final placement',
  ASYE: 'an ASYE',
  CPD: 'a CPD',
};

/**
 * Checks that the reviewer may make this decision AS AT `decidedOn` (reference §5.1, §6, §10 rule 6):
 * - always: the reviewer is not the practitioner (SELF_REVIEW) and holds the relationship,
 *   active on `decidedOn` (REVIEWER_NOT_ASSESSOR);
 * - FIRST_PLACEMENT: a registered social worker with a verified, current PEPS Stage 1 or 2;
 * - FINAL_PLACEMENT: a registered social worker with a verified, current PEPS Stage 2, or with
 *   Stage 1 and a countersigner who is a registered social worker with a verified, current Stage 2
 *   and is neither the reviewer nor the practitioner;
 * - ASYE: a registered social worker (PEPS not required);
 * - CPD: nothing more.
 * Every missing requirement is reported at once: REVIEWER_NOT_QUALIFIED with `meta.missing`.
 * Qualification and registration dates are inclusive: current from `awardedOn`/`registeredFrom`
 * through `expiresOn`/`registeredUntil`.
 */
export function assertReviewerStanding(input: ReviewerStandingInput): ReviewerStanding {
  const { decidedOn, context, reviewer, relationship } = input;
  const practitionerUserId = relationship.practitionerUserId;

  if (reviewer.userId === practitionerUserId) {
    throw new DomainError('SELF_REVIEW', 'You cannot review your own evidence.');
  }
  if (
    relationship.assessorUserId !== reviewer.userId ||
    !isDateInRange(decidedOn, relationship.startsOn, relationship.endsOn)
  ) {
    throw new DomainError(
      'REVIEWER_NOT_ASSESSOR',
      `The reviewer is not assigned to assess this practitioner on ${decidedOn}.`,
      undefined,
      { decidedOn, startsOn: relationship.startsOn, endsOn: relationship.endsOn },
    );
  }

  const missing: StandingRequirement[] = [];
  let qualification: QualificationType | null = null;
  let countersignerUserId: string | null = null;

  if (context !== 'CPD' && !isRegisteredOn(reviewer, decidedOn)) {
    missing.push('SOCIAL_WORK_REGISTRATION');
  }

  if (context === 'FIRST_PLACEMENT') {
    qualification = pepsStageOn(reviewer, decidedOn);
    if (qualification === null) missing.push('PEPS_STAGE_1_OR_2');
  }

  if (context === 'FINAL_PLACEMENT') {
    qualification = pepsStageOn(reviewer, decidedOn);
    if (qualification === null) {
      missing.push('PEPS_STAGE_2');
    } else if (qualification === 'PEPS_STAGE_1') {
      const countersigner = input.countersigner ?? null;
      if (countersigner === null) {
        missing.push('PEPS_STAGE_2_COUNTERSIGNER');
      } else if (countersigner.userId === reviewer.userId || countersigner.userId === practitionerUserId) {
        missing.push('INDEPENDENT_COUNTERSIGNER');
      } else {
        if (!holdsOn(countersigner, 'PEPS_STAGE_2', decidedOn)) missing.push('PEPS_STAGE_2_COUNTERSIGNER');
        if (!isRegisteredOn(countersigner, decidedOn)) missing.push('COUNTERSIGNER_REGISTRATION');
        countersignerUserId = countersigner.userId;
      }
    }
  }

  if (missing.length > 0) {
    throw new DomainError(
      'REVIEWER_NOT_QUALIFIED',
      `The reviewer cannot sign off ${CONTEXT_LABELS[context]} decision on ${decidedOn}. Missing: ${missing
        .map((requirement) => describe(requirement, decidedOn))
        .join('; ')}.`,
      undefined,
      { missing, decidedOn, context },
    );
  }

  return { qualification, countersignerUserId };
}

function isRegisteredOn(person: ReviewerFacts, day: IsoDate): boolean {
  const registration = person.registration;
  return (
    registration !== null && isDateInRange(day, registration.registeredFrom, registration.registeredUntil)
  );
}

function holdsOn(person: ReviewerFacts, type: QualificationType, day: IsoDate): boolean {
  return person.qualifications.some(
    (q) => q.type === type && q.verified && isDateInRange(day, q.awardedOn, q.expiresOn),
  );
}

/** The highest PEPS stage the person holds on `day`, or `null`. */
function pepsStageOn(person: ReviewerFacts, day: IsoDate): 'PEPS_STAGE_1' | 'PEPS_STAGE_2' | null {
  if (holdsOn(person, 'PEPS_STAGE_2', day)) return 'PEPS_STAGE_2';
  if (holdsOn(person, 'PEPS_STAGE_1', day)) return 'PEPS_STAGE_1';
  return null;
}

function describe(requirement: StandingRequirement, day: IsoDate): string {
  switch (requirement) {
    case 'SOCIAL_WORK_REGISTRATION':
      return `a social work registration current on ${day}`;
    case 'PEPS_STAGE_1_OR_2':
      return `a verified PEPS Stage 1 or Stage 2 qualification current on ${day}`;
    case 'PEPS_STAGE_2':
      return `a verified PEPS Stage 2 qualification current on ${day} (or Stage 1 with a Stage 2 countersigner)`;
    case 'PEPS_STAGE_2_COUNTERSIGNER':
      return `a countersigner holding a verified PEPS Stage 2 qualification current on ${day}`;
    case 'COUNTERSIGNER_REGISTRATION':
      return `a countersigner with a social work registration current on ${day}`;
    case 'INDEPENDENT_COUNTERSIGNER':
      return 'a countersigner who is neither the reviewer nor the practitioner';
  }
}
