import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { AssessmentContext, AssessorCapacity, EvidenceKind, PathwayStage, Role } from '#app/domain';
import { createRandom, type Random } from './create-random.js';
import { RowBuffer } from './insert-rows.js';
import { SYNTHETIC_PATHWAY_DESIGN } from './synthetic-pathway-design.js';
import {
  DESCRIPTIONS,
  FIRST_NAMES,
  IMPACTS,
  LAST_NAMES,
  LEARNINGS,
  PEER_ROLES,
  REVIEW_COMMENTS,
  TITLES,
} from './synthetic-text.js';

export interface SyntheticOptions {
  orgs: number;
  practitionersPerOrg: number;
  evidencePerPractitioner: number;
  seed: number;
  /** The day the data is "as of": every date lies on or before it. */
  asOf: string;
  /** One argon2 hash shared by every synthetic login. */
  passwordHash: string;
  onProgress?: (line: string) => void;
}

export interface SyntheticLogin {
  email: string;
  roles: Role[];
  about: string;
}

export interface SyntheticResult {
  /** False when the database already held exactly this data set (nothing was inserted). */
  inserted: boolean;
  rows: Record<string, number>;
  milliseconds: number;
  logins: SyntheticLogin[];
}

/** The sizes the README documents. */
export const SYNTHETIC_SIZES = {
  small: { orgs: 2, practitionersPerOrg: 12, evidencePerPractitioner: 6 },
  council: { orgs: 1, practitionersPerOrg: 2_000, evidencePerPractitioner: 50 },
  national: { orgs: 150, practitionersPerOrg: 667, evidencePerPractitioner: 50 },
} as const;

/** Printed by the seed script; synthetic logins are for benchmarks and demonstrations only. */
export const DEFAULT_SYNTHETIC_PASSWORD = 'synthetic-pathways-2026';

export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic.example';
export const syntheticEmail = (orgNo: number, local: string) =>
  `${local}@org${String(orgNo).padStart(3, '0')}.${SYNTHETIC_EMAIL_DOMAIN}`;
const syntheticSlug = (orgNo: number) => `synthetic-${String(orgNo).padStart(3, '0')}`;

const CHUNK = 10_000;

// ---- distributions -------------------------------------------------------------------------------

const STAGE_WEIGHTS = {
  STUDENT: 5,
  NQSW: 9,
  SOCIAL_WORKER: 32,
  EXPERIENCED_SOCIAL_WORKER: 26,
  ADVANCED_PRACTITIONER: 8,
  CONSULTANT_SOCIAL_WORKER: 3,
  PRACTICE_EDUCATOR: 7,
  PRACTICE_SUPERVISOR: 5,
  TEAM_MANAGER: 5,
} as const;
type StageKey = keyof typeof STAGE_WEIGHTS;

/** Years qualified by stage: together they span 25 years. */
const QUALIFIED_YEARS: Record<StageKey, [number, number] | null> = {
  STUDENT: null,
  NQSW: [0.15, 0.9],
  SOCIAL_WORKER: [1.2, 6],
  EXPERIENCED_SOCIAL_WORKER: [3, 15],
  ADVANCED_PRACTITIONER: [6, 22],
  CONSULTANT_SOCIAL_WORKER: [8, 24],
  PRACTICE_EDUCATOR: [5, 20],
  PRACTICE_SUPERVISOR: [6, 22],
  TEAM_MANAGER: [8, 25],
};

/** The stages each person passed through to reach their current one (alternatives by weight). */
const LADDERS: Record<StageKey, { path: StageKey[]; weight: number }[]> = {
  STUDENT: [{ path: ['STUDENT'], weight: 1 }],
  NQSW: [{ path: ['NQSW'], weight: 1 }],
  SOCIAL_WORKER: [{ path: ['NQSW', 'SOCIAL_WORKER'], weight: 1 }],
  EXPERIENCED_SOCIAL_WORKER: [{ path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER'], weight: 1 }],
  ADVANCED_PRACTITIONER: [
    { path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER'], weight: 1 },
  ],
  CONSULTANT_SOCIAL_WORKER: [
    {
      path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'CONSULTANT_SOCIAL_WORKER'],
      weight: 7,
    },
    {
      path: [
        'NQSW',
        'SOCIAL_WORKER',
        'EXPERIENCED_SOCIAL_WORKER',
        'ADVANCED_PRACTITIONER',
        'CONSULTANT_SOCIAL_WORKER',
      ],
      weight: 3,
    },
  ],
  PRACTICE_EDUCATOR: [
    { path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'PRACTICE_EDUCATOR'], weight: 7 },
    { path: ['NQSW', 'SOCIAL_WORKER', 'PRACTICE_EDUCATOR'], weight: 3 },
  ],
  PRACTICE_SUPERVISOR: [
    { path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'PRACTICE_SUPERVISOR'], weight: 7 },
    {
      path: [
        'NQSW',
        'SOCIAL_WORKER',
        'EXPERIENCED_SOCIAL_WORKER',
        'PRACTICE_EDUCATOR',
        'PRACTICE_SUPERVISOR',
      ],
      weight: 3,
    },
  ],
  TEAM_MANAGER: [
    {
      path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER', 'TEAM_MANAGER'],
      weight: 1,
    },
    {
      path: ['NQSW', 'SOCIAL_WORKER', 'EXPERIENCED_SOCIAL_WORKER', 'PRACTICE_SUPERVISOR', 'TEAM_MANAGER'],
      weight: 1,
    },
  ],
};

const KIND_WEIGHTS: Record<EvidenceKind, number> = {
  CPD_ACTIVITY: 30,
  DIRECT_OBSERVATION: 15,
  CRITICAL_REFLECTION: 15,
  SUPERVISION_REFLECTION: 12,
  PROFESSIONAL_FEEDBACK: 8,
  SERVICE_USER_FEEDBACK: 8,
  WRITTEN_REPORT: 7,
  CERTIFICATE: 5,
};

