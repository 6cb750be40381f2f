import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import {
  buildAchievementCredential,
  DomainError,
  formatVerificationCode,
  urnOf,
  type CredentialFacts,
  type CredentialKind,
} from '#app/domain';
import {
  AuditEventRepository,
  CredentialFactsRepository,
  IssuedCredentialRepository,
  OrganisationRepository,
  type IssuedCredentialEntity,
  type MappingFacts,
  type NewIssuedCredential,
  type SignOffFacts,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { CredentialStatusListsService } from './credential-status-lists.service.js';
import { issuerUrlOf, keyUrlOf } from './issuer-urls.js';
import { signVcJwt } from './sign-vc-jwt.js';
import { SigningKeysService } from './signing-keys.service.js';

const ISSUER_ROLES = ['PRACTITIONER', 'PRINCIPAL_SOCIAL_WORKER'] as const;

const KIND_LABEL: Record<string, string> = {
  CPD_ACTIVITY: 'CPD activity',
  DIRECT_OBSERVATION: 'direct observation',
  SERVICE_USER_FEEDBACK: 'feedback from a person using services',
  PROFESSIONAL_FEEDBACK: 'feedback from a professional',
  WRITTEN_REPORT: 'written report',
  CRITICAL_REFLECTION: 'critical reflection',
  SUPERVISION_REFLECTION: 'reflection on supervision',
  CERTIFICATE: 'certificate',
};

/** A fact set ready to sign: who the credential is about and what it attests. */
type Draft = Omit<CredentialFacts, 'credentialId' | 'issuer' | 'issuedAt'>;

/**
 * Issues signed credentials (Open Badges 3.0, as VC-JWTs signed with the organisation's key) for
 * approved sign-offs, stages awarded on an approved application and verified qualifications.
 * Issuing is idempotent per record: asking again returns the credential already issued.
 */
@Injectable()
export class CredentialIssuerService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly facts: CredentialFactsRepository,
    private readonly credentials: IssuedCredentialRepository,
    private readonly organisations: OrganisationRepository,
    private readonly keys: SigningKeysService,
    private readonly statusLists: CredentialStatusListsService,
    private readonly audit: AuditEventRepository,
    private readonly access: AccessPolicyService,
    private readonly clock: Clock,
  ) {}

  /** The organisation's issuer id: an https URL serving its Open Badges 3.0 issuer Profile. */
  issuerUrl(organisationId: string): string {
    return issuerUrlOf(this.config.publicBaseUrl, organisationId);
  }

  verifyUrl(code: string): string {
    return `${this.config.publicBaseUrl}/verify/${code}`;
  }

  /** One credential, by the practitioner it is about or a PSW. */
  async issue(principal: Principal, kind: CredentialKind, sourceId: string): Promise<IssuedCredentialEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { organisationId } = principal;
      const draft = await this.draft(organisationId, kind, sourceId, manager);
      await this.access.require(
        principal,
        draft.subject.id,
        'ISSUE_CREDENTIAL',
        {
          field: 'input.sourceId',
          message: 'Only the practitioner or a Principal Social Worker may issue this credential.',
        },
        { manager },
      );
      const [issued] = await this.issueDrafts(principal, [draft], manager);
      return issued!;
    });
  }

  /**
   * Credentials for many approved sign-offs at once (a portfolio PDF prints a code for each), inside
   * the caller's transaction: facts in two statements, one insert, one audit entry. The caller has
   * already checked the principal may see the practitioner's portfolio.
   */
  async issueForSignOffs(
    principal: Principal,
    signOffs: readonly SignOffFacts[],
    mappings: readonly MappingFacts[],
    manager: EntityManager,
  ): Promise<Map<string, IssuedCredentialEntity>> {
    const approved = signOffs.filter((s) => s.outcome === 'APPROVE');
    const existing = await this.credentials.findBySources(
      principal.organisationId,
      'EVIDENCE_SIGN_OFF',
      approved.map((s) => s.reviewId),
      manager,
    );
    const done = new Set(existing.map((c) => c.sourceId));
    const drafts = approved
      .filter((s) => !done.has(s.reviewId))
      .map((s) =>
        signOffDraft(
          s,
          mappings.filter((m) => m.evidenceVersionId === s.evidenceVersionId),
        ),
      );
    const issued = drafts.length > 0 ? await this.issueDrafts(principal, drafts, manager) : [];
    return new Map([...existing, ...issued].map((c) => [c.sourceId, c]));
  }

  private async issueDrafts(
    principal: Principal,
    drafts: readonly Draft[],
    manager: EntityManager,
  ): Promise<IssuedCredentialEntity[]> {
    const { organisationId } = principal;
    const kind = drafts[0]!.kind;
    const sourceIds = drafts.map((d) => d.sourceId);
    const already = await this.credentials.findBySources(organisationId, kind, sourceIds, manager);
    const pending = drafts.filter((d) => !already.some((c) => c.sourceId === d.sourceId));
    if (pending.length > 0) {
      const organisation = await this.organisations.findById(organisationId);
      const key = await this.keys.activeKey(organisationId, manager);
      const issuedAt = this.clock.now();
      const entries = await this.statusLists.allocate(organisationId, pending.length, key, manager);
      const rows: NewIssuedCredential[] = [];
      for (const [i, draft] of pending.entries()) {
        const entry = entries[i]!;
        const facts: CredentialFacts = {
          ...draft,
          credentialId: randomUUID(),
          issuer: { id: organisationId, name: organisation!.name, uri: this.issuerUrl(organisationId) },
          issuedAt,
          status: entry,
        };
        const jwt = await signVcJwt(buildAchievementCredential(facts), {
          key,
          keyUrl: keyUrlOf(this.config.publicBaseUrl, organisationId, key.kid),
          issuer: this.issuerUrl(organisationId),
          subject: urnOf(draft.subject.id),
          jti: urnOf(facts.credentialId),
          issuedAt,
          expiresAt: facts.validUntil,
        });
        rows.push({
          organisationId,
          id: facts.credentialId,
          kind: draft.kind,
          sourceId: draft.sourceId,
          subjectUserId: draft.subject.id,
          verificationCode: formatVerificationCode(randomBytes(8)),
          kid: key.kid,
          jwt,
          issuedAt,
          validUntil: facts.validUntil,
          issuedByUserId: principal.userId,
          statusListId: entry.statusListId,
          statusListIndex: entry.statusListIndex,
        });
      }
      await this.credentials.insertMany(rows, manager);
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, ISSUER_ROLES),
          action: 'CREDENTIAL_ISSUED',
          entityType: 'ISSUED_CREDENTIAL',
          entityId: rows[0]!.id,
          subjectUserId: pending[0]!.subject.id,
          changes: { kind, count: rows.length, kid: key.kid, sourceIds: rows.map((r) => r.sourceId) },
        },
        manager,
      );
    }
    const all = await this.credentials.findBySources(organisationId, kind, sourceIds, manager);
    const bySource = new Map(all.map((c) => [c.sourceId, c]));
    return drafts.map((d) => {
      const found = bySource.get(d.sourceId);
      if (!found) throw new Error('an issued credential could not be stored');
      return found;
    });
  }

  /** The facts for one source record, refusing records that cannot be attested. */
  private async draft(
    organisationId: string,
    kind: CredentialKind,
    sourceId: string,
    manager: EntityManager,
  ): Promise<Draft> {
    const notFound = () =>
      new DomainError(
        'CREDENTIAL_SOURCE_NOT_FOUND',
        'No such record in your organisation.',
        'input.sourceId',
      );
    const notIssuable = (message: string) =>
      new DomainError('CREDENTIAL_NOT_ISSUABLE', message, 'input.sourceId');
    if (kind === 'EVIDENCE_SIGN_OFF') {
      const [signOff] = await this.facts.findSignOffs(organisationId, { reviewIds: [sourceId] }, manager);
      if (!signOff) throw notFound();
      if (signOff.outcome !== 'APPROVE') throw notIssuable('Only an approval can be issued as a credential.');
      const mappings = await this.facts.findMappings(organisationId, [signOff.evidenceVersionId], manager);
      return signOffDraft(signOff, mappings);
    }
    if (kind === 'STAGE_AWARD') {
      const [stage] = await this.facts.findStageAwards(organisationId, [sourceId], manager);
      if (!stage) throw notFound();
      if (stage.applicationStatus !== 'APPROVED') {
        throw notIssuable('Only a stage awarded through an approved application can be issued.');
      }
      const stageName = stage.design.stages.find((s) => s.key === stage.stageKey)?.name ?? stage.stageKey;
      return {
        kind,
        sourceId,
        subject: subjectOf(
          stage.userId,
          stage.practitionerName,
          stage.practitionerRegulator,
          stage.practitionerRegistrationNumber,
        ),
        achievement: {
          name: `${stageName} (${stage.pathwayName})`,
          description: `Progressed to ${stageName} on ${stage.fromDate} through an approved application (${stage.howDecided.toLowerCase()}).`,
          achievementType: 'Award',
          criteriaNarrative: `The route's criteria in the organisation's published career pathway "${stage.pathwayName}", and the decision on the application.`,
        },
        alignments: [],
        signer: stage.decidedByName
          ? {
              name: stage.decidedByName,
              capacity: stage.howDecided,
              qualification: null,
              regulator: stage.decidedByRegulator,
              registrationNumber: stage.decidedByRegistrationNumber,
            }
          : null,
        awardedOn: stage.fromDate,
        validUntil: null,
      };
    }
    const [qualification] = await this.facts.findQualifications(organisationId, [sourceId], manager);
    if (!qualification) throw notFound();
    if (!qualification.verifiedByUserId) throw notIssuable('Only a verified qualification can be issued.');
    return {
      kind,
      sourceId,
      subject: subjectOf(
        qualification.userId,
        qualification.practitionerName,
        qualification.practitionerRegulator,
        qualification.practitionerRegistrationNumber,
      ),
      achievement: {
        name: qualification.title,
        description: `${qualification.title} (${qualification.type}), awarded on ${qualification.awardedOn}${qualification.credits !== null ? `, ${qualification.credits} credits` : ''}; the certificate was checked by the organisation.`,
        achievementType: 'Certificate',
        criteriaNarrative:
          'Awarded by the issuing body and verified against the certificate by the organisation.',
      },
      alignments: [],
      signer: {
        name: qualification.verifiedByName ?? 'Unknown',
        capacity: 'QUALIFICATION_VERIFIER',
        qualification: null,
        regulator: qualification.verifiedByRegulator,
        registrationNumber: qualification.verifiedByRegistrationNumber,
      },
      awardedOn: qualification.awardedOn,
      // Valid through the last day of the qualification.
      validUntil: qualification.expiresOn
        ? new Date(Date.parse(`${qualification.expiresOn}T00:00:00Z`) + 86_400_000)
        : null,
    };
  }
}

