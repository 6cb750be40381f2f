import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import QRCode from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import {
  assertCanRequestContribution,
  checkContributorStatement,
  checkCountersignature,
  contributionLinkExpiry,
  contributionLinkState,
  DomainError,
} from '#app/domain';
import {
  AuditEventRepository,
  ContributionRequestRepository,
  EvidenceMappingRepository,
  EvidenceRepository,
  EvidenceReviewRepository,
  FrameworkRepository,
  MembershipRepository,
  UserRepository,
  type ContributionRequestEntity,
  type EvidenceVersionEntity,
} from '#app/persistence';
import type { Principal } from '../../auth/principal.js';
import { AddressRateLimiter } from '../../common/address-rate-limiter.js';
import { Clock } from '../../common/clock.js';
import { hashOneTimeToken, newOneTimeToken, ONE_TIME_TOKEN } from '../../common/one-time-token.js';
import { NotificationMailer } from '../notifications/notification-mailer.js';
import { EvidenceService } from '../portfolio/evidence.service.js';
import type { RequestContributionInput } from './dto/request-contribution.input.js';
import type { SubmitContributionInput } from './dto/submit-contribution.input.js';
import type { SubmitCountersignatureInput } from './dto/submit-countersignature.input.js';
import type {
  ContributionInvitation,
  ContributionReceipt,
  ContributionRequest,
  DecisionToCountersign,
  RequestedContribution,
} from './models/contribution.model.js';

/** The one answer to any link that does not work: unknown, tampered, expired, used or revoked alike. */
const linkInvalid = () =>
  new DomainError(
    'CONTRIBUTION_LINK_INVALID',
    'This link does not work. It may have expired or been used already. Ask the social worker for a new one.',
    'token',
  );

const firstName = (fullName: string) => fullName.trim().split(/\s+/)[0] ?? '';

const MAPPING_DECISION_WORDS = {
  ACCEPTED: 'Accepted',
  ACCEPTED_AT_OTHER_LEVEL: 'Accepted at another level',
  NOT_ACCEPTED: 'Not accepted',
} as const;

/**
 * Feedback by one-time link (issue #17): a practitioner asks a named person about one version of
 * their evidence; the person answers from the link without an account, and the answer arrives in
 * the practitioner's portfolio as feedback evidence (through the one evidence writer) with its
 * origin. Only the token's hash is kept. The public side answers a bad link in one way, whatever
 * is wrong with it, and tells a working one no more than the practitioner's first name and the
 * evidence's title.
 */
