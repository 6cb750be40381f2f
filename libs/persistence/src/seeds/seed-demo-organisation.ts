import type { EntityManager } from 'typeorm';
import { TEMPLATE_PATHWAY_DESIGN, type AssessorCapacity, type Regulator, type Role } from '#app/domain';
import { AssessorRelationshipEntity } from '../entities/assessor-relationship.entity.js';
import { EvidenceMappingEntity } from '../entities/evidence-mapping.entity.js';
import { EvidenceVersionEntity } from '../entities/evidence-version.entity.js';
import { EvidenceEntity } from '../entities/evidence.entity.js';
import { FrameworkItemEntity } from '../entities/framework-item.entity.js';
import { FrameworkLevelEntity } from '../entities/framework-level.entity.js';
import { FrameworkVersionEntity } from '../entities/framework-version.entity.js';
import { FrameworkEntity } from '../entities/framework.entity.js';
import { PathwayVersionEntity } from '../entities/pathway-version.entity.js';
import { PathwayEntity } from '../entities/pathway.entity.js';
import { PractitionerStageEntity } from '../entities/practitioner-stage.entity.js';
import { QualificationEntity } from '../entities/qualification.entity.js';
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

/** Every demo login, for checks that a production start has none. */
export const DEMO_EMAILS: readonly string[] = PEOPLE.map((p) => demoEmail(p.key));

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
  await seedDemoProgression(manager, organisation.id, ids, startsOn);
  await seedDemoPortfolio(manager, organisation.id, ids, startsOn);
  return PEOPLE.map((p) => ({ email: demoEmail(p.key), roles: p.roles }));
}

/** Where each demo person stands on the published template pathway, and who holds which PEPS stage. */
const STAGES: Record<string, { stageKey: string; from: string }> = {
  student: { stageKey: 'STUDENT', from: '2025-09-01' },
  nqsw: { stageKey: 'NQSW', from: '2026-09-01' },
  assessor: { stageKey: 'EXPERIENCED_SOCIAL_WORKER', from: '2016-04-01' },
  supervisor: { stageKey: 'PRACTICE_SUPERVISOR', from: '2019-01-01' },
  educator: { stageKey: 'PRACTICE_EDUCATOR', from: '2018-09-01' },
};

async function seedDemoProgression(
  manager: EntityManager,
  organisationId: string,
  ids: Map<string, string>,
  today: string,
): Promise<void> {
  const psw = ids.get('psw')!;
  const pathway = await manager.save(
    manager.create(PathwayEntity, {
      organisationId,
      name: 'Social work career pathway (demonstration)',
      description: 'The template ladder, published as it is; thresholds are examples to change.',
      createdByUserId: psw,
    }),
  );
  await manager.save(
    manager.create(PathwayVersionEntity, {
      organisationId,
      pathwayId: pathway.id,
      versionNo: 1,
      status: 'PUBLISHED',
      design: TEMPLATE_PATHWAY_DESIGN,
      createdByUserId: psw,
      publishedByUserId: psw,
      publishedAt: new Date(`${today}T09:00:00Z`),
    }),
  );
  for (const [key, stage] of Object.entries(STAGES)) {
    await manager.save(
      manager.create(PractitionerStageEntity, {
        organisationId,
        userId: ids.get(key)!,
        pathwayId: pathway.id,
        stageKey: stage.stageKey,
        fromDate: stage.from < today ? stage.from : today,
        toDate: null,
        howDecided: 'RECORDED',
        applicationId: null,
        recordedByUserId: psw,
      }),
    );
  }
  for (const [key, type] of [
    ['educator', 'PEPS_STAGE_2'],
    ['supervisor', 'PEPS_STAGE_1'],
  ] as const) {
    await manager.save(
      manager.create(QualificationEntity, {
        organisationId,
        userId: ids.get(key)!,
        type,
        title: `Practice Educator Professional Standards, ${type === 'PEPS_STAGE_2' ? 'Stage 2' : 'Stage 1'}`,
        awardedOn: '2018-07-01',
        expiresOn: null,
        credits: null,
        verifiedByUserId: psw,
        verifiedAt: new Date(`${today}T09:00:00Z`),
        recordedByUserId: psw,
      }),
    );
  }
}

