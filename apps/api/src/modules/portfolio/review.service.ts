import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertDistinctReviews,
  assertIdentifiersConfirmed,
  assertReviewerStanding,
  decideMappings,
  DomainError,
  reviewRelationshipOf,
  transitionEvidence,
  type AccessRelationship,
  type AssessmentContext,
  type EvidenceStatus,
  type FieldIdentifierWarning,
  type ReviewerFacts,
  type ReviewerStanding,
} from '#app/domain';
import {
  AuditEventRepository,
  EvidenceMappingRepository,
  EvidenceRepository,
  EvidenceReviewRepository,
  FrameworkRepository,
  QualificationRepository,
  UserRepository,
  type EvidenceVersionEntity,
  type MappingDecisionRow,
  type UserEntity,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { confirmedIdentifiers } from '../../common/confirmed-identifiers.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { pageRequest, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import type { ReviewQueueArgs } from './dto/review-queue.args.js';
import type { ReviewEvidenceInput } from './dto/review-evidence.input.js';
import { MappingTargetsService } from './mapping-targets.service.js';

const REVIEWER_ROLES = ['ASSESSOR', 'PRACTICE_EDUCATOR', 'SUPERVISOR'] as const;
const DAY_MS = 86_400_000;

/** A reviewer or countersigner: the facts their standing is judged on, and the registration recorded. */
interface ReviewerRecord extends Pick<UserEntity, 'regulator' | 'registrationNumber'> {
  facts: ReviewerFacts;
}

/** Whom the decision is made by and under: the relationship in force and the standing it asked for. */
interface DecisionStanding extends ReviewerStanding {
  relationship: AccessRelationship;
  reviewer: ReviewerRecord;
  countersigner: ReviewerRecord | null;
}

/** One decision, as worked out before anything is written. */
interface Decision {
  version: EvidenceVersionEntity;
  status: EvidenceStatus;
  input: ReviewEvidenceInput;
  decidedOn: string;
  standing: DecisionStanding;
  rows: MappingDecisionRow[];
}

/** One piece of a bulk review: the version decided, or the refusal `decide` gave it (its field in the batch). */
export type BatchDecision =
  | { evidenceVersionId: string; version: EvidenceVersionEntity; refusal: null }
  | { evidenceVersionId: string; version: null; refusal: DomainError };

/** The queue's filters (what `reviewQueueCount` counts too), without the page arguments. */
type QueueFilterArgs = Omit<ReviewQueueArgs, 'first' | 'after' | 'last' | 'before'>;

/** The reviewer's side: the queue of submissions and the decision on one of them. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceRepository,
    private readonly mappings: EvidenceMappingRepository,
    private readonly reviews: EvidenceReviewRepository,
    private readonly access: AccessPolicyService,
    private readonly qualifications: QualificationRepository,
    private readonly users: UserRepository,
    private readonly frameworks: FrameworkRepository,
    private readonly audit: AuditEventRepository,
    private readonly targets: MappingTargetsService,
    private readonly clock: Clock,
  ) {}

  queue(principal: Principal, args: ReviewQueueArgs): Promise<ConnectionShape<EvidenceVersionEntity>> {
    const page = pageRequest(args, ['instant', 'uuid']);
    return this.evidence
      .pageReviewQueue(principal.organisationId, principal.userId, this.queueFilter(args), page)
      .then((rows) => toConnection(rows, page, (v) => [v.submittedAt!.toISOString(), v.id]));
  }

  queueCount(principal: Principal, args: QueueFilterArgs): Promise<number> {
    return this.evidence.countReviewQueue(principal.organisationId, principal.userId, this.queueFilter(args));
  }

  private queueFilter(args: QueueFilterArgs) {
    return {
      practitionerUserId: args.practitionerUserId,
      kind: args.kind,
      itemCode: args.itemCode,
      submittedBefore:
        args.minWaitingDays === undefined
          ? undefined
          : new Date(this.clock.now().getTime() - args.minWaitingDays * DAY_MS),
    };
  }

  /**
   * Decides one submitted version. The version row is locked, so of two decisions at once the second
   * finds it decided (CONFLICT); the decision is bound to the version id and revision the reviewer read.
   */
  async decide(principal: Principal, input: ReviewEvidenceInput): Promise<EvidenceVersionEntity> {
    const confirmed = assertIdentifiersConfirmed(
      [
        ['comment', input.comment],
        ...input.mappingDecisions.map((d, i) => [`mappingDecisions[${i}].comment`, d.comment] as const),
      ],
      input.confirmNoIdentifiers,
    );
    return this.dataSource.transaction(async (manager) => {
      const { version, status } = await this.lockForDecision(principal, input, manager);
      const decidedOn = this.clock.today();
      const standing = await this.reviewerStanding(principal, version, input, decidedOn, manager);
      const rows = await this.mappingDecisionRows(principal.organisationId, version, input, manager);
      const decision: Decision = { version, status, input, decidedOn, standing, rows };
      await this.saveDecision(principal, decision, manager);
      await this.auditDecision(principal, decision, confirmed, manager);
      return { ...version, status };
    });
  }

  /**
   * Decides several submissions, each exactly as `decide` does (same checks, access, audit, each in its
   * own transaction), one after the other in the order sent. A piece refused is reported in its place,
   * its field named within the batch (`input.reviews[2].expectedRevision`), and does not stop the others.
   * A batch that names a version twice is refused whole before anything is written. An unexpected error
   * (not a refusal) ends the call: pieces before it stay decided, as if decided one by one.
   */
  async decideEach(principal: Principal, inputs: readonly ReviewEvidenceInput[]): Promise<BatchDecision[]> {
    assertDistinctReviews(inputs.map((i) => i.evidenceVersionId));
    const results: BatchDecision[] = [];
    for (const [index, input] of inputs.entries()) {
      const { evidenceVersionId } = input;
      try {
        results.push({ evidenceVersionId, version: await this.decide(principal, input), refusal: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const field = (error.field ?? 'input').replace(/^input\b/, `input.reviews[${index}]`);
        results.push({
          evidenceVersionId,
          version: null,
          refusal: new DomainError(error.code, error.message, field, error.meta),
        });
      }
    }
    return results;
  }

  /**
   * Locks the submission and checks it may be decided by this reviewer, at the revision they read.
   * Someone it was not submitted to is told it does not exist.
   */
  private async lockForDecision(principal: Principal, input: ReviewEvidenceInput, manager: EntityManager) {
    const version = await this.evidence.lockVersion(
      principal.organisationId,
      input.evidenceVersionId,
      manager,
    );
    if (
      !version ||
      (version.reviewerUserId !== principal.userId && version.ownerUserId !== principal.userId)
    ) {
      throw new DomainError(
        'EVIDENCE_NOT_FOUND',
        'No such submission for you to decide.',
        'input.evidenceVersionId',
      );
    }
    if (version.ownerUserId === principal.userId) {
      throw new DomainError('SELF_REVIEW', 'You cannot review your own evidence.', 'input.evidenceVersionId');
    }
    const status = transitionEvidence(version.status, input.outcome);
    if (version.revision !== input.expectedRevision) {
      throw new DomainError(
        'STALE_VERSION',
        'The evidence changed since you read it; reload it.',
        'input.expectedRevision',
        { currentRevision: version.revision },
      );
    }
    return { version, status };
  }

  /**
   * The relationship the reviewer decides under and the standing it asks of them (and of a
   * countersigner), as at the day of the decision.
   */
  private async reviewerStanding(
    principal: Principal,
    version: EvidenceVersionEntity,
    input: ReviewEvidenceInput,
    decidedOn: string,
    manager: EntityManager,
  ): Promise<DecisionStanding> {
    const { organisationId } = principal;
    const access = await this.access.decide(principal, version.ownerUserId, 'REVIEW', {
      on: decidedOn,
      manager,
    });
    const relationship = reviewRelationshipOf(access, decidedOn);
    const countersignerUserId = input.countersignerUserId ?? null;
    const reviewer = await this.reviewerFacts(organisationId, principal.userId, undefined, manager);
    const countersigner = countersignerUserId
      ? await this.reviewerFacts(organisationId, countersignerUserId, 'input.countersignerUserId', manager)
      : null;
    const standing = assertReviewerStanding({
      decidedOn,
      context: version.assessmentContext as AssessmentContext,
      reviewer: reviewer.facts,
      countersigner: countersigner?.facts ?? null,
      relationship,
    });
    return { relationship, reviewer, countersigner, ...standing };
  }

  /** The reviewer's decision on each claimed mapping, with the level (and pathway) accepted. */
  private async mappingDecisionRows(
    organisationId: string,
    version: EvidenceVersionEntity,
    input: ReviewEvidenceInput,
    manager: EntityManager,
  ): Promise<MappingDecisionRow[]> {
    const claimed = await this.mappings.findByVersionIds(organisationId, [version.id], manager);
    const claimedLevels = await this.frameworks.findLevelsByIds(
      claimed.map((m) => m.frameworkLevelId).filter((id): id is string => id !== null),
    );
    const levelCode = new Map(claimedLevels.map((l) => [l.id, l.code]));
    const decided = decideMappings({
      outcome: input.outcome,
      mappings: claimed.map((m) => ({
        mappingId: m.id,
        claimedLevelCode: m.frameworkLevelId ? levelCode.get(m.frameworkLevelId)! : null,
        claimedPathwayCode: null,
      })),
      decisions: input.mappingDecisions,
    });
    const rows: MappingDecisionRow[] = [];
    for (const d of decided) {
      const mapping = claimed.find((m) => m.id === d.mappingId)!;
      const index = input.mappingDecisions.findIndex((x) => x.mappingId === d.mappingId);
      let accepted = { levelId: null as string | null, pathwayId: null as string | null };
      if (d.decision === 'ACCEPTED') {
        accepted = { levelId: mapping.frameworkLevelId, pathwayId: mapping.frameworkLevelPathwayId };
      } else if (d.decision === 'ACCEPTED_AT_OTHER_LEVEL') {
        accepted = await this.targets.resolveLevelOfItem(
          mapping.frameworkItemId,
          d.acceptedLevelCode!,
          d.acceptedPathwayCode,
          `input.mappingDecisions[${index}]`,
        );
      }
      rows.push({
        mappingId: d.mappingId,
        decision: d.decision,
        comment: d.comment,
        acceptedLevelId: accepted.levelId,
        acceptedPathwayId: accepted.pathwayId,
      });
    }
    return rows;
  }

  /** Moves the version on (only from the revision read), records the mapping decisions and the review. */
  private async saveDecision(principal: Principal, decision: Decision, manager: EntityManager) {
    const { organisationId } = principal;
    const { version, status, input, decidedOn, standing, rows } = decision;
    const saved = await this.evidence.updateVersionIf(
      organisationId,
      version.id,
      { status: 'SUBMITTED', revision: input.expectedRevision },
      { status },
      manager,
    );
    if (!saved)
      throw new DomainError(
        'STALE_VERSION',
        'This submission was changed or decided meanwhile.',
        'input.expectedRevision',
      );
    await this.mappings.applyDecisions(organisationId, rows, manager);
    await this.reviews.insert(
      {
        organisationId,
        evidenceVersionId: version.id,
        reviewerUserId: principal.userId,
        practitionerUserId: version.ownerUserId,
        outcome: input.outcome,
        comment: input.comment,
        assessmentContext: version.assessmentContext as AssessmentContext,
        capacity: standing.relationship.capacity,
        decidedOn,
        standing: {
          regulator: standing.reviewer.regulator,
          registrationNumber: standing.reviewer.registrationNumber,
          qualification: standing.qualification,
          countersignerUserId: standing.countersignerUserId,
          countersignerRegistrationNumber: standing.countersignerUserId
            ? (standing.countersigner?.registrationNumber ?? null)
            : null,
        },
      },
      manager,
    );
  }

  private auditDecision(
    principal: Principal,
    { version, input, standing, rows }: Decision,
    confirmed: readonly FieldIdentifierWarning[],
    manager: EntityManager,
  ) {
    return this.audit.recordAudit(
      {
        organisationId: principal.organisationId,
        actorUserId: principal.userId,
        actorRole: actingRole(principal, REVIEWER_ROLES),
        action: input.outcome === 'APPROVE' ? 'EVIDENCE_APPROVED' : 'EVIDENCE_CHANGES_REQUESTED',
        entityType: 'EVIDENCE',
        entityId: version.evidenceId,
        subjectUserId: version.ownerUserId,
        changes: {
          versionNo: version.versionNo,
          revision: version.revision,
          assessmentContext: version.assessmentContext as AssessmentContext,
          capacity: standing.relationship.capacity,
          qualification: standing.qualification,
          countersignerUserId: standing.countersignerUserId,
          mappingDecisions: rows.map((r) => ({ mappingId: r.mappingId, decision: r.decision })),
          ...confirmedIdentifiers(confirmed),
        },
      },
      manager,
    );
  }

  /** `field` names the input that chose this person; the reviewer is the signed-in person, chosen by none. */
  private async reviewerFacts(
    organisationId: string,
    userId: string,
    field: string | undefined,
    manager: EntityManager,
  ): Promise<ReviewerRecord> {
    // One after the other: both run on the transaction's single connection.
    const user = await this.users.findById(userId, manager);
    const qualifications = await this.qualifications.findByUserIds(organisationId, [userId], manager);
    if (!user) throw new DomainError('USER_NOT_FOUND', 'No such person.', field);
    const facts: ReviewerFacts = {
      userId,
      registration:
        user.regulator && user.registrationNumber
          ? {
              regulator: user.regulator,
              number: user.registrationNumber,
              registeredFrom: null,
              registeredUntil: null,
            }
          : null,
      qualifications: qualifications.map((q) => ({
        type: q.type,
        awardedOn: q.awardedOn,
        expiresOn: q.expiresOn,
        verified: q.verifiedByUserId !== null,
      })),
    };
    return { facts, regulator: user.regulator, registrationNumber: user.registrationNumber };
  }
}