const CPD_TYPE_WEIGHTS = {
  TRAINING: 30,
  E_LEARNING: 25,
  READING_OR_RESEARCH: 12,
  PODCAST_OR_WEBINAR: 10,
  SHADOWING: 5,
  SUPERVISION: 4,
  FEEDBACK: 2,
  PROJECT_WORK: 4,
  TEACHING_OR_PRESENTING: 3,
  CONFERENCE: 4,
  ASYE_WORK: 0,
  OTHER: 1,
} as const;

/** Practice evidences some domains far more often than others. */
const DOMAIN_WEIGHTS = {
  SKILLS_AND_INTERVENTIONS: 20,
  CRITICAL_REFLECTION_AND_ANALYSIS: 16,
  KNOWLEDGE: 14,
  VALUES_AND_ETHICS: 12,
  PROFESSIONALISM: 11,
  DIVERSITY_AND_EQUALITY: 8,
  RIGHTS_JUSTICE_ECONOMIC_WELLBEING: 7,
  CONTEXTS_AND_ORGANISATIONS: 7,
  PROFESSIONAL_LEADERSHIP: 5,
} as const;

const MAPPING_COUNT_WEIGHTS = { '1': 25, '2': 35, '3': 25, '4': 15 } as const;
const STATUS_WEIGHTS = { APPROVED: 80, SUBMITTED: 6, CHANGES_REQUESTED: 4, DRAFT: 10 } as const;

/** PCF 2018 levels, lowest first. */
const PCF_LEVELS = [
  'ENTRY',
  'READINESS_FOR_DIRECT_PRACTICE',
  'END_FIRST_PLACEMENT',
  'END_LAST_PLACEMENT',
  'ASYE',
  'SOCIAL_WORKER',
  'EXPERIENCED_SOCIAL_WORKER',
  'ADVANCED',
  'STRATEGIC',
] as const;

// ---- dates and ids -------------------------------------------------------------------------------

