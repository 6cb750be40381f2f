import fc from 'fast-check';
import { ASSESSOR_CAPACITIES, ROLES, type AssessorCapacity, type Role } from '../identity/roles.js';
import {
  ACCESS_PURPOSES,
  type AccessFacts,
  type AccessPurpose,
  type AccessRelationship,
} from './access.types.js';
import { decideAccess } from './decide-access.js';

const TODAY = '2026-06-15';
const ACTOR = 'actor';
const SUBJECT = 'subject';

type State = 'none' | 'active' | 'ended' | 'future';
const STATES: readonly State[] = ['none', 'active', 'ended', 'future'];

function relationship(
  state: State,
  capacity: AssessorCapacity,
  assessorUserId = ACTOR,
): AccessRelationship[] {
  const dates = {
    none: null,
    active: { startsOn: '2026-01-01', endsOn: null },
    ended: { startsOn: '2024-01-01', endsOn: '2025-12-31' },
    future: { startsOn: '2028-01-01', endsOn: null },
  }[state];
  return dates ? [{ assessorUserId, practitionerUserId: SUBJECT, capacity, ...dates }] : [];
}

function facts(overrides: Partial<AccessFacts> & { purpose: AccessPurpose }): AccessFacts {
  return {
    on: TODAY,
    actor: { userId: ACTOR, roles: ['PRACTITIONER'], leaver: false },
    subject: { userId: SUBJECT, member: true },
    relationships: [],
    ...overrides,
  };
}

/** What a decision comes to, in a word: the basis of a grant, or the refusal. */
function outcome(f: AccessFacts): string {
  const d = decideAccess(f);
  return d.allowed ? `${d.basis}${d.scope === 'SUBMITTED_TO_ACTOR' ? '/SUBMITTED' : ''}` : d.refusal;
}

// One actor role (alone) × the state of their relationship with the subject, for each purpose.
// Cells, in STATES order (none, active, ended, future):
//   N  refused NOT_ASSIGNED          X  refused ASSIGNMENT_NOT_IN_FORCE
//   A  granted by the assignment, seeing what was submitted to the actor
//   O  granted by an organisation-wide role (everything)
const CELL: Record<string, string> = {
  N: 'NOT_ASSIGNED',
  X: 'ASSIGNMENT_NOT_IN_FORCE',
  A: 'ASSIGNMENT/SUBMITTED',
  O: 'ORGANISATION_ROLE',
};
// Relationship-granting purposes, with an ASYE_ASSESSOR relationship (capacity is tested below).
const BY_ASSIGNMENT = 'NAXX';
const BY_ROLE = 'OOOO';
const NEVER = 'NNNN';
const MATRIX: Record<Exclude<AccessPurpose, 'RECORD_SUPERVISION' | 'PUT_FORWARD'>, Record<Role, string>> = {
  READ_PORTFOLIO: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, BY_ASSIGNMENT),
  REVIEW: rows({}, BY_ASSIGNMENT),
  READ_CPD_COMPLIANCE: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, BY_ASSIGNMENT),
  READ_SUPERVISION: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, BY_ASSIGNMENT),
  READ_PROGRESSION: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, BY_ASSIGNMENT),
  READ_STAGE_HISTORY: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE, ORG_ADMIN: BY_ROLE }, BY_ASSIGNMENT),
  READ_CREDENTIALS: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, NEVER),
  ISSUE_CREDENTIAL: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, NEVER),
  REVOKE_CREDENTIAL: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, NEVER),
  EXPORT: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, NEVER),
  SUBJECT_ACCESS: rows({ ORG_ADMIN: BY_ROLE }, NEVER),
  READ_QUALIFICATIONS: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE, ORG_ADMIN: BY_ROLE }, NEVER),
  RECORD_QUALIFICATION: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE, ORG_ADMIN: BY_ROLE }, NEVER),
  MODERATE: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, NEVER),
  RECONCILE_SIGN_OFF: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE }, NEVER),
  GIVE_ASYE_SECOND_OPINION: rows({ PRINCIPAL_SOCIAL_WORKER: BY_ROLE, ASSESSOR: BY_ROLE }, NEVER),
};

function rows(special: Partial<Record<Role, string>>, others: string): Record<Role, string> {
  return Object.fromEntries(ROLES.map((role) => [role, special[role] ?? others])) as Record<Role, string>;
}