function subjectOf(id: string, name: string, regulator: string | null, registrationNumber: string | null) {
  return { id, name, regulator, registrationNumber };
}

function signOffDraft(s: SignOffFacts, mappings: readonly MappingFacts[]): Draft {
  const kindLabel = KIND_LABEL[s.evidenceKind] ?? s.evidenceKind.toLowerCase();
  const accepted = mappings.filter(
    (m) => m.decision === 'ACCEPTED' || m.decision === 'ACCEPTED_AT_OTHER_LEVEL',
  );
  return {
    kind: 'EVIDENCE_SIGN_OFF',
    sourceId: s.reviewId,
    subject: subjectOf(
      s.practitionerUserId,
      s.practitionerName,
      s.practitionerRegulator,
      s.practitionerRegistrationNumber,
    ),
    achievement: {
      name: `Signed-off evidence: ${kindLabel}`,
      description: `A ${kindLabel} was signed off on ${s.decidedOn} by ${s.reviewerName} (${s.capacity.toLowerCase().replace(/_/g, ' ')})${
        accepted.length > 0
          ? ` as showing ${accepted.map((m) => `${m.itemTitle}${m.levelName ? ` at ${m.levelName}` : ''}`).join('; ')}`
          : ''
      }. The evidence itself stays in the portfolio.`,
      achievementType: 'Assessment',
      criteriaNarrative:
        'Judged by the assigned reviewer against the framework items it was mapped to, with the reviewer’s standing checked on the day of the decision.',
    },
    alignments: accepted.map((m) => ({
      frameworkCode: m.frameworkCode,
      frameworkVersion: m.frameworkVersion,
      itemCode: m.itemCode,
      itemTitle: m.itemTitle,
      levelCode: m.levelCode,
      levelName: m.levelName,
    })),
    signer: {
      name: s.reviewerName,
      capacity: s.capacity,
      qualification: s.standing.qualification,
      regulator: s.standing.regulator,
      registrationNumber: s.standing.registrationNumber,
    },
    awardedOn: s.decidedOn,
    validUntil: null,
  };
}