const DAY = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDays = (days: number) => new Date(Math.round(days) * DAY).toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => fromDays(toDays(iso) + n);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const at = (iso: string, hour: number, minute = 0) =>
  `${iso}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;

/** A deterministic UUID (version-4 shaped) for a name within the data set. */
function idFor(namespace: string, ...parts: (string | number)[]): string {
  const hex = createHash('md5')
    .update(`${namespace}:${parts.join(':')}`)
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Days a reviewer takes to decide: mostly one to two weeks, with a long tail. */
function turnaroundDays(random: Random): number {
  const u = Math.max(random.next(), 1e-9);
  const gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  return Math.min(90, Math.max(1, Math.round(Math.exp(2.1 + 0.8 * gaussian))));
}

// ---- reference data ------------------------------------------------------------------------------

interface Reference {
  domains: Map<string, string>;
  kssChildren: string[];
  kssAdults: string[];
  levels: Map<string, string>;
  /** `${levelCode}/${pathwayCode}` → id */
  pathways: Map<string, string>;
}

async function loadReference(client: pg.ClientBase): Promise<Reference> {
  const items = await client.query<{
    framework: string;
    version: string;
    code: string;
    kind: string;
    id: string;
  }>(
    `SELECT f.code AS framework, v.version, i.code, i.kind, i.id
       FROM framework_item i JOIN framework_version v ON v.id = i.framework_version_id
       JOIN framework f ON f.id = v.framework_id
      ORDER BY f.code, v.version, i.ordinal, i.code`,
  );
  const levels = await client.query<{
    code: string;
    id: string;
    pathway: string | null;
    pathway_id: string | null;
  }>(
    `SELECT l.code, l.id, p.code AS pathway, p.id AS pathway_id
       FROM framework_level l JOIN framework_version v ON v.id = l.framework_version_id
       JOIN framework f ON f.id = v.framework_id
       LEFT JOIN framework_level_pathway p ON p.framework_level_id = l.id
      WHERE f.code = 'PCF' AND v.version = $1`,
    [SYNTHETIC_PATHWAY_DESIGN.pcfVersion],
  );
  const reference: Reference = {
    domains: new Map(),
    kssChildren: [],
    kssAdults: [],
    levels: new Map(),
    pathways: new Map(),
  };
  for (const i of items.rows) {
    if (i.framework === 'PCF' && i.version === SYNTHETIC_PATHWAY_DESIGN.pcfVersion && i.kind === 'DOMAIN')
      reference.domains.set(i.code, i.id);
    if (i.framework === 'KSS_CHILD_AND_FAMILY' && i.version === '2018') reference.kssChildren.push(i.id);
    if (i.framework === 'KSS_ADULTS' && i.version === '2015') reference.kssAdults.push(i.id);
  }
  for (const l of levels.rows) {
    reference.levels.set(l.code, l.id);
    if (l.pathway && l.pathway_id) reference.pathways.set(`${l.code}/${l.pathway}`, l.pathway_id);
  }
  const missing = [
    ...Object.keys(DOMAIN_WEIGHTS).filter((d) => !reference.domains.has(d)),
    ...PCF_LEVELS.filter((l) => !reference.levels.has(l)),
  ];
  if (missing.length || reference.kssChildren.length === 0 || reference.kssAdults.length === 0) {
    throw new Error(
      `The reference frameworks are not loaded (missing ${missing.join(', ') || 'KSS'}): migrate first.`,
    );
  }
  return reference;
}

// ---- tables --------------------------------------------------------------------------------------

const col = (spec: string) =>
  spec.split(',').map((s) => {
    const [name, type] = s.trim().split(' ') as [string, string];
    return { name, type };
  });

function createBuffers() {
  return {
    organisation: new RowBuffer(
      'organisation',
      col('id uuid, name text, slug text, is_demo bool, created_at timestamptz'),
    ),
    team: new RowBuffer('team', col('organisation_id uuid, id uuid, name text, created_at timestamptz')),
    app_user: new RowBuffer(
      'app_user',
      col(
        'id uuid, email text, full_name text, password_hash text, regulator regulator, registration_number text, date_qualified date, created_at timestamptz, updated_at timestamptz',
      ),
    ),
    membership: new RowBuffer(
      'membership',
      col(
        'organisation_id uuid, id uuid, user_id uuid, roles role[], team_id uuid, active bool, created_at timestamptz',
      ),
    ),
    pathway: new RowBuffer(
      'pathway',
      col(
        'organisation_id uuid, id uuid, name text, description text, created_by_user_id uuid, created_at timestamptz',
      ),
    ),
    pathway_version: new RowBuffer(
      'pathway_version',
      col(
        'organisation_id uuid, id uuid, pathway_id uuid, version_no int, status pathway_version_status, design jsonb, revision int, created_by_user_id uuid, published_by_user_id uuid, published_at timestamptz, created_at timestamptz, updated_at timestamptz',
      ),
    ),
    assessor_relationship: new RowBuffer(
      'assessor_relationship',
      col(
        'organisation_id uuid, id uuid, assessor_user_id uuid, practitioner_user_id uuid, capacity assessor_capacity, starts_on date, created_by_user_id uuid, created_at timestamptz',
      ),
    ),
    practitioner_stage: new RowBuffer(
      'practitioner_stage',
      col(
        'organisation_id uuid, id uuid, user_id uuid, pathway_id uuid, stage_key text, from_date date, to_date date, how_decided stage_decision, recorded_by_user_id uuid, created_at timestamptz',
      ),
    ),
    qualification: new RowBuffer(
      'qualification',
      col(
        'organisation_id uuid, id uuid, user_id uuid, type qualification_type, title text, awarded_on date, expires_on date, credits int, verified_by_user_id uuid, verified_at timestamptz, recorded_by_user_id uuid, created_at timestamptz',
      ),
    ),
    evidence: new RowBuffer(
      'evidence',
      col('organisation_id uuid, id uuid, owner_user_id uuid, created_at timestamptz'),
    ),
    evidence_version: new RowBuffer(
      'evidence_version',
      col(
        'organisation_id uuid, id uuid, evidence_id uuid, owner_user_id uuid, version_no int, revision int, status evidence_status, kind evidence_kind, cpd_activity_type cpd_activity_type, title text, date_from date, date_to date, hours numeric, description text, learning text, impact text, peer_reflection text, peer_role text, peer_discussed_on date, reviewer_user_id uuid, assessment_context assessment_context, submitted_at timestamptz, created_by_user_id uuid, created_at timestamptz, updated_at timestamptz',
      ),
    ),
    evidence_mapping: new RowBuffer(
      'evidence_mapping',
      col(
        'organisation_id uuid, id uuid, evidence_version_id uuid, position int2, framework_item_id uuid, framework_level_id uuid, framework_level_pathway_id uuid, rationale text, decision mapping_decision, accepted_level_id uuid, accepted_pathway_id uuid, decision_comment text',
      ),
    ),
    evidence_review: new RowBuffer(
      'evidence_review',
      col(
        'organisation_id uuid, id uuid, evidence_version_id uuid, reviewer_user_id uuid, practitioner_user_id uuid, outcome review_outcome, comment text, assessment_context assessment_context, capacity assessor_capacity, decided_on date, decided_at timestamptz, standing jsonb',
      ),
    ),
    supervision: new RowBuffer(
      'supervision',
      col(
        'organisation_id uuid, id uuid, supervisor_user_id uuid, supervisee_user_id uuid, held_on date, minutes int, kind supervision_kind, notes text, recorded_by_user_id uuid, created_at timestamptz',
      ),
    ),
  };
}
type Buffers = ReturnType<typeof createBuffers>;

/** Foreign keys decide the order: a row's parents are always flushed before it. */
async function flushAll(client: pg.ClientBase, buffers: Buffers): Promise<void> {
  for (const buffer of Object.values(buffers)) if (buffer.pending) await buffer.flush(client);
}

// ---- the people of one organisation --------------------------------------------------------------

interface Spell {
  stageKey: StageKey;
  from: string;
  to: string | null;
}

interface Person {
  index: number;
  userId: string;
  email: string;
  fullName: string;
  roles: Role[];
  stage: StageKey;
  dateQualified: string | null;
  registrationNumber: string | null;
  spells: Spell[];
  reviewer: Person | null;
  capacity: AssessorCapacity | null;
  relationshipFrom: string;
}

const stageOf = (key: string): PathwayStage => SYNTHETIC_PATHWAY_DESIGN.stages.find((s) => s.key === key)!;

function rolesFor(stage: StageKey, random: Random): Role[] {
  switch (stage) {
    case 'PRACTICE_EDUCATOR':
      return ['PRACTITIONER', 'PRACTICE_EDUCATOR'];
    case 'PRACTICE_SUPERVISOR':
      return ['PRACTITIONER', 'ASSESSOR', 'SUPERVISOR'];
    case 'TEAM_MANAGER':
      return ['PRACTITIONER', 'SUPERVISOR'];
    case 'ADVANCED_PRACTITIONER':
    case 'CONSULTANT_SOCIAL_WORKER':
      return random.chance(0.5) ? ['PRACTITIONER', 'SUPERVISOR'] : ['PRACTITIONER'];
    case 'EXPERIENCED_SOCIAL_WORKER':
      return random.chance(0.25) ? ['PRACTITIONER', 'ASSESSOR', 'SUPERVISOR'] : ['PRACTITIONER'];
    default:
      return ['PRACTITIONER'];
  }
}

function planSpells(stage: StageKey, dateQualified: string | null, asOf: string, random: Random): Spell[] {
  if (stage === 'STUDENT')
    return [{ stageKey: 'STUDENT', from: addDays(asOf, -random.int(90, 600)), to: null }];
  const ladder = LADDERS[stage];
  let x = random.next() * ladder.reduce((sum, l) => sum + l.weight, 0);
  const path = ladder.find((l) => (x -= l.weight) < 0)?.path ?? ladder[0]!.path;
  // The ASYE year from qualifying, then the later stages share the time up to two weeks before `asOf`.
  const today = toDays(asOf);
  const end = today - 14;
  const starts = [Math.min(toDays(dateQualified!) + random.int(0, 60), end - path.length)];
  if (path.length > 1) starts.push(Math.max(starts[0]! + 1, Math.min(starts[0]! + 365, end - path.length)));
  const cuts = Array.from({ length: path.length - 2 }, () => random.int(starts[1]! + 1, end)).sort(
    (a, b) => a - b,
  );
  for (const cut of cuts) starts.push(Math.max(cut, starts.at(-1)! + 1));
  return path.map((stageKey, i) => ({
    stageKey,
    from: fromDays(Math.min(starts[i]!, today)),
    to: i < path.length - 1 ? fromDays(Math.min(starts[i + 1]!, today) - 1) : null,
  }));
}

function planPeople(namespace: string, orgNo: number, m: number, asOf: string, random: Random): Person[] {
  const people: Person[] = [];
  for (let i = 0; i < m; i++) {
    // Three fixed people per organisation: a social worker with a supervisor, that supervisor (who also
    // assesses and educates, so every reviewer pool has someone), and a second such reviewer.
    const stage: StageKey =
      i === 0
        ? 'SOCIAL_WORKER'
        : i === 1
          ? 'PRACTICE_SUPERVISOR'
          : i === 2
            ? 'EXPERIENCED_SOCIAL_WORKER'
            : random.weighted(STAGE_WEIGHTS);
    const years = QUALIFIED_YEARS[stage];
    const dateQualified = years
      ? addDays(asOf, -Math.round((years[0] + random.next() * (years[1] - years[0])) * 365.25))
      : null;
    const roles: Role[] =
      i === 1 || i === 2
        ? ['PRACTITIONER', 'ASSESSOR', 'PRACTICE_EDUCATOR', 'SUPERVISOR']
        : rolesFor(stage, random);
    const local = i === 0 ? 'practitioner' : i === 1 ? 'reviewer' : `sw-${String(i).padStart(5, '0')}`;
    people.push({
      index: i,
      userId: idFor(namespace, 'user', orgNo, i),
      email: syntheticEmail(orgNo, local),
      fullName: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      roles,
      stage,
      dateQualified,
      registrationNumber: dateQualified
        ? `SW${String(orgNo).padStart(3, '0')}${String(i).padStart(5, '0')}`
        : null,
      spells: planSpells(stage, dateQualified, asOf, random),
      reviewer: null,
      capacity: null,
      relationshipFrom: addDays(asOf, -1_200),
    });
  }
  const pool = (role: Role) => people.filter((p) => p.roles.includes(role));
  const pools: Record<AssessorCapacity, Person[]> = {
    PRACTICE_EDUCATOR: pool('PRACTICE_EDUCATOR'),
    ASYE_ASSESSOR: pool('ASSESSOR'),
    SUPERVISOR: pool('SUPERVISOR'),
  };
  for (const p of people) {
    p.capacity =
      p.stage === 'STUDENT' ? 'PRACTICE_EDUCATOR' : p.stage === 'NQSW' ? 'ASYE_ASSESSOR' : 'SUPERVISOR';
    const candidates = pools[p.capacity].filter((r) => r !== p);
    p.reviewer = p.index === 0 ? people[1]! : random.pick(candidates);
    p.relationshipFrom = minDate(p.relationshipFrom, addDays(p.spells[0]!.from, -30));
  }
  return people;
}

// ---- one organisation ----------------------------------------------------------------------------

interface OrgContext {
  client: pg.ClientBase;
  buffers: Buffers;
  reference: Reference;
  options: SyntheticOptions;
  namespace: string;
}

async function seedOrganisation(ctx: OrgContext, orgNo: number): Promise<void> {
  const { buffers, options, namespace } = ctx;
  const { asOf } = options;
  const random = createRandom(`${namespace}:org:${orgNo}`);
  const orgId = idFor(namespace, 'organisation', orgNo);
  const longAgo = at(addDays(asOf, -2_000), 8);
  const m = options.practitionersPerOrg;

  buffers.organisation.push([
    orgId,
    `Synthetic Council ${String(orgNo).padStart(3, '0')} (synthetic data)`,
    syntheticSlug(orgNo),
    true,
    longAgo,
  ]);
  const teamIds: string[] = [];
  for (let t = 0; t < Math.max(1, Math.ceil(m / 25)); t++) {
    teamIds.push(idFor(namespace, 'team', orgNo, t));
    const area = t % 2 === 0 ? 'Children and Families' : 'Adults';
    buffers.team.push([orgId, teamIds[t]!, `${area} ${Math.floor(t / 2) + 1}`, longAgo]);
  }

  const adminId = idFor(namespace, 'user', orgNo, 'admin');
  const pswId = idFor(namespace, 'user', orgNo, 'psw');
  const staff: [string, string, Role[], string | null, string | null][] = [
    [adminId, 'admin', ['ORG_ADMIN'], null, null],
    [
      pswId,
      'psw',
      ['PRINCIPAL_SOCIAL_WORKER'],
      `SW${String(orgNo).padStart(3, '0')}99999`,
      addDays(asOf, -9_000),
    ],
  ];
  for (const [id, local, roles, registration, qualified] of staff) {
    buffers.app_user.push([
      id,
      syntheticEmail(orgNo, local),
      `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      options.passwordHash,
      registration ? 'SOCIAL_WORK_ENGLAND' : null,
      registration,
      qualified,
      longAgo,
      longAgo,
    ]);
    buffers.membership.push([
      orgId,
      idFor(namespace, 'membership', orgNo, local),
      id,
      `{${roles.join(',')}}`,
      null,
      true,
      longAgo,
    ]);
  }

  const people = planPeople(namespace, orgNo, m, asOf, random);
  for (const p of people) {
    const joined = at(addDays(asOf, -2_000), 9, p.index % 60);
    buffers.app_user.push([
      p.userId,
      p.email,
      p.fullName,
      options.passwordHash,
      p.dateQualified ? 'SOCIAL_WORK_ENGLAND' : null,
      p.registrationNumber,
      p.dateQualified,
      joined,
      joined,
    ]);
    buffers.membership.push([
      orgId,
      idFor(namespace, 'membership', orgNo, p.index),
      p.userId,
      `{${p.roles.join(',')}}`,
      teamIds[random.int(0, teamIds.length - 1)]!,
      true,
      joined,
    ]);
  }

  const pathwayId = idFor(namespace, 'pathway', orgNo);
  const published = at(addDays(asOf, -390), 12);
  buffers.pathway.push([
    orgId,
    pathwayId,
    'Social work career pathway (synthetic)',
    'The template ladder with four more routes; thresholds are examples.',
    pswId,
    at(addDays(asOf, -400), 9),
  ]);
  buffers.pathway_version.push([
    orgId,
    idFor(namespace, 'pathway-version', orgNo),
    pathwayId,
    1,
    'PUBLISHED',
    JSON.stringify(SYNTHETIC_PATHWAY_DESIGN),
    2,
    pswId,
    pswId,
    published,
    at(addDays(asOf, -400), 9),
    published,
  ]);

  const routeMechanism = new Map(
    SYNTHETIC_PATHWAY_DESIGN.routes.map((r) => [`${r.fromStageKey}>${r.toStageKey}`, r.mechanism]),
  );
  for (const p of people) {
    buffers.assessor_relationship.push([
      orgId,
      idFor(namespace, 'relationship', orgNo, p.index),
      p.reviewer!.userId,
      p.userId,
      p.capacity,
      p.relationshipFrom,
      adminId,
      at(p.relationshipFrom, 9),
    ]);
    p.spells.forEach((s, i) => {
      const previous = i > 0 ? p.spells[i - 1]!.stageKey : null;
      buffers.practitioner_stage.push([
        orgId,
        idFor(namespace, 'stage', orgNo, p.index, i),
        p.userId,
        pathwayId,
        s.stageKey,
        s.from,
        s.to,
        previous ? (routeMechanism.get(`${previous}>${s.stageKey}`) ?? 'RECORDED') : 'RECORDED',
        pswId,
        at(minDate(s.from, asOf), 10),
      ]);
    });
    planQualifications(p, random, asOf).forEach((q, i) => {
      buffers.qualification.push([
        orgId,
        idFor(namespace, 'qualification', orgNo, p.index, i),
        p.userId,
        q.type,
        q.title,
        q.awardedOn,
        null,
        q.credits,
        q.verified ? pswId : null,
        q.verified ? at(minDate(addDays(q.awardedOn, 30), asOf), 11) : null,
        p.userId,
        at(minDate(addDays(q.awardedOn, 10), asOf), 11),
      ]);
    });
  }
  await flushAll(ctx.client, buffers);

  for (const p of people) {
    for (let n = 0; n < options.evidencePerPractitioner; n++) {
      planEvidence(ctx, orgId, orgNo, p, n, random);
    }
    if (buffers.evidence_mapping.pending >= CHUNK) await flushAll(ctx.client, buffers);
  }
  await flushAll(ctx.client, buffers);

  // Supervision from a stream of its own, so that adding it left every other row as it was.
  const supervisionRandom = createRandom(`${namespace}:supervision:${orgNo}`);
  const [sessionsBefore, supervisionStarted] = [buffers.supervision.inserted, Date.now()];
  for (const p of people) {
    planSupervision(ctx, orgId, orgNo, p, supervisionRandom);
    if (buffers.supervision.pending >= CHUNK) await flushAll(ctx.client, buffers);
  }
  await flushAll(ctx.client, buffers);
  options.onProgress?.(
    `organisation ${orgNo}: ${buffers.supervision.inserted - sessionsBefore} supervision sessions in ${((Date.now() - supervisionStarted) / 1000).toFixed(1)} s`,
  );
}

