import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { cpdActivityTypeLabel } from '#app/domain';
import {
  AuditEventRepository,
  CredentialFactsRepository,
  FrameworkRepository,
  OrganisationRepository,
  PathwayRepository,
  PortfolioExportRepository,
  UserRepository,
  type ApprovedPieceRow,
  type MappingFacts,
  type PathwayVersionEntity,
  type SignOffFacts,
  type UserEntity,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { CredentialIssuerService } from '../credentials/credential-issuer.service.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import type { PortfolioDocument, PortfolioPiece } from './portfolio-document.js';
import { regulatorName } from './render-portfolio-pdf.js';

const EXPORT_ROLES = ['PRACTITIONER', 'PRINCIPAL_SOCIAL_WORKER'] as const;

/** What a portfolio PDF is drawn from, read in one transaction. */
interface PortfolioFacts {
  today: string;
  user: UserEntity | undefined;
  organisationName: string;
  pieces: ApprovedPieceRow[];
  published: PathwayVersionEntity[];
  stages: Awaited<ReturnType<PortfolioExportRepository['findStagesOn']>>;
  mappings: MappingFacts[];
  signOffs: SignOffFacts[];
}

export const EVIDENCE_KIND_LABELS: Record<string, string> = {
  CPD_ACTIVITY: 'CPD activity',
  DIRECT_OBSERVATION: 'Direct observation',
  SERVICE_USER_FEEDBACK: 'Feedback from a person using services',
  PROFESSIONAL_FEEDBACK: 'Feedback from a professional',
  WRITTEN_REPORT: 'Written report',
  CRITICAL_REFLECTION: 'Critical reflection',
  SUPERVISION_REFLECTION: 'Reflection on supervision',
  CERTIFICATE: 'Certificate',
};

/**
 * Gathers a practitioner's portfolio for a PDF, for the practitioner or a PSW preparing a panel:
 * approved pieces, their mappings and sign-offs in a few statements, a credential (and so a
 * verification code) for every approved sign-off, and an audit entry, in one transaction.
 */
@Injectable()
export class PortfolioPdfService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly exports: PortfolioExportRepository,
    private readonly facts: CredentialFactsRepository,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly pathways: PathwayRepository,
    private readonly frameworks: FrameworkRepository,
    private readonly access: AccessPolicyService,
    private readonly issuer: CredentialIssuerService,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async prepare(principal: Principal, practitionerUserId: string): Promise<PortfolioDocument> {
    const granted = await this.access.require(principal, practitionerUserId, 'EXPORT', {
      field: 'practitionerUserId',
      message: 'Only the practitioner or a Principal Social Worker may export this portfolio.',
    });
    const { organisationId } = principal;
    return this.dataSource.transaction(async (manager) => {
      const facts = await this.loadFacts(organisationId, practitionerUserId, manager);
      const credentials = await this.issuer.issueForSignOffs(
        principal,
        facts.signOffs,
        facts.mappings,
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, EXPORT_ROLES),
          action: 'PORTFOLIO_PDF_EXPORTED',
          entityType: 'USER',
          entityId: practitionerUserId,
          subjectUserId: practitionerUserId,
          changes: { pieces: facts.pieces.length, access: granted.basis },
        },
        manager,
      );
      return this.build(
        organisationId,
        facts,
        (reviewId) => credentials.get(reviewId)?.verificationCode ?? null,
      );
    });
  }

  /**
   * The document of one practitioner's portfolio without verification codes (none is issued), for a
   * caller that has decided access itself and audits its own use: moderation packs anonymise it.
   */
  async documentWithoutCodes(organisationId: string, practitionerUserId: string): Promise<PortfolioDocument> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) =>
      this.build(
        organisationId,
        await this.loadFacts(organisationId, practitionerUserId, manager),
        () => null,
      ),
    );
  }

  private async loadFacts(
    organisationId: string,
    practitionerUserId: string,
    manager: EntityManager,
  ): Promise<PortfolioFacts> {
    const today = this.clock.today();
    const [[user], organisation, pieces, published, stages] = await Promise.all([
      this.users.findByIdsInOrganisation(organisationId, [practitionerUserId]),
      this.organisations.findById(organisationId),
      this.exports.findApprovedPieces(organisationId, practitionerUserId, manager),
      this.pathways.findPublished(organisationId),
      this.exports.findStagesOn(organisationId, practitionerUserId, today),
    ]);
    const versionIds = pieces.map((p) => p.versionId);
    // One after the other: both run on the transaction's single connection.
    const mappings = await this.facts.findMappings(organisationId, versionIds, manager);
    const signOffs = await this.facts.findSignOffs(organisationId, { versionIds }, manager);
    return {
      today,
      user,
      organisationName: organisation?.name ?? '',
      pieces,
      published,
      stages,
      mappings,
      signOffs,
    };
  }

  private async build(
    organisationId: string,
    { today, user, organisationName, pieces, published, stages, mappings, signOffs }: PortfolioFacts,
    codeOf: (reviewId: string) => string | null,
  ): Promise<PortfolioDocument> {
    // The stage on the first published pathway the practitioner holds one on.
    let currentStage: PortfolioDocument['currentStage'] = null;
    for (const version of published) {
      const spell = stages.find((s) => s.pathwayId === version.pathwayId);
      const stage = spell && version.design.stages.find((s) => s.key === spell.stageKey);
      if (spell && stage) {
        const [pathway] = await this.pathways.findPathwaysByIds(organisationId, [version.pathwayId]);
        currentStage = { name: stage.name, pathwayName: pathway?.name ?? '', since: spell.fromDate };
        break;
      }
    }
    const pcfVersion = published[0]?.design.pcfVersion ?? '2018';
    const pcf = await this.frameworks.findVersionByCodes('PCF', pcfVersion);
    const domains = pcf
      ? (await this.frameworks.findItemsByVersionIds([pcf.id])).filter((i) => i.kind === 'DOMAIN')
      : [];

    const mappingsOf = groupBy(mappings, (m) => m.evidenceVersionId);
    const reviewOf = new Map(signOffs.map((s) => [s.evidenceVersionId, s]));
    return {
      generatedOn: today,
      organisationName,
      practitioner: {
        name: user?.fullName ?? '',
        regulator: user?.regulator ?? null,
        registrationNumber: user?.registrationNumber ?? null,
      },
      currentStage,
      coverage: {
        framework: `PCF ${pcfVersion}`,
        rows: domains.map((d) => {
          const accepted = mappings.filter(
            (m) =>
              m.frameworkCode === 'PCF' &&
              m.frameworkVersion === pcfVersion &&
              m.itemCode === d.code &&
              (m.decision === 'ACCEPTED' || m.decision === 'ACCEPTED_AT_OTHER_LEVEL'),
          );
          const levels = new Map<string, number>();
          for (const m of accepted)
            if (m.levelName) levels.set(m.levelName, (levels.get(m.levelName) ?? 0) + 1);
          return {
            code: d.code,
            title: d.title,
            approvedPieces: new Set(accepted.map((m) => m.evidenceVersionId)).size,
            levels: [...levels].map(([name, count]) => `${name} (${count})`),
          };
        }),
      },
      pieces: pieces.map((p) =>
        toPiece(p, mappingsOf.get(p.versionId) ?? [], reviewOf.get(p.versionId) ?? null, codeOf),
      ),
      verifyBaseUrl: this.config.publicBaseUrl,
    };
  }
}

