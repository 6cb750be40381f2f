import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  assertCanReconcileSignOff,
  assertIdentifiersConfirmed,
  DomainError,
  transitionEvidence,
} from '#app/domain';
import {
  AuditEventRepository,
  ContributionRequestRepository,
  EvidenceRepository,
  EvidenceReviewRepository,
  SignOffReconciliationRepository,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { confirmedIdentifiers } from '../../common/confirmed-identifiers.js';
import { pageRequest, toConnection, type ConnectionShape, type PageArgs } from '../../graphql/pagination.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { CredentialRevocationService } from '../credentials/credential-revocation.service.js';
import type { VersionView } from '../portfolio/portfolio-query.service.js';
import { PortfolioQueryService } from '../portfolio/portfolio-query.service.js';
import type { ReconcileSignOffInput } from './dto/reconcile-sign-off.input.js';

const notFound = () =>
  new DomainError('SIGN_OFF_NOT_FOUND', 'No such sign-off in your organisation.', 'input.reviewId');

/**
 * Disputed sign-offs (issue #17, second opinions): a countersignature given by one-time link that
 * did not countersign leaves two judgements side by side, and a PSW reconciles them explicitly,
 * upholding the approval or overturning it, with a reason. The review and the countersignatures are
 * never changed; overturning sends the version back for changes, withdraws the countersignature
 * links still open on it and revokes the credentials issued for the approval, in the same
 * transaction, and the audit trail holds all three judgements.
 */
@Injectable()
export class SignOffReconciliationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: EvidenceReviewRepository,
    private readonly evidence: EvidenceRepository,
    private readonly requests: ContributionRequestRepository,
    private readonly reconciliations: SignOffReconciliationRepository,
    private readonly credentials: CredentialRevocationService,
    private readonly portfolio: PortfolioQueryService,
    private readonly access: AccessPolicyService,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async reconcile(principal: Principal, input: ReconcileSignOffInput): Promise<VersionView> {
    const { organisationId } = principal;
    const reason = input.reason.trim();
    const confirmed = assertIdentifiersConfirmed([['reason', reason]], input.confirmNoIdentifiers);
    const versionId = await this.dataSource.transaction(async (manager) => {
      const review = await this.reviews.findByIdForUpdate(organisationId, input.reviewId, manager);
      if (!review) throw notFound();
      const party = [review.practitionerUserId, review.reviewerUserId].includes(principal.userId);
      const allowed = await this.access.find(principal, review.practitionerUserId, 'RECONCILE_SIGN_OFF', {
        manager,
      });
      // Someone the policy refuses learns nothing of the sign-off, unless it is their own or their decision.
      if (!allowed && !party) throw notFound();
      const [version, countersignatures, reconciled] = await Promise.all([
        this.evidence.findVersionById(organisationId, review.evidenceVersionId),
        this.requests.findCountersignaturesOfReviews(organisationId, [review.id], manager),
        this.reconciliations.findByReviewIds(organisationId, [review.id], manager),
      ]);
      const { overturns } = assertCanReconcileSignOff(
        {
          practitionerUserId: review.practitionerUserId,
          reviewerUserId: review.reviewerUserId,
          versionStatus: version!.status,
          countersignatures: countersignatures.map((c) => c.countersigns === true),
          reconciliation: reconciled[0] ?? null,
        },
        principal.userId,
        { outcome: input.outcome, reason },
      );
      const now = this.clock.now();
      let linksWithdrawn = 0;
      let credentialsRevoked = 0;
      if (overturns) {
        const moved = await this.evidence.updateVersionIf(
          organisationId,
          version!.id,
          { status: version!.status, revision: version!.revision },
          { status: transitionEvidence(version!.status, 'OVERTURN') },
          manager,
        );
        if (!moved) {
          throw new DomainError('STALE_VERSION', 'This version changed meanwhile.', 'input.reviewId');
        }
        linksWithdrawn = await this.requests.revokeOpenCountersignatures(
          organisationId,
          version!.id,
          now,
          manager,
        );
        credentialsRevoked = await this.credentials.revokeForOverturnedSignOff(principal, review.id, manager);
      }
      await this.reconciliations.insert(
        {
          organisationId,
          reviewId: review.id,
          practitionerUserId: review.practitionerUserId,
          outcome: input.outcome,
          reason,
          reconciledByUserId: principal.userId,
          reconciledAt: now,
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ['PRINCIPAL_SOCIAL_WORKER']),
          action: 'SIGN_OFF_RECONCILED',
          entityType: 'EVIDENCE',
          entityId: version!.evidenceId,
          subjectUserId: review.practitionerUserId,
          changes: {
            reviewId: review.id,
            evidenceVersionId: version!.id,
            versionNo: version!.versionNo,
            reviewerUserId: review.reviewerUserId,
            countersignatureRequestIds: countersignatures.map((c) => c.id),
            outcome: input.outcome,
            sentBackForChanges: overturns,
            linksWithdrawn,
            credentialsRevoked,
            ...confirmedIdentifiers(confirmed),
          },
        },
        manager,
      );
      return version!.id;
    });
    const [view] = await this.portfolio.versionsByIds(principal, [versionId]);
    return view!;
  }

  /** The disputed sign-offs the caller may reconcile, the longest waiting first. */
  async disputed(
    principal: Principal,
    args: PageArgs,
  ): Promise<ConnectionShape<{ evidenceVersion: VersionView; disputedAt: Date }>> {
    const request = pageRequest(args, ['instant', 'uuid'] as const);
    const rows = await this.reconciliations.findDisputed(
      principal.organisationId,
      principal.userId,
      request.cursor,
      request.limit,
    );
    const versions = await this.portfolio.versionsByIds(
      principal,
      rows.map((r) => r.evidenceVersionId),
    );
    const owners = versions.map((v) => v?.ownerUserId).filter((o): o is string => o !== undefined);
    const grants = await this.access.findMany(principal, owners, 'RECONCILE_SIGN_OFF');
    const page = toConnection(rows, request, (r) => [r.disputedAt, r.reviewId]);
    const visible = new Map(rows.map((r, i) => [r.reviewId, versions[i]]));
    const keep = (r: (typeof rows)[number]) => {
      const v = visible.get(r.reviewId);
      return v && grants.has(v.ownerUserId)
        ? { evidenceVersion: v, disputedAt: new Date(r.disputedAt) }
        : null;
    };
    const edges = page.edges.flatMap((e) => {
      const node = keep(e.node);
      return node ? [{ cursor: e.cursor, node }] : [];
    });
    return { edges, nodes: edges.map((e) => e.node), pageInfo: page.pageInfo };
  }
}