function planQualifications(p: Person, random: Random, asOf: string) {
  const out: { type: string; title: string; awardedOn: string; credits: number | null; verified: boolean }[] =
    [];
  const q = p.dateQualified;
  if (!q) return out;
  const after = (from: string, minDays: number, maxDays: number) =>
    minDate(addDays(from, random.int(minDays, maxDays)), addDays(asOf, -7));
  if (p.stage !== 'NQSW') {
    out.push({
      type: 'ASYE_COMPLETED',
      title: 'Assessed and Supported Year in Employment',
      awardedOn: after(q, 330, 420),
      credits: null,
      verified: random.chance(0.9),
    });
  }
  const educator = p.roles.includes('PRACTICE_EDUCATOR');
  if (educator) {
    out.push({
      type: 'PEPS_STAGE_2',
      title: 'Practice Educator Professional Standards, Stage 2',
      awardedOn: after(q, 900, 2_000),
      credits: null,
      verified: true,
    });
  } else if (
    ['EXPERIENCED_SOCIAL_WORKER', 'PRACTICE_SUPERVISOR', 'SOCIAL_WORKER'].includes(p.stage) &&
    random.chance(p.stage === 'SOCIAL_WORKER' ? 0.1 : 0.3)
  ) {
    out.push({
      type: 'PEPS_STAGE_1',
      title: 'Practice Educator Professional Standards, Stage 1',
      awardedOn: after(q, 700, 1_500),
      credits: null,
      verified: random.chance(0.6),
    });
  }
  if (p.stage === 'CONSULTANT_SOCIAL_WORKER' || (p.stage === 'ADVANCED_PRACTITIONER' && random.chance(0.2))) {
    out.push({
      type: 'PQ_AWARD',
      title: 'Higher specialist award in social work',
      awardedOn: after(q, 1_500, 3_000),
      credits: null,
      verified: random.chance(0.85),
    });
  } else if (p.stage === 'EXPERIENCED_SOCIAL_WORKER' && random.chance(0.2)) {
    out.push({
      type: 'PQ_CREDITS',
      title: 'Post-qualifying credits',
      awardedOn: after(q, 800, 2_000),
      credits: random.int(2, 8) * 10,
      verified: random.chance(0.7),
    });
  }
  if (!['NQSW', 'SOCIAL_WORKER'].includes(p.stage) && random.chance(0.05)) {
    out.push({
      type: random.chance(0.55) ? 'AMHP' : 'BIA',
      title: 'Approved mental health / best interests assessor',
      awardedOn: after(q, 1_000, 3_000),
      credits: null,
      verified: true,
    });
  }
  return out;
}