/** Two pieces of the NQSW's portfolio: a draft, and one waiting for the ASYE assessor. */
async function seedDemoPortfolio(
  manager: EntityManager,
  organisationId: string,
  ids: Map<string, string>,
  today: string,
): Promise<void> {
  const nqsw = ids.get('nqsw')!;
  const pcf = await manager
    .createQueryBuilder(FrameworkItemEntity, 'i')
    .innerJoin(FrameworkVersionEntity, 'v', 'v.id = i.framework_version_id')
    .innerJoin(FrameworkEntity, 'f', 'f.id = v.framework_id')
    .where("f.code = 'PCF' AND v.version = '2018'")
    .getMany();
  const asye = await manager
    .createQueryBuilder(FrameworkLevelEntity, 'l')
    .innerJoin(FrameworkVersionEntity, 'v', 'v.id = l.framework_version_id')
    .innerJoin(FrameworkEntity, 'f', 'f.id = v.framework_id')
    .where("f.code = 'PCF' AND v.version = '2018' AND l.code = 'ASYE'")
    .getOneOrFail();
  const pieces = [
    {
      status: 'SUBMITTED' as const,
      kind: 'DIRECT_OBSERVATION' as const,
      title: 'Observed first home visit (demonstration)',
      learning: 'Agreeing the purpose of the visit at the start helped the family take part.',
      domains: ['PROFESSIONALISM', 'VALUES_AND_ETHICS', 'SKILLS_AND_INTERVENTIONS'],
    },
    {
      status: 'DRAFT' as const,
      kind: 'CRITICAL_REFLECTION' as const,
      title: 'Reflection on my first month (demonstration)',
      learning: 'Supervision is where I test my analysis before I write it down.',
      domains: ['CRITICAL_REFLECTION_AND_ANALYSIS', 'KNOWLEDGE'],
    },
  ];
  for (const piece of pieces) {
    const evidence = await manager.save(
      manager.create(EvidenceEntity, { organisationId, ownerUserId: nqsw }),
    );
    const version = await manager.save(
      manager.create(EvidenceVersionEntity, {
        organisationId,
        evidenceId: evidence.id,
        ownerUserId: nqsw,
        versionNo: 1,
        status: piece.status,
        kind: piece.kind,
        cpdActivityType: null,
        title: piece.title,
        dateFrom: today,
        dateTo: null,
        hours: null,
        description: 'Demonstration data.',
        learning: piece.learning,
        impact: 'I plan visits with the family rather than for them.',
        peerReflection: null,
        peerRole: null,
        peerDiscussedOn: null,
        identifierWarnings: [],
        identifiersConfirmed: false,
        reviewerUserId: piece.status === 'SUBMITTED' ? ids.get('assessor')! : null,
        assessmentContext: piece.status === 'SUBMITTED' ? 'ASYE' : null,
        submittedAt: piece.status === 'SUBMITTED' ? new Date(`${today}T10:00:00Z`) : null,
        createdByUserId: nqsw,
      }),
    );
    let position = 0;
    for (const code of piece.domains) {
      await manager.save(
        manager.create(EvidenceMappingEntity, {
          organisationId,
          evidenceVersionId: version.id,
          position: position++,
          frameworkItemId: pcf.find((i) => i.code === code)!.id,
          frameworkLevelId: asye.id,
          frameworkLevelPathwayId: null,
          rationale: 'Demonstration data.',
          decision: null,
          acceptedLevelId: null,
          acceptedPathwayId: null,
          decisionComment: null,
        }),
      );
    }
  }
}