@Injectable()
export class ContributionsService implements OnModuleInit {
  private limiter!: AddressRateLimiter;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly requests: ContributionRequestRepository,
    private readonly evidence: EvidenceRepository,
    private readonly reviews: EvidenceReviewRepository,
    private readonly mappings: EvidenceMappingRepository,
    private readonly frameworks: FrameworkRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditEventRepository,
    private readonly writer: EvidenceService,
    private readonly mailer: NotificationMailer,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.limiter = new AddressRateLimiter(this.dataSource, {
      keyPrefix: 'contrib',
      points: this.config.contributions.perMinute,
      durationSeconds: 60,
      refusal: 'Too many requests from this address; try again in a minute',
    });
  }

  async request(principal: Principal, input: RequestContributionInput): Promise<RequestedContribution> {
    const { organisationId } = principal;
    return this.dataSource.transaction(async (manager) => {
      const version = await this.evidence.lockVersion(organisationId, input.evidenceVersionId, manager);
      if (!version) {
        throw new DomainError(
          'EVIDENCE_NOT_FOUND',
          'No such evidence in your portfolio.',
          'input.evidenceVersionId',
        );
      }
      const current = await this.evidence.lockCurrentVersion(organisationId, version.evidenceId, manager);
      assertCanRequestContribution({
        actorUserId: principal.userId,
        ownerUserId: version.ownerUserId,
        isCurrentVersion: current?.id === version.id,
        versionStatus: version.status,
        purpose: input.purpose,
        contributorRole: input.contributorRole,
      });
      const token = newOneTimeToken();
      const row = await this.requests.insert(
        {
          organisationId,
          practitionerUserId: principal.userId,
          evidenceId: version.evidenceId,
          evidenceVersionId: version.id,
          tokenHash: hashOneTimeToken(token),
          contributorName: input.contributorName,
          contributorEmail: input.contributorEmail ?? null,
          contributorRole: input.contributorRole,
          purpose: input.purpose,
          expiresAt: contributionLinkExpiry(this.clock.now(), this.config.contributions.ttlDays),
        },
        manager,
      );
      const link = `${this.config.publicBaseUrl}/contribute/${token}`;
      const emailed = row.contributorEmail !== null && this.mailer.enabled;
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: 'PRACTITIONER',
          action: 'CONTRIBUTION_REQUESTED',
          entityType: 'CONTRIBUTION_REQUEST',
          entityId: row.id,
          subjectUserId: principal.userId,
          changes: {
            evidenceId: row.evidenceId,
            evidenceVersionId: row.evidenceVersionId,
            role: row.contributorRole,
            purpose: row.purpose,
            delivery: emailed ? 'EMAIL' : 'PRINTED',
            expiresAt: row.expiresAt.toISOString(),
          },
        },
        manager,
      );
      if (emailed) {
        // Inside the transaction: if the mail server refuses it, the request is not kept either.
        const practitioner = (await this.users.findById(principal.userId, manager))!;
        const countersigning = row.purpose === 'COUNTERSIGNATURE';
        await this.mailer.send(
          row.contributorEmail!,
          countersigning
            ? `${practitioner.fullName} asks you to countersign a decision`
            : `${practitioner.fullName} asks for your feedback`,
          [
            `Dear ${row.contributorName},`,
            '',
            countersigning
              ? `${practitioner.fullName}, a social worker, asks you, as their off-site practice educator, to countersign the decision on a piece of evidence in their professional portfolio in Pathways.`
              : `${practitioner.fullName}, a social worker, asks for your feedback on their practice for their professional portfolio in Pathways.`,
            '',
            countersigning ? `Read the decision and countersign it: ${link}` : `Give your feedback: ${link}`,
            '',
            `You do not need an account. The link works once and until ${row.expiresAt.toISOString().slice(0, 10)}. If you did not expect this, ignore it.`,
          ].join('\n'),
          `contribution-${row.id}`,
        );
        return { request: this.toModel(row), emailed: true, link: null, qrCodeSvg: null };
      }
      const qrCodeSvg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { request: this.toModel(row), emailed: false, link, qrCodeSvg };
    });
  }

  async revoke(principal: Principal, requestId: string): Promise<ContributionRequest> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.requests.findByIdForUpdate(principal.organisationId, requestId, manager);
      if (!row || row.practitionerUserId !== principal.userId) {
        throw new DomainError(
          'CONTRIBUTION_REQUEST_NOT_FOUND',
          'No such request of yours.',
          'input.requestId',
        );
      }
      const state = contributionLinkState(row, this.clock.now());
      if (state === 'USED' || state === 'REVOKED') {
        throw new DomainError(
          'CONTRIBUTION_REQUEST_CLOSED',
          state === 'REVOKED'
            ? 'This request was already revoked.'
            : row.purpose === 'COUNTERSIGNATURE'
              ? 'The countersignature has already been given.'
              : 'The feedback has already arrived.',
          'input.requestId',
          { state },
        );
      }
      const revokedAt = this.clock.now();
      await this.requests.update(principal.organisationId, row.id, { revokedAt }, manager);
      await this.audit.recordAudit(
        {
          organisationId: principal.organisationId,
          actorUserId: principal.userId,
          actorRole: 'PRACTITIONER',
          action: 'CONTRIBUTION_REQUEST_REVOKED',
          entityType: 'CONTRIBUTION_REQUEST',
          entityId: row.id,
          subjectUserId: principal.userId,
          changes: { evidenceId: row.evidenceId, previousState: state },
        },
        manager,
      );
      return this.toModel({ ...row, revokedAt });
    });
  }

  /** The requests made about one piece of the caller's own evidence, newest first. */
  async forEvidence(principal: Principal, evidenceId: string): Promise<ContributionRequest[]> {
    const [evidence] = await this.evidence.findEvidenceByIds(principal.organisationId, [evidenceId]);
    if (!evidence || evidence.ownerUserId !== principal.userId) {
      throw new DomainError('EVIDENCE_NOT_FOUND', 'No such evidence in your portfolio.', 'evidenceId');
    }
    const rows = await this.requests.findForEvidence(principal.organisationId, evidenceId);
    return rows.map((r) => this.toModel(r));
  }

  /** What the contributor's page shows for a link that works; CONTRIBUTION_LINK_INVALID otherwise. */
  async byToken(token: string, address: string | undefined): Promise<ContributionInvitation> {
    await this.limiter.consume(address);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.openRequest(token, manager, false);
      const { practitionerFirstName, evidenceTitle, version } = await this.describe(row, manager);
      return {
        practitionerFirstName,
        evidenceTitle,
        purpose: row.purpose,
        decision:
          row.purpose === 'COUNTERSIGNATURE' ? await this.decisionToCountersign(version, manager) : null,
        contributorName: row.contributorName,
        contributorRole: row.contributorRole,
        expiresAt: row.expiresAt,
      };
    });
  }

  /**
   * The contribution: checks the link and the statement, writes the feedback as a draft piece of
   * evidence in the practitioner's portfolio, closes the link, and audits it, in one transaction.
   */
  async submit(input: SubmitContributionInput, address: string | undefined): Promise<ContributionReceipt> {
    await this.limiter.consume(address);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.openRequest(input.token, manager, true, 'FEEDBACK');
      const statement = checkContributorStatement(input);
      const { practitionerFirstName } = await this.describe(row, manager);
      const receivedAt = this.clock.now();
      const owner: Principal = {
        userId: row.practitionerUserId,
        organisationId: row.organisationId,
        roles: ['PRACTITIONER'],
        teamId: null,
        sessionFamilyId: null,
      };
      const origin = { origin: 'CONTRIBUTION', contributionRequestId: row.id };
      const version = await this.writer.createDraft(
        owner,
        {
          content: {
            kind: statement.kind,
            cpdActivityType: null,
            title: `Feedback from ${statement.name}`,
            dateFrom: this.clock.today(),
            dateTo: null,
            hours: null,
            description: statement.feedback,
            learning: '',
            impact: '',
            peerReflection: null,
            peerRole: null,
            peerDiscussedOn: null,
          },
          mappings: [],
          confirmNoIdentifiers: false,
          audit: origin,
        },
        manager,
      );
      await this.requests.update(
        row.organisationId,
        row.id,
        {
          usedAt: receivedAt,
          statedName: statement.name,
          statedRole: statement.role,
          statedRelationship: statement.relationship,
          statedRegulator: statement.regulator,
          statedRegistrationNumber: statement.registrationNumber,
          resultingEvidenceId: version.evidenceId,
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: row.organisationId,
          actorUserId: null,
          actorRole: 'CONTRIBUTOR',
          action: 'CONTRIBUTION_RECEIVED',
          entityType: 'CONTRIBUTION_REQUEST',
          entityId: row.id,
          subjectUserId: row.practitionerUserId,
          changes: {
            evidenceId: row.evidenceId,
            evidenceVersionId: row.evidenceVersionId,
            resultingEvidenceId: version.evidenceId,
            role: statement.role,
            kind: statement.kind,
            registrationGiven: statement.registrationNumber !== null,
          },
        },
        manager,
      );
      return { practitionerFirstName, receivedAt };
    });
  }

  /**
   * The countersignature: checks the link and the statement, keeps the countersigner's judgement
   * beside the review of the approved version, closes the link, and audits it, in one transaction.
   * The decision itself is not changed: a countersignature that does not countersign is a second
   * judgement for the PSW and the reviewer to see, not a reversal.
   */
  async submitCountersignature(
    input: SubmitCountersignatureInput,
    address: string | undefined,
  ): Promise<ContributionReceipt> {
    await this.limiter.consume(address);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.openRequest(input.token, manager, true, 'COUNTERSIGNATURE');
      const statement = checkCountersignature(input);
      const { practitionerFirstName } = await this.describe(row, manager);
      const review = await this.approvedReviewOf(row.organisationId, row.evidenceVersionId, manager);
      const givenAt = this.clock.now();
      await this.requests.update(
        row.organisationId,
        row.id,
        {
          usedAt: givenAt,
          statedName: statement.name,
          statedRole: statement.role,
          statedRelationship: statement.relationship,
          statedRegulator: statement.regulator,
          statedRegistrationNumber: statement.registrationNumber,
          countersignedReviewId: review.id,
          countersigns: statement.countersigns,
          countersignComment: statement.comment,
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: row.organisationId,
          actorUserId: null,
          actorRole: 'CONTRIBUTOR',
          action: statement.countersigns ? 'REVIEW_COUNTERSIGNED' : 'REVIEW_COUNTERSIGNATURE_DECLINED',
          entityType: 'CONTRIBUTION_REQUEST',
          entityId: row.id,
          subjectUserId: row.practitionerUserId,
          changes: {
            evidenceId: row.evidenceId,
            evidenceVersionId: row.evidenceVersionId,
            reviewId: review.id,
            reviewerUserId: review.reviewerUserId,
            countersigns: statement.countersigns,
            regulator: statement.regulator,
          },
        },
        manager,
      );
      return { practitionerFirstName, receivedAt: givenAt };
    });
  }

  /**
   * The pending request a token opens (locked when it is to be used), for the purpose the caller
   * answers. Every other case, a token of the wrong form or purpose included, and a practitioner who
   * has left, is the same CONTRIBUTION_LINK_INVALID.
   */
  private async openRequest(
    token: string,
    manager: EntityManager,
    lock: boolean,
    purpose?: ContributionRequestEntity['purpose'],
  ) {
    if (!ONE_TIME_TOKEN.test(token)) throw linkInvalid();
    const row = await this.requests.findByTokenHash(hashOneTimeToken(token), manager, lock);
    if (!row || contributionLinkState(row, this.clock.now()) !== 'PENDING') throw linkInvalid();
    if (purpose && row.purpose !== purpose) throw linkInvalid();
    const member = await this.memberships.findActive(row.organisationId, row.practitionerUserId, manager);
    if (!member) throw linkInvalid();
    return row;
  }

  private async describe(row: ContributionRequestEntity, manager: EntityManager) {
    const practitioner = (await this.users.findById(row.practitionerUserId, manager))!;
    const version = (await this.evidence.findVersionById(row.organisationId, row.evidenceVersionId))!;
    return { practitionerFirstName: firstName(practitioner.fullName), evidenceTitle: version.title, version };
  }

  /**
   * The decision a countersignature link is about: asked only on an approved version, whose decision is
   * never replaced, so anything else is not this link's to open.
   */
  private async approvedReviewOf(organisationId: string, versionId: string, manager: EntityManager) {
    const [review] = await this.reviews.findByVersionIds(organisationId, [versionId], manager);
    if (!review || review.outcome !== 'APPROVE') throw linkInvalid();
    return review;
  }

  /** The approved version and its decision, item by item, as the countersigner is to judge them. */
  private async decisionToCountersign(
    version: EvidenceVersionEntity,
    manager: EntityManager,
  ): Promise<DecisionToCountersign> {
    const { organisationId } = version;
    const review = await this.approvedReviewOf(organisationId, version.id, manager);
    const reviewer = (await this.users.findById(review.reviewerUserId, manager))!;
    const mappings = await this.mappings.findByVersionIds(organisationId, [version.id], manager);
    const items = new Map(
      (await this.frameworks.findItemsByIds(mappings.map((m) => m.frameworkItemId))).map((i) => [i.id, i]),
    );
    const levelIds = mappings.flatMap((m) => [m.frameworkLevelId, m.acceptedLevelId]);
    const levels = new Map(
      (await this.frameworks.findLevelsByIds(levelIds.filter((id): id is string => id !== null))).map((l) => [
        l.id,
        l.name,
      ]),
    );
    return {
      evidenceStatus: version.status,
      description: version.description,
      learning: version.learning,
      impact: version.impact,
      outcome: review.outcome,
      reviewerName: reviewer.fullName,
      decidedOn: review.decidedOn,
      comment: review.comment,
      mappings: [...mappings]
        .sort((a, b) => a.position - b.position)
        .map((m) => {
          const item = items.get(m.frameworkItemId);
          return {
            item: item ? `${item.code}: ${item.title}` : 'An item no longer in the framework',
            levelClaimed: m.frameworkLevelId ? (levels.get(m.frameworkLevelId) ?? null) : null,
            decision: m.decision ? MAPPING_DECISION_WORDS[m.decision] : 'Not decided',
            levelAccepted: m.acceptedLevelId ? (levels.get(m.acceptedLevelId) ?? null) : null,
          };
        }),
    };
  }

  private toModel(row: ContributionRequestEntity): ContributionRequest {
    return {
      id: row.id,
      evidenceId: row.evidenceId,
      evidenceVersionId: row.evidenceVersionId,
      contributorName: row.contributorName,
      contributorEmail: row.contributorEmail,
      contributorRole: row.contributorRole,
      purpose: row.purpose,
      state: contributionLinkState(row, this.clock.now()),
      expiresAt: row.expiresAt,
      usedAt: row.usedAt,
      revokedAt: row.revokedAt,
      resultingEvidenceId: row.resultingEvidenceId,
      countersigns: row.countersigns,
      createdAt: row.createdAt,
    };
  }
}