/** The PCF level claimed for work done while holding `stage`. */
function claimedLevel(stage: StageKey, random: Random): { level: string; pathway: string | null } {
  let level: string;
  if (stage === 'STUDENT') level = random.chance(0.4) ? 'END_FIRST_PLACEMENT' : 'END_LAST_PLACEMENT';
  else level = stageOf(stage).pcfLevelCode ?? 'SOCIAL_WORKER';
  let ordinal = PCF_LEVELS.indexOf(level as (typeof PCF_LEVELS)[number]);
  if (random.chance(0.12) && ordinal > 2) ordinal -= 1;
  else if (stage === 'EXPERIENCED_SOCIAL_WORKER' && random.chance(0.15)) ordinal += 1;
  level = PCF_LEVELS[ordinal]!;
  const pathway = level === 'ADVANCED' ? (stageOf(stage).pcfPathwayCode ?? 'PRACTITIONER') : null;
  return { level, pathway };
}

function planEvidence(
  ctx: OrgContext,
  orgId: string,
  orgNo: number,
  p: Person,
  n: number,
  random: Random,
): void {
  const { buffers, options, namespace, reference } = ctx;
  const { asOf } = options;
  const evidenceId = idFor(namespace, 'evidence', orgNo, p.index, n);

  // When: the last three years, recent work more often; an NQSW's from their placements on.
  const earliest = maxDate(addDays(asOf, -1_095), addDays(p.spells[0]!.from, -180));
  const span = toDays(asOf) - toDays(earliest);
  const dateFrom = addDays(asOf, -Math.floor(span * Math.pow(random.next(), 1.4)));
  const dateTo = random.chance(0.1) ? minDate(addDays(dateFrom, random.int(1, 5)), asOf) : null;
  const heldThen = [...p.spells].reverse().find((s) => s.from <= dateFrom)?.stageKey ?? p.spells[0]!.stageKey;

  const kind = random.weighted(KIND_WEIGHTS);
  const cpdType = kind === 'CPD_ACTIVITY' ? random.weighted(CPD_TYPE_WEIGHTS) : null;
  const hours =
    kind === 'CPD_ACTIVITY' ? random.int(1, 15) / 2 : random.chance(0.2) ? random.int(2, 6) / 2 : null;
  const status = random.weighted(STATUS_WEIGHTS);
  const twoVersions = status === 'APPROVED' && random.chance(0.15);
  const context: AssessmentContext =
    heldThen === 'STUDENT'
      ? random.chance(0.6)
        ? 'FINAL_PLACEMENT'
        : 'FIRST_PLACEMENT'
      : heldThen === 'NQSW'
        ? 'ASYE'
        : 'CPD';
  const peer = random.chance(0.15);
  const text = {
    title: random.pick(TITLES[kind]),
    description: random.pick(DESCRIPTIONS),
    learning: random.pick(LEARNINGS),
    impact: random.pick(IMPACTS),
    peerReflection: peer
      ? `Talking it through with a colleague, ${random.pick(LEARNINGS).toLowerCase()}`
      : null,
    peerRole: peer ? random.pick(PEER_ROLES) : null,
    peerDiscussedOn: peer ? minDate(addDays(dateTo ?? dateFrom, random.int(1, 20)), asOf) : null,
  };

  // Which domains, at which level: the same claim on every version of the piece.
  const claim = claimedLevel(heldThen, random);
  const domains = random.sample(DOMAIN_WEIGHTS, Number(random.weighted(MAPPING_COUNT_WEIGHTS)));
  const kss =
    heldThen !== 'STUDENT' && random.chance(0.12)
      ? random.pick(random.chance(0.6) ? reference.kssChildren : reference.kssAdults)
      : null;

  const created = minDate(addDays(dateTo ?? dateFrom, random.int(0, 5)), asOf);
  buffers.evidence.push([orgId, evidenceId, p.userId, at(created, 9, random.int(0, 59))]);

  interface Step {
    status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'CHANGES_REQUESTED';
    created: string;
    submitted: string | null;
    decided: string | null;
  }
  const steps: Step[] = [];
  if (status === 'DRAFT') {
    steps.push({ status, created, submitted: null, decided: null });
  } else {
    const submitted = minDate(addDays(created, random.int(0, 10)), asOf);
    const decided = minDate(addDays(submitted, turnaroundDays(random)), asOf);
    if (status === 'SUBMITTED') steps.push({ status, created, submitted, decided: null });
    else if (!twoVersions) steps.push({ status, created, submitted, decided });
    else {
      steps.push({ status: 'CHANGES_REQUESTED', created, submitted, decided });
      const resubmitted = minDate(addDays(decided, random.int(1, 14)), asOf);
      steps.push({
        status: 'APPROVED',
        created: decided,
        submitted: resubmitted,
        decided: minDate(addDays(resubmitted, turnaroundDays(random)), asOf),
      });
    }
  }

  steps.forEach((step, v) => {
    const versionId = idFor(namespace, 'version', orgNo, p.index, n, v);
    const submittedAt = step.submitted ? at(step.submitted, random.int(9, 16), random.int(0, 59)) : null;
    const decidedAt = step.decided ? at(step.decided, random.int(9, 17), random.int(0, 59)) : null;
    const createdAt = at(step.created, 9, 0);
    const reviewed = step.status === 'APPROVED' || step.status === 'CHANGES_REQUESTED';
    buffers.evidence_version.push([
      orgId,
      versionId,
      evidenceId,
      p.userId,
      v + 1,
      step.status === 'DRAFT' ? 1 : step.status === 'SUBMITTED' ? 2 : 3,
      step.status,
      kind,
      cpdType,
      text.title,
      dateFrom,
      dateTo,
      hours,
      text.description,
      text.learning,
      text.impact,
      text.peerReflection,
      text.peerRole,
      text.peerDiscussedOn,
      step.status === 'DRAFT' ? null : p.reviewer!.userId,
      step.status === 'DRAFT' ? null : context,
      submittedAt,
      p.userId,
      createdAt,
      decidedAt ?? submittedAt ?? createdAt,
    ]);

    const targets: { item: string; level: string | null; pathway: string | null }[] = domains.map((d) => ({
      item: reference.domains.get(d)!,
      level: claim.level,
      pathway: claim.pathway,
    }));
    if (kss) targets.push({ item: kss, level: null, pathway: null });
    targets.forEach((t, position) => {
      let decision: string | null = null;
      let acceptedLevel: string | null = null;
      let acceptedPathway: string | null = null;
      let comment: string | null = null;
      if (step.status === 'APPROVED') {
        decision = t.level
          ? random.weighted({ ACCEPTED: 88, ACCEPTED_AT_OTHER_LEVEL: 8, NOT_ACCEPTED: 4 })
          : random.weighted({ ACCEPTED: 90, NOT_ACCEPTED: 10 });
        const ordinal = t.level ? PCF_LEVELS.indexOf(t.level as (typeof PCF_LEVELS)[number]) : -1;
        if (decision === 'ACCEPTED_AT_OTHER_LEVEL' && ordinal <= 2) decision = 'ACCEPTED';
        if (decision === 'ACCEPTED' && t.level) {
          acceptedLevel = t.level;
          acceptedPathway = t.pathway;
        } else if (decision === 'ACCEPTED_AT_OTHER_LEVEL') {
          acceptedLevel = PCF_LEVELS[ordinal - 1]!;
          comment = 'Accepted at the level below: the evidence shows it, not yet the level claimed.';
        } else if (decision === 'NOT_ACCEPTED') comment = 'This piece does not show the capability.';
      } else if (step.status === 'CHANGES_REQUESTED') {
        decision = random.chance(0.5) ? 'ACCEPTED' : 'NOT_ACCEPTED';
        if (decision === 'ACCEPTED') {
          acceptedLevel = t.level;
          acceptedPathway = t.pathway;
        } else comment = 'Say more about how this shows the capability.';
      }
      buffers.evidence_mapping.push([
        orgId,
        idFor(namespace, 'mapping', orgNo, p.index, n, v, position),
        versionId,
        position,
        t.item,
        t.level ? reference.levels.get(t.level)! : null,
        t.pathway ? (reference.pathways.get(`${t.level}/${t.pathway}`) ?? null) : null,
        'Shown in my practice; see the description and reflection.',
        decision,
        acceptedLevel ? reference.levels.get(acceptedLevel)! : null,
        acceptedPathway && acceptedLevel
          ? (reference.pathways.get(`${acceptedLevel}/${acceptedPathway}`) ?? null)
          : null,
        comment,
      ]);
    });

    if (reviewed) {
      const outcome = step.status === 'APPROVED' ? 'APPROVE' : 'REQUEST_CHANGES';
      const placement = context === 'FIRST_PLACEMENT' || context === 'FINAL_PLACEMENT';
      buffers.evidence_review.push([
        orgId,
        idFor(namespace, 'review', orgNo, p.index, n, v),
        versionId,
        p.reviewer!.userId,
        p.userId,
        outcome,
        random.pick(REVIEW_COMMENTS[outcome]),
        context,
        p.capacity,
        step.decided,
        decidedAt,
        JSON.stringify({
          regulator: 'SOCIAL_WORK_ENGLAND',
          registrationNumber: p.reviewer!.registrationNumber,
          qualification: placement ? 'PEPS_STAGE_2' : null,
          countersignerUserId: null,
          countersignerRegistrationNumber: null,
        }),
      ]);
    }
  });
}