function toPiece(
  p: ApprovedPieceRow,
  mappings: MappingFacts[],
  review: SignOffFacts | null,
  codeOf: (reviewId: string) => string | null,
): PortfolioPiece {
  const sections = [
    { heading: 'What happened', text: p.description },
    { heading: 'What I learnt', text: p.learning },
    { heading: 'Impact on my practice', text: p.impact },
  ];
  if (p.peerReflection) {
    sections.push({
      heading: p.peerRole ? `Peer reflection (with ${p.peerRole})` : 'Peer reflection',
      text: p.peerReflection,
    });
  }
  return {
    title: p.title,
    kind: p.cpdActivityType
      ? `${EVIDENCE_KIND_LABELS[p.kind]}: ${cpdActivityTypeLabel(p.cpdActivityType)}`
      : (EVIDENCE_KIND_LABELS[p.kind] ?? p.kind),
    dates: p.dateTo && p.dateTo !== p.dateFrom ? `${p.dateFrom} to ${p.dateTo}` : p.dateFrom,
    hours: p.hours,
    sections,
    mappings: mappings.map((m) => {
      const level = m.levelName ? ` at ${m.levelName}${m.pathwayName ? ` (${m.pathwayName})` : ''}` : '';
      const decision =
        m.decision === 'NOT_ACCEPTED'
          ? ' (not accepted)'
          : m.decision === 'ACCEPTED_AT_OTHER_LEVEL'
            ? ' (accepted at another level)'
            : '';
      return {
        text: `${m.frameworkCode} ${m.frameworkVersion} ${m.itemTitle}${level}${decision}`,
        comment: m.decisionComment?.trim() || null,
      };
    }),
    signOff: review
      ? {
          reviewerUserId: review.reviewerUserId,
          reviewerName: review.reviewerName,
          capacity: review.capacity,
          qualification: review.standing.qualification,
          registration: review.standing.registrationNumber
            ? `${regulatorName(review.standing.regulator)} ${review.standing.registrationNumber}`.trim()
            : null,
          decidedOn: review.decidedOn,
          verificationCode: review.outcome === 'APPROVE' ? codeOf(review.reviewId) : null,
          comment: review.comment,
        }
      : null,
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
