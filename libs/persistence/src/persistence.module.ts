import { Global, Module } from '@nestjs/common';
import { AsyeProgrammeRepository } from './repositories/asye-programme.repository.js';
import { ComplianceFactsRepository } from './repositories/compliance-facts.repository.js';
import { CpdDeclarationRepository } from './repositories/cpd-declaration.repository.js';
import { NotificationRepository } from './repositories/notification.repository.js';
import { OrganisationPolicyRepository } from './repositories/organisation-policy.repository.js';
import { SupervisionRepository } from './repositories/supervision.repository.js';
import { AssessorRelationshipRepository } from './repositories/assessor-relationship.repository.js';
import { AttachmentRepository } from './repositories/attachment.repository.js';
import { AuditEventRepository } from './repositories/audit-event.repository.js';
import { EligibilityFactsRepository } from './repositories/eligibility-facts.repository.js';
import { EvidenceMappingRepository } from './repositories/evidence-mapping.repository.js';
import { EvidenceReviewRepository } from './repositories/evidence-review.repository.js';
import { EvidenceRepository } from './repositories/evidence.repository.js';
import { PathwayRepository } from './repositories/pathway.repository.js';
import { PractitionerStageRepository } from './repositories/practitioner-stage.repository.js';
import { ProgressionApplicationRepository } from './repositories/progression-application.repository.js';
import { QualificationRepository } from './repositories/qualification.repository.js';
import { AuthSessionRepository } from './repositories/auth-session.repository.js';
import { FrameworkRepository } from './repositories/framework.repository.js';
import { MembershipRepository } from './repositories/membership.repository.js';
import { OrganisationRepository } from './repositories/organisation.repository.js';
import { TeamRepository } from './repositories/team.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { CredentialFactsRepository } from './repositories/credential-facts.repository.js';
import { IssuedCredentialRepository } from './repositories/issued-credential.repository.js';
import { CredentialStatusListRepository } from './repositories/credential-status-list.repository.js';
import { SigningKeyRepository } from './repositories/signing-key.repository.js';
import { PortfolioExportRepository } from './repositories/portfolio-export.repository.js';
import { FrameworkExchangeRepository } from './repositories/framework-exchange.repository.js';
import { FrameworkAlignmentRepository } from './repositories/framework-alignment.repository.js';
import { InsightRepository } from './repositories/insight.repository.js';
import { SubjectAccessRepository } from './repositories/subject-access.repository.js';
import { InvitationRepository } from './repositories/invitation.repository.js';
import { ContributionRequestRepository } from './repositories/contribution-request.repository.js';
import { ModerationPackRepository } from './repositories/moderation-pack.repository.js';
import { SignOffReconciliationRepository } from './repositories/sign-off-reconciliation.repository.js';
import { FrameworkRemapRepository } from './repositories/framework-remap.repository.js';

const REPOSITORIES = [
  InvitationRepository,
  FrameworkRemapRepository,
  ContributionRequestRepository,
  AsyeProgrammeRepository,
  ComplianceFactsRepository,
  CpdDeclarationRepository,
  NotificationRepository,
  OrganisationPolicyRepository,
  SupervisionRepository,
  AssessorRelationshipRepository,
  AttachmentRepository,
  AuditEventRepository,
  EligibilityFactsRepository,
  EvidenceMappingRepository,
  EvidenceRepository,
  EvidenceReviewRepository,
  PathwayRepository,
  PractitionerStageRepository,
  ProgressionApplicationRepository,
  QualificationRepository,
  AuthSessionRepository,
  FrameworkRepository,
  MembershipRepository,
  OrganisationRepository,
  TeamRepository,
  UserRepository,
  SigningKeyRepository,
  IssuedCredentialRepository,
  CredentialStatusListRepository,
  CredentialFactsRepository,
  PortfolioExportRepository,
  FrameworkExchangeRepository,
  FrameworkAlignmentRepository,
  InsightRepository,
  SubjectAccessRepository,
  ModerationPackRepository,
  SignOffReconciliationRepository,
];

/** Every repository, available to every feature module (they need the DataSource from TypeOrmModule). */
@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class PersistenceModule {}
