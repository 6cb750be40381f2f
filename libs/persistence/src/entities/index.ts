import { AssessorRelationshipEntity } from './assessor-relationship.entity.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuthSessionEntity } from './auth-session.entity.js';
import { FrameworkItemEntity } from './framework-item.entity.js';
import { FrameworkLevelPathwayEntity } from './framework-level-pathway.entity.js';
import { FrameworkLevelEntity } from './framework-level.entity.js';
import { FrameworkVersionEntity } from './framework-version.entity.js';
import { FrameworkEntity } from './framework.entity.js';
import { MembershipEntity } from './membership.entity.js';
import { OrganisationEntity } from './organisation.entity.js';
import { TeamEntity } from './team.entity.js';
import { UserEntity } from './user.entity.js';

export {
  AssessorRelationshipEntity,
  AuditEventEntity,
  AuthSessionEntity,
  FrameworkEntity,
  FrameworkItemEntity,
  FrameworkLevelEntity,
  FrameworkLevelPathwayEntity,
  FrameworkVersionEntity,
  MembershipEntity,
  OrganisationEntity,
  TeamEntity,
  UserEntity,
};
export * from './framework-version.entity.js';

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
];
