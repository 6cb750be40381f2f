import type { EntityManager } from 'typeorm';
import type { AssessorCapacity, Regulator, Role } from '#app/domain';
import { AssessorRelationshipEntity } from '../entities/assessor-relationship.entity.js';
import { MembershipEntity } from '../entities/membership.entity.js';
import { OrganisationEntity } from '../entities/organisation.entity.js';
import { TeamEntity } from '../entities/team.entity.js';
import { UserEntity } from '../entities/user.entity.js';

/** Public on purpose: printed at start-up and in the README. Never use it for real data. */
export const DEMO_PASSWORD = 'demo-pathways-2026';
export const DEMO_SLUG = 'demo-council';

interface DemoPerson {
  key: string;
  fullName: string;
  roles: Role[];
  team: 'Children and Families' | 'Adults' | null;
  regulator: Regulator | null;
  registrationNumber: string | null;
  dateQualified: string | null;
}

const PEOPLE: DemoPerson[] = [
  {
    key: 'admin',
    fullName: 'Demo Administrator',
    roles: ['ORG_ADMIN'],
    team: null,
    regulator: null,
    registrationNumber: null,
    dateQualified: null,
  },
  {
    key: 'psw',
    fullName: 'Demo Principal Social Worker',
    roles: ['PRINCIPAL_SOCIAL_WORKER'],
    team: null,
    regulator: 'SOCIAL_WORK_ENGLAND',
    registrationNumber: 'SW900001',
    dateQualified: '2004-07-01',
  },
  {
    key: 'assessor',
    fullName: 'Demo ASYE Assessor',
    roles: ['ASSESSOR', 'PRACTITIONER'],
    team: 'Children and Families',
    regulator: 'SOCIAL_WORK_ENGLAND',
    registrationNumber: 'SW900002',
    dateQualified: '2012-07-01',
  },
  {
    key: 'educator',
    fullName: 'Demo Practice Educator',
    roles: ['PRACTICE_EDUCATOR', 'PRACTITIONER'],
    team: 'Adults',
    regulator: 'SOCIAL_WORK_ENGLAND',
    registrationNumber: 'SW900003',
    dateQualified: '2014-07-01',
  },
  {
    key: 'supervisor',
    fullName: 'Demo Supervisor',
    roles: ['SUPERVISOR', 'PRACTITIONER'],
    team: 'Children and Families',
    regulator: 'SOCIAL_WORK_ENGLAND',
    registrationNumber: 'SW900004',
    dateQualified: '2010-07-01',
  },
  {
    key: 'nqsw',
    fullName: 'Demo Newly Qualified Social Worker',
    roles: ['PRACTITIONER'],
    team: 'Children and Families',
    regulator: 'SOCIAL_WORK_ENGLAND',
    registrationNumber: 'SW900005',
    dateQualified: '2026-07-01',
  },
  {
    key: 'student',
    fullName: 'Demo Social Work Student',
    roles: ['PRACTITIONER'],
    team: 'Adults',
    regulator: null,
    registrationNumber: null,
    dateQualified: null,
  },
];

const RELATIONSHIPS: { assessor: string; practitioner: string; capacity: AssessorCapacity }[] = [
  { assessor: 'assessor', practitioner: 'nqsw', capacity: 'ASYE_ASSESSOR' },
  { assessor: 'supervisor', practitioner: 'nqsw', capacity: 'SUPERVISOR' },
  { assessor: 'educator', practitioner: 'student', capacity: 'PRACTICE_EDUCATOR' },
];

export const demoEmail = (key: string) => `${key}@demo-council.example`;

/**
 * A clearly marked demonstration organisation with one person per role and the
 * assessor relationships between them. Runs once: only into an empty database.
 */
export async function seedDemoOrganisation(
  manager: EntityManager,
  hashPassword: (password: string) => Promise<string>,
  startsOn: string,
): Promise<{ email: string; roles: Role[] }[] | null> {
  if ((await manager.count(OrganisationEntity)) > 0) return null;
  const organisation = await manager.save(
    manager.create(OrganisationEntity, {
      name: 'Demo Council (demonstration data)',
      slug: DEMO_SLUG,
      isDemo: true,
    }),
  );
  const teams = new Map<string, TeamEntity>();
  for (const name of ['Adults', 'Children and Families']) {
    teams.set(
      name,
      await manager.save(manager.create(TeamEntity, { organisationId: organisation.id, name })),
    );
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const p of PEOPLE) {
    const user = await manager.save(
      manager.create(UserEntity, {
        email: demoEmail(p.key),
        fullName: p.fullName,
        passwordHash,
        regulator: p.regulator,
        registrationNumber: p.registrationNumber,
        dateQualified: p.dateQualified,
      }),
    );
    ids.set(p.key, user.id);
    await manager.save(
      manager.create(MembershipEntity, {
        organisationId: organisation.id,
        userId: user.id,
        roles: p.roles,
        teamId: p.team ? teams.get(p.team)!.id : null,
        active: true,
      }),
    );
  }
  for (const r of RELATIONSHIPS) {
    await manager.save(
      manager.create(AssessorRelationshipEntity, {
        organisationId: organisation.id,
        assessorUserId: ids.get(r.assessor)!,
        practitionerUserId: ids.get(r.practitioner)!,
        capacity: r.capacity,
        startsOn,
        endsOn: null,
        createdByUserId: ids.get('admin')!,
      }),
    );
  }
  return PEOPLE.map((p) => ({ email: demoEmail(p.key), roles: p.roles }));
}