describe('decideAccess', () => {
  describe('for another member, by role and relationship state', () => {
    const cases = Object.entries(MATRIX).flatMap(([purpose, byRole]) =>
      ROLES.flatMap((role) =>
        STATES.map((state, i) => [purpose as AccessPurpose, role, state, CELL[byRole[role][i]!]!] as const),
      ),
    );
    it.each(cases)('%s by a %s with %s relationship: %s', (purpose, role, state, expected) => {
      expect(
        outcome(
          facts({
            purpose,
            actor: { userId: ACTOR, roles: [role], leaver: false },
            relationships: relationship(state, 'ASYE_ASSESSOR'),
          }),
        ),
      ).toBe(expected);
    });
  });

  describe('putting someone forward', () => {
    it.each(
      ASSESSOR_CAPACITIES.flatMap((capacity) =>
        STATES.map((state) => {
          const expected =
            state === 'none'
              ? 'NOT_ASSIGNED'
              : capacity !== 'SUPERVISOR'
                ? 'NOT_ASSIGNED'
                : state === 'active'
                  ? 'ASSIGNMENT/SUBMITTED'
                  : 'ASSIGNMENT_NOT_IN_FORCE';
          return [capacity, state, expected] as const;
        }),
      ),
    )('by someone with a %s relationship (%s): %s', (capacity, state, expected) => {
      expect(
        outcome(
          facts({
            purpose: 'PUT_FORWARD',
            actor: { userId: ACTOR, roles: ['SUPERVISOR', 'ASSESSOR', 'PRACTICE_EDUCATOR'], leaver: false },
            relationships: relationship(state, capacity),
          }),
        ),
      ).toBe(expected);
    });

    it('is open to a PSW without a relationship', () => {
      expect(
        outcome(
          facts({
            purpose: 'PUT_FORWARD',
            actor: { userId: ACTOR, roles: ['PRINCIPAL_SOCIAL_WORKER'], leaver: false },
          }),
        ),
      ).toBe('ORGANISATION_ROLE');
    });

    it('is closed to an administrator', () => {
      expect(
        outcome(
          facts({ purpose: 'PUT_FORWARD', actor: { userId: ACTOR, roles: ['ORG_ADMIN'], leaver: false } }),
        ),
      ).toBe('NOT_ASSIGNED');
    });
  });

  describe('the person themself', () => {
    const own = (purpose: AccessPurpose, roles: Role[] = ['PRACTITIONER']) =>
      outcome(
        facts({
          purpose,
          actor: { userId: SUBJECT, roles, leaver: false },
          subject: { userId: SUBJECT, member: true },
        }),
      );

    it.each(
      ACCESS_PURPOSES.filter(
        (p) =>
          ![
            'REVIEW',
            'PUT_FORWARD',
            'RECORD_SUPERVISION',
            'REVOKE_CREDENTIAL',
            'MODERATE',
            'RECONCILE_SIGN_OFF',
            'GIVE_ASYE_SECOND_OPINION',
          ].includes(p),
      ),
    )('may %s for themself', (purpose) => expect(own(purpose)).toBe('SELF'));

    it.each([
      'REVIEW',
      'PUT_FORWARD',
      'REVOKE_CREDENTIAL',
      'MODERATE',
      'RECONCILE_SIGN_OFF',
      'GIVE_ASYE_SECOND_OPINION',
    ] as const)('may not %s themself, whatever their roles', (purpose) => {
      expect(own(purpose, [...ROLES])).toBe('SELF_DECISION');
    });
  });

  describe('revoking a credential', () => {
    const revoke = (overrides: Partial<AccessFacts>) =>
      outcome(facts({ purpose: 'REVOKE_CREDENTIAL', deciderUserId: ACTOR, ...overrides }));

    it.each(ROLES.map((role) => [role] as const))(
      'is open to whoever made the decision, as a %s, with no assignment now',
      (role) => {
        expect(revoke({ actor: { userId: ACTOR, roles: [role], leaver: false } })).toBe(
          role === 'PRINCIPAL_SOCIAL_WORKER' ? 'ORGANISATION_ROLE' : 'DECIDER',
        );
        expect(
          revoke({
            actor: { userId: ACTOR, roles: [role], leaver: false },
            relationships: relationship('ended', 'ASYE_ASSESSOR'),
          }),
        ).toBe(role === 'PRINCIPAL_SOCIAL_WORKER' ? 'ORGANISATION_ROLE' : 'DECIDER');
      },
    );

    it.each(['none', 'active', 'ended', 'future'] as const)(
      'is closed to an assessor who did not make the decision (%s relationship)',
      (state) => {
        expect(
          revoke({
            deciderUserId: 'someone-else',
            actor: { userId: ACTOR, roles: ['ASSESSOR', 'SUPERVISOR'], leaver: false },
            relationships: relationship(state, 'ASYE_ASSESSOR'),
          }),
        ).toBe('NOT_ASSIGNED');
      },
    );

    it('is closed when nobody is named as decider', () => {
      expect(revoke({ deciderUserId: null })).toBe('NOT_ASSIGNED');
      expect(revoke({ deciderUserId: undefined })).toBe('NOT_ASSIGNED');
    });

    it('is closed to a decider who has left, and to a decider in another organisation', () => {
      expect(revoke({ actor: { userId: ACTOR, roles: [], leaver: true } })).toBe('LEAVER');
      expect(revoke({ subject: { userId: SUBJECT, member: false } })).toBe('NOT_IN_ORGANISATION');
    });

    it.each(ACCESS_PURPOSES.filter((p) => p !== 'REVOKE_CREDENTIAL' && p !== 'RECORD_SUPERVISION'))(
      'gives the decider nothing for %s',
      (purpose) => {
        expect(
          outcome(
            facts({
              purpose,
              deciderUserId: ACTOR,
              actor: { userId: ACTOR, roles: ['ASSESSOR'], leaver: false },
            }),
          ),
          // The ASSESSOR role itself reaches every member for a second opinion; being the decider adds nothing.
        ).toBe(purpose === 'GIVE_ASYE_SECOND_OPINION' ? 'ORGANISATION_ROLE' : 'NOT_ASSIGNED');
      },
    );
  });

  describe('recording supervision', () => {
    const SUPERVISOR = 'supervisor';
    const record = (
      actorUserId: string,
      supervisorUserId: string,
      state: State,
      capacity: AssessorCapacity,
      on = TODAY,
    ) =>
      outcome(
        facts({
          purpose: 'RECORD_SUPERVISION',
          on,
          actor: { userId: actorUserId, roles: [...ROLES], leaver: false },
          supervisorUserId,
          relationships: relationship(state, capacity, SUPERVISOR),
        }),
      );

    it.each(
      STATES.flatMap((state) =>
        ASSESSOR_CAPACITIES.map((capacity) => {
          const expected =
            capacity !== 'SUPERVISOR' || state === 'none'
              ? 'NOT_ASSIGNED'
              : state === 'active'
                ? 'ok'
                : 'ASSIGNMENT_NOT_IN_FORCE';
          return [state, capacity, expected] as const;
        }),
      ),
    )('with a %s %s relationship: %s', (state, capacity, expected) => {
      // The supervisor recording, and the supervisee naming the supervisor, are judged alike.
      expect(record(SUPERVISOR, SUPERVISOR, state, capacity)).toBe(
        expected === 'ok' ? 'ASSIGNMENT' : expected,
      );
      expect(record(SUBJECT, SUPERVISOR, state, capacity)).toBe(expected === 'ok' ? 'SELF' : expected);
    });

    it('is judged on the session date, not today', () => {
      // An assignment that ended last year still covers a session held while it was in force.
      expect(record(SUPERVISOR, SUPERVISOR, 'ended', 'SUPERVISOR', '2025-03-01')).toBe('ASSIGNMENT');
      expect(record(SUPERVISOR, SUPERVISOR, 'active', 'SUPERVISOR', '2025-03-01')).toBe(
        'ASSIGNMENT_NOT_IN_FORCE',
      );
    });

    it('refuses a third party naming both people, even a PSW', () => {
      expect(record(ACTOR, SUPERVISOR, 'active', 'SUPERVISOR')).toBe('NOT_A_PARTY');
    });

    it('refuses supervising oneself', () => {
      expect(record(SUBJECT, SUBJECT, 'active', 'SUPERVISOR')).toBe('SELF_DECISION');
    });

    it('refuses a leaver', () => {
      expect(
        outcome(
          facts({
            purpose: 'RECORD_SUPERVISION',
            actor: { userId: SUPERVISOR, roles: [], leaver: true },
            supervisorUserId: SUPERVISOR,
            relationships: relationship('active', 'SUPERVISOR', SUPERVISOR),
          }),
        ),
      ).toBe('LEAVER');
    });
  });

  describe('leavers', () => {
    it.each(
      ACCESS_PURPOSES.map(
        (p) => [p, ['READ_PORTFOLIO', 'READ_CREDENTIALS', 'EXPORT', 'SUBJECT_ACCESS'].includes(p)] as const,
      ),
    )('%s on their own records: kept = %s', (purpose, kept) => {
      const decision = outcome(
        facts({
          purpose,
          actor: { userId: SUBJECT, roles: [], leaver: true },
          subject: { userId: SUBJECT, member: true },
          supervisorUserId: ACTOR,
        }),
      );
      expect(decision).toBe(kept ? 'SELF' : 'LEAVER');
    });

    it.each(ACCESS_PURPOSES.filter((p) => p !== 'RECORD_SUPERVISION'))(
      'reach nobody else for %s, even with an assignment in force',
      (purpose) => {
        expect(
          outcome(
            facts({
              purpose,
              actor: { userId: ACTOR, roles: [], leaver: true },
              relationships: ASSESSOR_CAPACITIES.flatMap((c) => relationship('active', c)),
            }),
          ),
        ).toBe('LEAVER');
      },
    );
  });

  describe('properties', () => {
    const day = fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const person = fc.constantFrom(ACTOR, SUBJECT, 'supervisor', 'other');
    const relationshipArb = fc
      .record({
        assessorUserId: person,
        practitionerUserId: fc.constantFrom(SUBJECT, 'other'),
        capacity: fc.constantFrom(...ASSESSOR_CAPACITIES),
        startsOn: day,
        endsOn: fc.option(day, { nil: null }),
      })
      .filter((r) => r.endsOn === null || r.startsOn <= r.endsOn);
    const factsArb = fc.record({
      purpose: fc.constantFrom(...ACCESS_PURPOSES),
      on: day,
      actor: fc.record({
        userId: fc.constantFrom(ACTOR, SUBJECT, 'supervisor'),
        roles: fc.subarray([...ROLES]),
        leaver: fc.boolean(),
      }),
      subject: fc.record({ userId: fc.constant(SUBJECT), member: fc.boolean() }),
      supervisorUserId: fc.option(person, { nil: undefined }),
      deciderUserId: fc.option(person, { nil: undefined }),
      relationships: fc.array(relationshipArb, { maxLength: 6 }),
    });
    const inForce = (r: AccessRelationship, on: string) =>
      r.startsOn <= on && (r.endsOn === null || on <= r.endsOn);

    it('never reaches a non-member who is not the actor', () => {
      fc.assert(
        fc.property(factsArb, (f) => {
          fc.pre(!f.subject.member && f.actor.userId !== SUBJECT);
          expect(decideAccess(f)).toEqual({ allowed: false, refusal: 'NOT_IN_ORGANISATION' });
        }),
      );
    });

    it('ignores relationships that are not in force on the day', () => {
      fc.assert(
        fc.property(factsArb, (f) => {
          const current = { ...f, relationships: f.relationships.filter((r) => inForce(r, f.on)) };
          expect(decideAccess(f).allowed).toBe(decideAccess(current).allowed);
        }),
      );
    });

    it('grants by assignment only through a relationship in force, to the subject, from the actor or named supervisor', () => {
      fc.assert(
        fc.property(factsArb, (f) => {
          const d = decideAccess(f);
          if (!d.allowed || d.relationship === null) return;
          expect(f.relationships).toContain(d.relationship);
          expect(inForce(d.relationship, f.on)).toBe(true);
          expect(d.relationship.practitionerUserId).toBe(SUBJECT);
          expect([f.actor.userId, f.supervisorUserId]).toContain(d.relationship.assessorUserId);
        }),
      );
    });

    it('grants as DECIDER only to the named decider, only to revoke', () => {
      fc.assert(
        fc.property(factsArb, (f) => {
          const d = decideAccess(f);
          if (!d.allowed || d.basis !== 'DECIDER') return;
          expect(f.purpose).toBe('REVOKE_CREDENTIAL');
          expect(f.deciderUserId).toBe(f.actor.userId);
        }),
      );
    });

    it('never lets a leaver reach someone else', () => {
      fc.assert(
        fc.property(factsArb, (f) => {
          fc.pre(f.actor.leaver && f.actor.userId !== SUBJECT);
          expect(decideAccess(f).allowed).toBe(false);
        }),
      );
    });

    it('never lets anyone review, put forward or revoke a credential of themself', () => {
      fc.assert(
        fc.property(factsArb, fc.constantFrom('REVIEW', 'PUT_FORWARD', 'REVOKE_CREDENTIAL'), (f, purpose) => {
          const own = { ...f, purpose, actor: { ...f.actor, userId: SUBJECT } } as AccessFacts;
          expect(decideAccess(own).allowed).toBe(false);
        }),
      );
    });
  });
});
