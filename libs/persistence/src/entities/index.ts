import { ContributionRequestEntity } from './contribution-request.entity.js';
import { InvitationEntity } from './invitation.entity.js';
import { AsyePauseEntity } from './asye-pause.entity.js';
import { AsyeProgrammeEntity } from './asye-programme.entity.js';
import { AsyeProtectedTimeEntity } from './asye-protected-time.entity.js';
import { AsyeReviewPointEntity } from './asye-review-point.entity.js';
import { CpdDeclarationEntity } from './cpd-declaration.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { OrganisationPolicyEntity } from './organisation-policy.entity.js';
import { SupervisionEntity } from './supervision.entity.js';
import { AssessorRelationshipEntity } from './assessor-relationship.entity.js';
import { AttachmentEntity } from './attachment.entity.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuthSessionEntity } from './auth-session.entity.js';
import { EvidenceMappingEntity } from './evidence-mapping.entity.js';
import { EvidenceReviewEntity } from './evidence-review.entity.js';
import { EvidenceVersionEntity } from './evidence-version.entity.js';
import { EvidenceEntity } from './evidence.entity.js';
import { FrameworkAlignmentEntity } from './framework-alignment.entity.js';
import { FrameworkItemEntity } from './framework-item.entity.js';
import { FrameworkLevelPathwayEntity } from './framework-level-pathway.entity.js';
import { FrameworkLevelEntity } from './framework-level.entity.js';
import { FrameworkVersionEntity } from './framework-version.entity.js';
import { FrameworkEntity } from './framework.entity.js';
import { MembershipEntity } from './membership.entity.js';
import { OrganisationEntity } from './organisation.entity.js';
import { PathwayVersionEntity } from './pathway-version.entity.js';
import { PathwayEntity } from './pathway.entity.js';
import { PractitionerStageEntity } from './practitioner-stage.entity.js';
import { ProgressionApplicationEntity } from './progression-application.entity.js';
import { QualificationEntity } from './qualification.entity.js';
import { TeamEntity } from './team.entity.js';
import { UserEntity } from './user.entity.js';
import { CredentialStatusListEntity } from './credential-status-list.entity.js';
import { IssuedCredentialEntity } from './issued-credential.entity.js';
import { SigningKeyEntity } from './signing-key.entity.js';
import { SubjectAccessExportEntity } from './subject-access-export.entity.js';
import { ModerationPackEntity } from './moderation-pack.entity.js';
import { SignOffReconciliationEntity } from './sign-off-reconciliation.entity.js';
import { FrameworkRemapRunEntity } from './framework-remap-run.entity.js';
import { DerivedEvidenceMappingEntity } from './derived-evidence-mapping.entity.js';

export {
  AsyePauseEntity,
  AsyeProgrammeEntity,
  AsyeProtectedTimeEntity,
  AsyeReviewPointEntity,
  CpdDeclarationEntity,
  NotificationEntity,
  OrganisationPolicyEntity,
  SupervisionEntity,
  AssessorRelationshipEntity,
  AttachmentEntity,
  AuditEventEntity,
  AuthSessionEntity,
  EvidenceEntity,
  EvidenceMappingEntity,
  EvidenceReviewEntity,
  EvidenceVersionEntity,
  FrameworkAlignmentEntity,
  FrameworkEntity,
  FrameworkItemEntity,
  FrameworkLevelEntity,
  FrameworkLevelPathwayEntity,
  FrameworkVersionEntity,
  MembershipEntity,
  OrganisationEntity,
  PathwayEntity,
  PathwayVersionEntity,
  PractitionerStageEntity,
  ProgressionApplicationEntity,
  QualificationEntity,
  TeamEntity,
  UserEntity,
  IssuedCredentialEntity,
  CredentialStatusListEntity,
  SigningKeyEntity,
  SubjectAccessExportEntity,
  ModerationPackEntity,
  SignOffReconciliationEntity,
  FrameworkRemapRunEntity,
  DerivedEvidenceMappingEntity,
};
export type { StoredIdentifierWarning } from './evidence-version.entity.js';
export type { ReviewerStandingRecord } from './evidence-review.entity.js';
export * from './framework-version.entity.js';
export { ASYE_CONFIRMATION_CAPACITIES, type AsyeConfirmationCapacity } from './asye-programme.entity.js';
export * from './pathway-version.entity.js';

export * from './invitation.entity.js';
export * from './contribution-request.entity.js';

export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  TeamEntity,
  MembershipEntity,
  AssessorRelationshipEntity,
  AuthSessionEntity,
  AuditEventEntity,
  FrameworkEntity,
  FrameworkVersionEntity,
  FrameworkItemEntity,
  FrameworkLevelEntity,
  FrameworkLevelPathwayEntity,
  FrameworkAlignmentEntity,
  QualificationEntity,
  EvidenceEntity,
  EvidenceVersionEntity,
  EvidenceMappingEntity,
  EvidenceReviewEntity,
  AttachmentEntity,
  AsyeProgrammeEntity,
  AsyePauseEntity,
  AsyeReviewPointEntity,
  AsyeProtectedTimeEntity,
  SupervisionEntity,
  OrganisationPolicyEntity,
  CpdDeclarationEntity,
  NotificationEntity,
  PathwayEntity,
  PathwayVersionEntity,
  PractitionerStageEntity,
  ProgressionApplicationEntity,
  SigningKeyEntity,
  CredentialStatusListEntity,
  IssuedCredentialEntity,
  SubjectAccessExportEntity,
  InvitationEntity,
  ContributionRequestEntity,
  ModerationPackEntity,
  SignOffReconciliationEntity,
  FrameworkRemapRunEntity,
  DerivedEvidenceMappingEntity,
];
