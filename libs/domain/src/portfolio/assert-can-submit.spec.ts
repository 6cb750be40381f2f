import fc from 'fast-check';
import { DomainError } from '../errors.js';
import { assertCanSubmit as sut } from './assert-can-submit.js';
import type { AssessorRelationshipFacts, CanSubmitInput } from './portfolio.types.js';

const OWNER = 'user-owner';
const REVIEWER = 'user-reviewer';
const OTHER = 'user-other';
const AS_OF = '2025-03-15';

function relationship(overrides: Partial<AssessorRelationshipFacts> = {}): AssessorRelationshipFacts {
  return {
    assessorUserId: REVIEWER,
    practitionerUserId: OWNER,
    capacity: 'SUPERVISOR',
    startsOn: '2025-01-01',
    endsOn: null,
    ...overrides,
  };
}

function input(overrides: Partial<CanSubmitInput> = {}): CanSubmitInput {
  return {
    actorUserId: OWNER,
    ownerUserId: OWNER,
    reviewerUserId: REVIEWER,
    asOf: AS_OF,
    evidenceDate: '2025-03-10',
    relationships: [relationship()],
    ...overrides,
  };
}

describe('assertCanSubmit', () => {
  it('should return the relationship that lets the reviewer assess the owner', () => {
    const active = relationship({ capacity: 'ASYE_ASSESSOR' });
    expect(sut(input({ relationships: [active] }))).toBe(active);
  });

  it('should return the caller’s own relationship object, extra fields included', () => {
    const row = { ...relationship(), id: 'rel-1' };
    expect(sut({ ...input(), relationships: [row] }).id).toBe('rel-1');
  });

  it('should pick the active relationship among ended, future and other people’s ones', () => {
    const active = relationship({
      startsOn: '2025-03-01',
      endsOn: '2025-03-31',
      capacity: 'PRACTICE_EDUCATOR',
    });
    const relationships = [
      relationship({ startsOn: '2024-01-01', endsOn: '2025-03-14' }),
      relationship({ startsOn: '2025-03-16' }),
      relationship({ assessorUserId: OTHER }),
      relationship({ practitionerUserId: OTHER }),
      active,
    ];
    expect(sut(input({ relationships }))).toBe(active);
  });

  it.each([
    ['starts on the day of submission', { startsOn: AS_OF }],
    ['ends on the day of submission', { endsOn: AS_OF }],
    ['is open-ended', { endsOn: null }],
  ])('should accept a relationship that %s', (_label, overrides) => {
    expect(() => sut(input({ relationships: [relationship(overrides)] }))).not.toThrow();
  });

  it.each([
    ['evidence dated on the day of submission', AS_OF],
    ['evidence dated long ago', '2019-12-02'],
  ])('should accept %s', (_label, evidenceDate) => {
    expect(() => sut(input({ evidenceDate }))).not.toThrow();
  });

  it.each<[string, Partial<CanSubmitInput>, string, string | undefined]>([
    ['someone else submits', { actorUserId: OTHER }, 'NOT_OWNER', undefined],
    ['the reviewer submits for the owner', { actorUserId: REVIEWER }, 'NOT_OWNER', undefined],
    [
      'the owner names themself as reviewer',
      { reviewerUserId: OWNER },
      'SELF_REVIEW',
      'input.reviewerUserId',
    ],
    ['there is no relationship', { relationships: [] }, 'REVIEWER_NOT_ASSESSOR', 'input.reviewerUserId'],
    [
      'the relationship ended the day before',
      { relationships: [relationship({ endsOn: '2025-03-14' })] },
      'REVIEWER_NOT_ASSESSOR',
      'input.reviewerUserId',
    ],
    [
      'the relationship starts the day after',
      { relationships: [relationship({ startsOn: '2025-03-16' })] },
      'REVIEWER_NOT_ASSESSOR',
      'input.reviewerUserId',
    ],
    [
      'the relationship is with another practitioner',
      { relationships: [relationship({ practitionerUserId: OTHER })] },
      'REVIEWER_NOT_ASSESSOR',
      'input.reviewerUserId',
    ],
    [
      'the relationship is another assessor’s',
      { relationships: [relationship({ assessorUserId: OTHER })] },
      'REVIEWER_NOT_ASSESSOR',
      'input.reviewerUserId',
    ],
    [
      'the evidence is dated the day after',
      { evidenceDate: '2025-03-16' },
      'EVIDENCE_DATE_IN_FUTURE',
      'input.evidenceId',
    ],
  ])('should refuse when %s', (_label, overrides, code, field) => {
    const act = () => sut(input(overrides));
    expect(act).toThrow(DomainError);
    expect(act).toThrow(expect.objectContaining({ code, field }));
  });

  it.each<[string, Partial<CanSubmitInput>, string]>([
    ['NOT_OWNER before SELF_REVIEW', { actorUserId: OTHER, reviewerUserId: OWNER }, 'NOT_OWNER'],
    ['SELF_REVIEW before REVIEWER_NOT_ASSESSOR', { reviewerUserId: OWNER, relationships: [] }, 'SELF_REVIEW'],
    [
      'REVIEWER_NOT_ASSESSOR before EVIDENCE_DATE_IN_FUTURE',
      { relationships: [], evidenceDate: '2025-12-31' },
      'REVIEWER_NOT_ASSESSOR',
    ],
  ])('should report %s', (_label, overrides, code) => {
    expect(() => sut(input(overrides))).toThrow(expect.objectContaining({ code }));
  });

  it('should refuse any evidence date after the day of submission, and nothing on or before it', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => new Date(Date.UTC(2000, 0, 1 + n)));
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, (evidenceDay, submissionDay) => {
        const act = () =>
          sut(
            input({
              asOf: iso(submissionDay),
              evidenceDate: iso(evidenceDay),
              relationships: [relationship({ startsOn: '2000-01-01' })],
            }),
          );
        if (evidenceDay > submissionDay) {
          expect(act).toThrow(expect.objectContaining({ code: 'EVIDENCE_DATE_IN_FUTURE' }));
        } else {
          expect(act).not.toThrow();
        }
      }),
    );
  });
});
