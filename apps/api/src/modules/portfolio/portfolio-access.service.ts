import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { decidePortfolioAccess, DomainError, type PortfolioAccess } from '#app/domain';
import {
  AssessorRelationshipRepository,
  MembershipRepository,
  type VersionVisibility,
} from '#app/persistence';
import type { Principal } from '../../auth/principal.js';

export interface GrantedAccess {
  access: PortfolioAccess;
  visibility: VersionVisibility;
}

/** Answers "may this caller see that practitioner's portfolio, and which versions of it?". */
@Injectable()
export class PortfolioAccessService {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly relationships: AssessorRelationshipRepository,
  ) {}

  /** The caller's access, or `null`; the owner must be a member of the caller's organisation. */
  async find(
    principal: Principal,
    ownerUserId: string,
    manager?: EntityManager,
  ): Promise<GrantedAccess | null> {
    const { organisationId, userId } = principal;
    if (
      ownerUserId !== userId &&
      !(await this.memberships.findForUser(organisationId, ownerUserId, manager))
    ) {
      return null;
    }
    const needsRelationship = ownerUserId !== userId && !principal.roles.includes('PRINCIPAL_SOCIAL_WORKER');
    const viewerIsAssignedReviewer =
      needsRelationship &&
      (await this.relationships.findBetween(organisationId, userId, ownerUserId, manager)).length > 0;
    const access = decidePortfolioAccess({
      viewerUserId: userId,
      viewerRoles: principal.roles,
      ownerUserId,
      viewerIsAssignedReviewer,
    });
    if (access === null) return null;
    return {
      access,
      visibility: access === 'REVIEWER' ? { kind: 'SUBMITTED_TO', reviewerUserId: userId } : { kind: 'ALL' },
    };
  }

  /** As `find`, but a refusal is an error naming the field that chose the practitioner. */
  async require(
    principal: Principal,
    ownerUserId: string,
    field = 'practitionerUserId',
  ): Promise<GrantedAccess> {
    const granted = await this.find(principal, ownerUserId);
    if (!granted) {
      throw new DomainError('ACCESS_DENIED', 'You may not see this practitioner’s portfolio.', field);
    }
    return granted;
  }
}