/** How someone's supervision has gone over the last eighteen months. */
const SUPERVISION_PATTERN_WEIGHTS = { REGULAR: 74, IRREGULAR: 15, LAPSED: 8, NEVER: 3 } as const;
const SUPERVISION_KIND_WEIGHTS = { CASE_MANAGEMENT: 45, REFLECTIVE: 45, GROUP: 10 } as const;
const SUPERVISION_NOTES = [
  'Caseload review; actions agreed for two families.',
  'Reflective discussion of a complex visit; wellbeing check.',
  'Workload and priorities; training needs noted for the next appraisal.',
  'Case decisions recorded on the file; risk discussed for one case.',
  'Learning from a recent review; next steps agreed.',
] as const;

/**
 * Supervision sessions over the last eighteen months, with the person's assessor or supervisor. Most
 * are seen about monthly, NQSWs as the ASYE asks (weekly for 6 weeks, fortnightly to 6 months, then
 * monthly), students fortnightly by their practice educator; some irregularly, some not since a few
 * months (overdue), a few never. Now and then a session is shorter than the 90 minutes that count.
 */
function planSupervision(ctx: OrgContext, orgId: string, orgNo: number, p: Person, random: Random): void {
  const { buffers, options, namespace } = ctx;
  const { asOf } = options;
  const pattern = p.index === 0 ? 'REGULAR' : random.weighted(SUPERVISION_PATTERN_WEIGHTS);
  if (pattern === 'NEVER' || !p.reviewer) return;
  const started = p.spells[0]!.from;
  const nqsw = p.stage === 'NQSW';
  const first = maxDate(addDays(asOf, -540), nqsw ? started : addDays(started, random.int(0, 30)));
  const stopsAfter = pattern === 'LAPSED' ? addDays(asOf, -random.int(45, 150)) : asOf;
  /** Days to the next session: the policy's gap for this stage, then a little slippage. */
  const gap = (day: string) => {
    const since = toDays(day) - toDays(started);
    const every =
      p.stage === 'STUDENT' ? 14 : nqsw && since < 42 ? 7 : nqsw && since < 182 ? 14 : random.int(28, 31);
    const slip =
      pattern === 'IRREGULAR'
        ? random.int(0, Math.round(every * 1.2))
        : random.chance(0.1)
          ? random.int(1, 7)
          : 0;
    return every - random.int(0, every > 7 ? 3 : 1) + slip;
  };
  let n = 0;
  for (let day = first; day <= stopsAfter; day = addDays(day, gap(day)), n++) {
    const kind = nqsw && random.chance(0.6) ? 'REFLECTIVE' : random.weighted(SUPERVISION_KIND_WEIGHTS);
    const minutes = random.chance(0.07) ? random.pick([45, 60, 75]) : random.pick([90, 90, 90, 105, 120]);
    buffers.supervision.push([
      orgId,
      idFor(namespace, 'supervision', orgNo, p.index, n),
      p.reviewer.userId,
      p.userId,
      day,
      minutes,
      kind,
      random.pick(SUPERVISION_NOTES),
      random.chance(0.85) ? p.reviewer.userId : p.userId,
      at(minDate(addDays(day, random.int(0, 3)), asOf), 17, random.int(0, 59)),
    ]);
  }
}

