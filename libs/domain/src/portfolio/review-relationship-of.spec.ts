import type { AccessDecision, AccessRefusal, AccessRelationship } from '../access/access.types.js';
import { decideAccess } from '../access/decide-access.js';
import { DomainError } from '../errors.js';
import { reviewRelationshipOf as sut } from './review-relationship-of.js';

const DECIDED_ON = '2026-06-15';
const ASSIGNMENT: AccessRelationship = {
  assessorUserId: 'assessor',
  practitionerUserId: 'nqsw',
  capacity: 'ASYE_ASSESSOR',
  startsOn: '2026-01-01',
  endsOn: null,
};

describe('reviewRelationshipOf', () => {
  it('should return the relationship the REVIEW grant rests on', () => {
    const decision: AccessDecision = {
      allowed: true,
      basis: 'ASSIGNMENT',
      scope: 'SUBMITTED_TO_ACTOR',
      relationship: ASSIGNMENT,
    };
    expect(sut(decision, DECIDED_ON)).toBe(ASSIGNMENT);
  });

  it('should return the relationship in force when the policy decides on real facts', () => {
    const ended = {
      ...ASSIGNMENT,
      capacity: 'SUPERVISOR' as const,
      endsOn: '2025-12-31',
      startsOn: '2025-01-01',
    };
    const decision = decideAccess({
      purpose: 'REVIEW',
      on: DECIDED_ON,
      actor: { userId: 'assessor', roles: ['ASSESSOR'], leaver: false },
      subject: { userId: 'nqsw', member: true },
      relationships: [ended, ASSIGNMENT],
    });
    expect(sut(decision, DECIDED_ON)).toEqual(ASSIGNMENT);
  });

  it('should refuse a grant that rests on no relationship, having no capacity to decide in', () => {
    const decision: AccessDecision = {
      allowed: true,
      basis: 'ORGANISATION_ROLE',
      scope: 'ALL',
      relationship: null,
    };
    expect(() => sut(decision, DECIDED_ON)).toThrow(expect.objectContaining({ code: 'ACCESS_DENIED' }));
  });

  it.each<[AccessRefusal, string, string | undefined, Record<string, unknown> | undefined]>([
    ['NOT_ASSIGNED', 'NOT_ASSIGNED_REVIEWER', undefined, undefined],
    ['ASSIGNMENT_NOT_IN_FORCE', 'REVIEWER_NOT_ASSESSOR', undefined, { decidedOn: DECIDED_ON }],
    ['SELF_DECISION', 'SELF_REVIEW', 'input.evidenceVersionId', undefined],
    ['NOT_IN_ORGANISATION', 'ACCESS_DENIED', undefined, undefined],
    ['NOT_A_PARTY', 'ACCESS_DENIED', undefined, undefined],
    ['LEAVER', 'ACCESS_DENIED', undefined, undefined],
  ])('should turn the refusal %s into %s', (refusal, code, field, meta) => {
    const act = () => sut({ allowed: false, refusal }, DECIDED_ON);
    expect(act).toThrow(DomainError);
    expect(act).toThrow(expect.objectContaining({ code, field, meta }));
  });
});
