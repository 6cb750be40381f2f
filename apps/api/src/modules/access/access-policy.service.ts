import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  decideAccess,
  DomainError,
  type AccessBasis,
  type AccessDecision,
  type AccessFacts,
  type AccessPurpose,
  type AccessRelationship,
  type Role,
} from '#app/domain';
import {
  AssessorRelationshipRepository,
  MembershipRepository,
  type AssessorRelationshipEntity,
  type VersionVisibility,
} from '#app/persistence';
import { isLeaver, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';

export interface AccessOptions {
  /** The day access is for; today (London) unless the purpose is tied to another day. */
  on?: string;
  /** RECORD_SUPERVISION: the supervisor the session names. */
  supervisorUserId?: string;
  /** REVOKE_CREDENTIAL: who made the decision the credential attests. */
  deciderUserId?: string | null;
  manager?: EntityManager;
}

export interface AccessGrant {
  basis: AccessBasis;
  /** Which of the subject's evidence versions the grant shows. */
  visibility: VersionVisibility;
  relationship: AccessRelationship | null;
}

/**
 * Gathers the facts for the access policy (`decideAccess` in the domain) and asks it: the only
 * place the API decides whether a caller may act on someone's records. Two statements a decision:
 * the subject's membership of the caller's organisation, and the subject's assessor relationships.
 */
@Injectable()
export class AccessPolicyService {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly relationships: AssessorRelationshipRepository,
    private readonly clock: Clock,
  ) {}

  decide(
    principal: Principal,
    subjectUserId: string,
    purpose: AccessPurpose,
    options: AccessOptions = {},
  ): Promise<AccessDecision> {
    return this.decideFor(
      principal.organisationId,
      { userId: principal.userId, roles: principal.roles, leaver: isLeaver(principal) },
      subjectUserId,
      purpose,
      options,
    );
  }

  /**
   * As `decide`, for an active member the caller names to act later (a second assessor asked for
   * their opinion), so that who may be named is the same rule as who may then act.
   */
  decideForMember(
    organisationId: string,
    member: { userId: string; roles: readonly Role[] },
    subjectUserId: string,
    purpose: AccessPurpose,
    options: AccessOptions = {},
  ): Promise<AccessDecision> {
    return this.decideFor(
      organisationId,
      { userId: member.userId, roles: member.roles, leaver: false },
      subjectUserId,
      purpose,
      options,
    );
  }

  /**
   * The grants for many subjects at once, for lists that span people (a moderation sample, a page of
   * pieces from several practitioners): the same two statements as one decision, whatever the count.
   * Subjects the policy refuses are absent from the map.
   */
  async findMany(
    principal: Principal,
    subjectUserIds: readonly string[],
    purpose: AccessPurpose,
    options: AccessOptions = {},
  ): Promise<Map<string, AccessGrant>> {
    const { organisationId } = principal;
    const subjects = [...new Set(subjectUserIds)];
    const [memberships, relationships] = await Promise.all([
      this.memberships.findForUsers(organisationId, subjects, options.manager),
      this.relationships.findForPractitioners(organisationId, subjects, options.manager),
    ]);
    const members = new Set(memberships.map((m) => m.userId));
    const actor = { userId: principal.userId, roles: principal.roles, leaver: isLeaver(principal) };
    const grants = new Map<string, AccessGrant>();
    for (const subject of subjects) {
      const decision = this.ask(
        actor,
        subject,
        purpose,
        options,
        members.has(subject),
        relationships.filter((r) => r.practitionerUserId === subject),
      );
      if (decision.allowed) grants.set(subject, toGrant(principal, decision));
    }
    return grants;
  }

  private async decideFor(
    organisationId: string,
    actor: AccessFacts['actor'],
    subjectUserId: string,
    purpose: AccessPurpose,
    options: AccessOptions,
  ): Promise<AccessDecision> {
    const [membership, relationships] = await Promise.all([
      this.memberships.findForUser(organisationId, subjectUserId, options.manager),
      this.relationships.findForPractitioner(organisationId, subjectUserId, options.manager),
    ]);
    return this.ask(actor, subjectUserId, purpose, options, membership !== null, relationships);
  }

  private ask(
    actor: AccessFacts['actor'],
    subjectUserId: string,
    purpose: AccessPurpose,
    options: AccessOptions,
    member: boolean,
    relationships: readonly AssessorRelationshipEntity[],
  ): AccessDecision {
    return decideAccess({
      purpose,
      on: options.on ?? this.clock.today(),
      actor,
      subject: { userId: subjectUserId, member },
      supervisorUserId: options.supervisorUserId,
      deciderUserId: options.deciderUserId,
      relationships: relationships.map((r) => ({
        assessorUserId: r.assessorUserId,
        practitionerUserId: r.practitionerUserId,
        capacity: r.capacity,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
      })),
    });
  }

  /** The grant, or `null` when the policy refuses. */
  async find(
    principal: Principal,
    subjectUserId: string,
    purpose: AccessPurpose,
    options: AccessOptions = {},
  ): Promise<AccessGrant | null> {
    const decision = await this.decide(principal, subjectUserId, purpose, options);
    return decision.allowed ? toGrant(principal, decision) : null;
  }

  /** As `find`, but a refusal is ACCESS_DENIED naming the field that chose the person. */
  async require(
    principal: Principal,
    subjectUserId: string,
    purpose: AccessPurpose,
    refusal: { field: string; message: string },
    options: AccessOptions = {},
  ): Promise<AccessGrant> {
    const grant = await this.find(principal, subjectUserId, purpose, options);
    if (!grant) throw new DomainError('ACCESS_DENIED', refusal.message, refusal.field);
    return grant;
  }

  /**
   * For a read across the whole organisation (a remap's preview shows everyone's coverage and
   * eligibility): the policy is asked whether the caller reaches any member for each purpose with
   * no assignment, so only an organisation-wide role passes and an assignment to a few never opens
   * everyone. Reads nothing: every subject is a member of the caller's organisation.
   */
  requireOrganisationWide(principal: Principal, purposes: readonly AccessPurpose[], message: string): void {
    for (const purpose of purposes) {
      const decision = decideAccess({
        purpose,
        on: this.clock.today(),
        actor: { userId: principal.userId, roles: principal.roles, leaver: isLeaver(principal) },
        subject: { userId: ANY_MEMBER, member: true },
        relationships: [],
      });
      if (!decision.allowed) throw new DomainError('ACCESS_DENIED', message);
    }
  }
}

/** Stands for "any member" when the policy is asked about the organisation as a whole. */
const ANY_MEMBER = 'any-member-of-the-organisation';

export function toGrant(principal: Principal, decision: AccessDecision & { allowed: true }): AccessGrant {
  return {
    basis: decision.basis,
    visibility:
      decision.scope === 'ALL' ? { kind: 'ALL' } : { kind: 'SUBMITTED_TO', reviewerUserId: principal.userId },
    relationship: decision.relationship,
  };
}