// ---- entry point ---------------------------------------------------------------------------------

/**
 * Fills a migrated database with deterministic synthetic organisations: the same options always give
 * the same rows (ids included). Runs one transaction per organisation; when the database already
 * holds exactly this data set it inserts nothing, and when it holds another synthetic data set it
 * refuses (one synthetic data set per database).
 */
export async function seedSyntheticData(
  client: pg.ClientBase,
  options: SyntheticOptions,
): Promise<SyntheticResult> {
  const started = Date.now();
  const { orgs, practitionersPerOrg: m, evidencePerPractitioner: k, seed } = options;
  if (!(orgs >= 1 && m >= 3 && k >= 0 && Number.isInteger(orgs + m + k + seed))) {
    throw new Error('Give whole numbers: at least 1 organisation and 3 practitioners per organisation.');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new Error('asOf must be a date (YYYY-MM-DD).');
  const namespace = `synthetic:${seed}:${orgs}x${m}x${k}:${options.asOf}`;
  const logins = knownLogins(orgs);

  const present = await client.query<{ id: string; slug: string }>(
    `SELECT id, slug FROM organisation WHERE slug LIKE 'synthetic-%' ORDER BY slug`,
  );
  if (present.rows.length > 0) {
    const expected = Array.from({ length: orgs }, (_, i) => idFor(namespace, 'organisation', i + 1));
    const same = present.rows.length === orgs && present.rows.every((r) => expected.includes(r.id));
    if (!same) {
      throw new Error(
        `This database already holds another synthetic data set (${present.rows.length} organisations); use a fresh database.`,
      );
    }
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM evidence WHERE organisation_id = ANY($1::uuid[])`,
      [expected],
    );
    if (Number(rows[0]!.n) >= orgs * m * k) {
      return { inserted: false, rows: {}, milliseconds: Date.now() - started, logins };
    }
    throw new Error(
      'This database holds an incomplete copy of this synthetic data set; use a fresh database.',
    );
  }

  const reference = await loadReference(client);
  const buffers = createBuffers();
  for (let orgNo = 1; orgNo <= orgs; orgNo++) {
    await client.query('BEGIN');
    try {
      await seedOrganisation({ client, buffers, reference, options, namespace }, orgNo);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    options.onProgress?.(
      `organisation ${orgNo}/${orgs}: ${buffers.evidence.inserted} pieces of evidence so far (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  await client.query('ANALYZE');
  const rows = Object.fromEntries(Object.values(buffers).map((b) => [b.table, b.inserted]));
  return { inserted: true, rows, milliseconds: Date.now() - started, logins };
}

function knownLogins(orgs: number): SyntheticLogin[] {
  const logins: SyntheticLogin[] = [];
  for (let orgNo = 1; orgNo <= Math.min(orgs, 2); orgNo++) {
    logins.push(
      { email: syntheticEmail(orgNo, 'admin'), roles: ['ORG_ADMIN'], about: 'administrator' },
      {
        email: syntheticEmail(orgNo, 'psw'),
        roles: ['PRINCIPAL_SOCIAL_WORKER'],
        about: 'principal social worker',
      },
      {
        email: syntheticEmail(orgNo, 'practitioner'),
        roles: ['PRACTITIONER'],
        about: 'social worker, supervised by the reviewer',
      },
      {
        email: syntheticEmail(orgNo, 'reviewer'),
        roles: ['PRACTITIONER', 'ASSESSOR', 'PRACTICE_EDUCATOR', 'SUPERVISOR'],
        about: 'practice supervisor with a review queue',
      },
    );
  }
  return logins;
}
