import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ROLE_FOR_CAPACITY } from '#app/domain';
import {
  AssessorRelationshipRepository,
  AuditEventRepository,
  MembershipRepository,
  type AssessorRelationshipEntity,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { pageRequest, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import type { AssessorRelationshipsArgs } from './dto/assessor-relationships.args.js';
import type { CreateAssessorRelationshipInput } from './dto/create-assessor-relationship.input.js';
import type { EndAssessorRelationshipInput } from './dto/end-assessor-relationship.input.js';

const MANAGES = ['ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER'] as const;

@Injectable()
export class AssessorRelationshipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relationships: AssessorRelationshipRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditEventRepository,
  ) {}

  /** Administrators and PSWs see all; anyone else sees only relationships they are party to. */
  async page(
    principal: Principal,
    args: AssessorRelationshipsArgs,
  ): Promise<ConnectionShape<AssessorRelationshipEntity>> {
    const page = pageRequest(args, ['instant', 'uuid']);
    const seesAll = MANAGES.some((r) => principal.roles.includes(r));
    const rows = await this.relationships.page(
      principal.organisationId,
      {
        assessorUserId: args.assessorUserId,
        practitionerUserId: args.practitionerUserId,
        activeOn: args.activeOn,
        involvingUserId: seesAll ? undefined : principal.userId,
      },
      page.cursor,
      page.limit,
    );
    return toConnection(rows, page, (r) => [r.createdAt.toISOString(), r.id]);
  }

  async create(
    principal: Principal,
    input: CreateAssessorRelationshipInput,
  ): Promise<AssessorRelationshipEntity> {
    if (input.assessorUserId === input.practitionerUserId) {
      throw new DomainError(
        'ASSESSOR_IS_PRACTITIONER',
        'Nobody can assess their own evidence',
        'input.assessorUserId',
      );
    }
    if (input.endsOn && input.endsOn < input.startsOn) {
      throw new DomainError('INVALID_DATE_RANGE', 'The end date is before the start date', 'input.endsOn');
    }
    return this.dataSource.transaction(async (manager) => {
      // One after the other: both run on the transaction's single connection.
      const assessor = await this.memberships.findActive(
        principal.organisationId,
        input.assessorUserId,
        manager,
      );
      const practitioner = await this.memberships.findActive(
        principal.organisationId,
        input.practitionerUserId,
        manager,
      );
      if (!assessor)
        throw new DomainError(
          'USER_NOT_FOUND',
          'No such member in your organisation',
          'input.assessorUserId',
        );
      if (!practitioner)
        throw new DomainError(
          'USER_NOT_FOUND',
          'No such member in your organisation',
          'input.practitionerUserId',
        );
      const needed = ROLE_FOR_CAPACITY[input.capacity];
      if (!assessor.roles.includes(needed)) {
        throw new DomainError(
          'ASSESSOR_LACKS_ROLE',
          `The assessor needs the ${needed} role for this capacity`,
          'input.assessorUserId',
          { needed },
        );
      }
      if (!practitioner.roles.includes('PRACTITIONER')) {
        throw new DomainError(
          'ASSESSOR_LACKS_ROLE',
          'Only practitioners can be assessed',
          'input.practitionerUserId',
          {
            needed: 'PRACTITIONER',
          },
        );
      }
      const relationship = await this.relationships.insert(
        {
          organisationId: principal.organisationId,
          assessorUserId: input.assessorUserId,
          practitionerUserId: input.practitionerUserId,
          capacity: input.capacity,
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
          createdByUserId: principal.userId,
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, MANAGES),
          action: 'ASSESSOR_RELATIONSHIP_CREATED',
          entityType: 'ASSESSOR_RELATIONSHIP',
          entityId: relationship.id,
          subjectUserId: input.practitionerUserId,
          changes: {
            assessorUserId: input.assessorUserId,
            capacity: input.capacity,
            startsOn: input.startsOn,
            endsOn: input.endsOn ?? null,
          },
        },
        manager,
      );
      return relationship;
    });
  }

  async end(principal: Principal, input: EndAssessorRelationshipInput): Promise<AssessorRelationshipEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.relationships.findById(principal.organisationId, input.id, manager);
      if (!current)
        throw new DomainError('ASSESSOR_RELATIONSHIP_NOT_FOUND', 'No such relationship', 'input.id');
      if (input.endsOn < current.startsOn) {
        throw new DomainError('INVALID_DATE_RANGE', 'The end date is before the start date', 'input.endsOn');
      }
      await this.relationships.setEndsOn(principal.organisationId, input.id, input.endsOn, manager);
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, MANAGES),
          action: 'ASSESSOR_RELATIONSHIP_ENDED',
          entityType: 'ASSESSOR_RELATIONSHIP',
          entityId: current.id,
          subjectUserId: current.practitionerUserId,
          changes: { endsOn: { from: current.endsOn, to: input.endsOn } },
        },
        manager,
      );
      return { ...current, endsOn: input.endsOn };
    });
  }
}
