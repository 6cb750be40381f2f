import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AssessorCapacity, Regulator, Role } from '#app/domain';
import {
  AssessorRelationshipEntity,
  MembershipEntity,
  OrganisationEntity,
  TeamEntity,
  UserEntity,
} from '#app/persistence';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;
// One argon2 hash for every test user: hashing is deliberately slow.
const testPasswordHash = () => (cachedHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id }));

const suffix = () => randomBytes(4).toString('hex');

export async function createOrganisation(
  ds: DataSource,
  overrides: Partial<OrganisationEntity> = {},
): Promise<OrganisationEntity> {
  const s = suffix();
  return ds
    .getRepository(OrganisationEntity)
    .save({ name: `Test Council ${s}`, slug: `test-${s}`, isDemo: false, ...overrides });
}

export async function createTeam(
  ds: DataSource,
  organisationId: string,
  name = `Team ${suffix()}`,
): Promise<TeamEntity> {
  return ds.getRepository(TeamEntity).save({ organisationId, name });
}

export interface CreatedMember {
  user: UserEntity;
  membership: MembershipEntity;
  email: string;
}

export async function createMember(
  ds: DataSource,
  organisationId: string,
  roles: Role[],
  overrides: Partial<
    Pick<UserEntity, 'fullName' | 'email' | 'regulator' | 'registrationNumber' | 'dateQualified'>
  > & {
    teamId?: string | null;
    regulator?: Regulator | null;
  } = {},
): Promise<CreatedMember> {
  const email = overrides.email ?? `person-${suffix()}@test.example`;
  const user = await ds.getRepository(UserEntity).save({
    email,
    fullName: overrides.fullName ?? `Person ${suffix()}`,
    passwordHash: await testPasswordHash(),
    regulator: overrides.regulator ?? 'SOCIAL_WORK_ENGLAND',
    registrationNumber: overrides.registrationNumber ?? `SW${Math.floor(Math.random() * 1e9)}`,
    dateQualified: overrides.dateQualified ?? '2015-07-01',
  });
  const membership = await ds
    .getRepository(MembershipEntity)
    .save({ organisationId, userId: user.id, roles, teamId: overrides.teamId ?? null, active: true });
  return { user, membership, email };
}

export async function createAssessorRelationship(
  ds: DataSource,
  organisationId: string,
  assessorUserId: string,
  practitionerUserId: string,
  capacity: AssessorCapacity,
  startsOn = '2020-01-01',
  endsOn: string | null = null,
): Promise<AssessorRelationshipEntity> {
  return ds.getRepository(AssessorRelationshipEntity).save({
    organisationId,
    assessorUserId,
    practitionerUserId,
    capacity,
    startsOn,
    endsOn,
    createdByUserId: assessorUserId,
  });
}
