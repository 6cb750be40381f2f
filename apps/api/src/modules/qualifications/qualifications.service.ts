import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanVerifyQualification, DomainError } from '#app/domain';
import {
  AuditEventRepository,
  MembershipRepository,
  QualificationRepository,
  type QualificationEntity,
} from '#app/persistence';
import { actingRole, hasAnyRole, type Principal } from '../../auth/principal.js';
import { pageRequest, toConnection, type ConnectionShape, type PageArgs } from '../../graphql/pagination.js';
import { Clock } from '../../common/clock.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import type { RecordQualificationInput } from './dto/record-qualification.input.js';
import type { VerifyQualificationInput } from './dto/verify-qualification.input.js';

const MANAGES = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;

@Injectable()
export class QualificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly qualifications: QualificationRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditEventRepository,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
  ) {}

  /** Your own; PSWs and administrators may list anyone's in the organisation. */
  async list(principal: Principal, userId?: string): Promise<QualificationEntity[]> {
    const holder = userId ?? principal.userId;
    await this.access.require(principal, holder, 'READ_QUALIFICATIONS', {
      field: 'userId',
      message: 'You may see only your own qualifications.',
    });
    return this.qualifications.findByUserIds(principal.organisationId, [holder]);
  }

  /** The organisation's qualifications still to verify (the resolver admits PSWs and administrators only). */
  async toVerify(principal: Principal, args: PageArgs): Promise<ConnectionShape<QualificationEntity>> {
    const page = pageRequest(args, ['date', 'uuid']);
    const rows = await this.qualifications.pageUnverified(principal.organisationId, page.cursor, page.limit);
    return toConnection(rows, page, (q) => [q.awardedOn, q.id]);
  }

  async record(principal: Principal, input: RecordQualificationInput): Promise<QualificationEntity> {
    const holder = input.userId ?? principal.userId;
    const decision = await this.access.decide(principal, holder, 'RECORD_QUALIFICATION');
    if (!decision.allowed) {
      // Those who keep others' records learn that someone is not a member; nobody else does.
      throw decision.refusal === 'NOT_IN_ORGANISATION' && hasAnyRole(principal, MANAGES)
        ? new DomainError('USER_NOT_FOUND', 'No such member in your organisation.', 'input.userId')
        : new DomainError('ACCESS_DENIED', 'You may record only your own qualifications.', 'input.userId');
    }
    if (input.awardedOn > this.clock.today()) {
      throw new DomainError(
        'INVALID_DATE_RANGE',
        'A qualification cannot be awarded in the future.',
        'input.awardedOn',
      );
    }
    if (input.expiresOn && input.expiresOn < input.awardedOn) {
      throw new DomainError(
        'INVALID_DATE_RANGE',
        'It cannot expire before it was awarded.',
        'input.expiresOn',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.memberships.findActive(principal.organisationId, holder, manager))) {
        throw new DomainError('USER_NOT_FOUND', 'No such member in your organisation.', 'input.userId');
      }
      const qualification = await this.qualifications.insert(
        {
          organisationId: principal.organisationId,
          userId: holder,
          type: input.type,
          title: input.title.trim(),
          awardedOn: input.awardedOn,
          expiresOn: input.expiresOn ?? null,
          credits: input.credits ?? null,
          recordedByUserId: principal.userId,
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole:
            holder === principal.userId
              ? actingRole(principal, ['PRACTITIONER'])
              : actingRole(principal, MANAGES),
          action: 'QUALIFICATION_RECORDED',
          entityType: 'QUALIFICATION',
          entityId: qualification.id,
          subjectUserId: holder,
          changes: {
            type: input.type,
            awardedOn: input.awardedOn,
            expiresOn: input.expiresOn ?? null,
            credits: input.credits ?? null,
          },
        },
        manager,
      );
      return qualification;
    });
  }

  async verify(principal: Principal, input: VerifyQualificationInput): Promise<QualificationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const qualification = await this.qualifications.findById(
        principal.organisationId,
        input.qualificationId,
        manager,
      );
      if (!qualification) {
        throw new DomainError(
          'QUALIFICATION_NOT_FOUND',
          'No such qualification in your organisation.',
          'input.qualificationId',
        );
      }
      assertCanVerifyQualification({
        verifierUserId: principal.userId,
        verifierRoles: principal.roles,
        holderUserId: qualification.userId,
      });
      if (
        !(await this.qualifications.verify(
          principal.organisationId,
          qualification.id,
          principal.userId,
          manager,
        ))
      ) {
        throw new DomainError(
          'INVALID_TRANSITION',
          'This qualification is already verified.',
          'input.qualificationId',
        );
      }
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, MANAGES),
          action: 'QUALIFICATION_VERIFIED',
          entityType: 'QUALIFICATION',
          entityId: qualification.id,
          subjectUserId: qualification.userId,
          changes: { type: qualification.type },
        },
        manager,
      );
      return (await this.qualifications.findById(principal.organisationId, qualification.id, manager))!;
    });
  }
}
