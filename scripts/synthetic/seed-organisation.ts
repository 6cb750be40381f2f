import type pg from 'pg';
import type { Role } from '#app/domain';
import { createRandom, type Random } from './create-random.js';
import type { Reference } from './load-reference.js';
import { planEvidence } from './plan-evidence.js';
import { planPeople, type Person } from './plan-people.js';
import { planQualifications } from './plan-qualifications.js';
import { planSupervision } from './plan-supervision.js';
import type { SyntheticOptions } from './seed-synthetic-data.js';
import { addDays, at, minDate } from './synthetic-dates.js';
import { idFor, syntheticEmail, syntheticSlug } from './synthetic-ids.js';
import { SYNTHETIC_PATHWAY_DESIGN } from './synthetic-pathway-design.js';
import { flushAll, type Buffers } from './synthetic-tables.js';
import { FIRST_NAMES, LAST_NAMES } from './synthetic-text.js';

const CHUNK = 10_000;

export interface OrgContext {
  client: pg.ClientBase;
  buffers: Buffers;
  reference: Reference;
  options: SyntheticOptions;
  namespace: string;
}

/** What the rows of one organisation refer to. */
interface Org {
  orgNo: number;
  orgId: string;
  longAgo: string;
  teamIds: string[];
  adminId: string;
  pswId: string;
  pathwayId: string;
}

/**
 * One organisation's rows, in one order of random draws: the staff's names, the people, their teams,
 * their qualifications, then their evidence; supervision last, from a stream of its own.
 */
export async function seedOrganisation(ctx: OrgContext, orgNo: number): Promise<void> {
  const { buffers, options, namespace } = ctx;
  const { asOf } = options;
  const random = createRandom(`${namespace}:org:${orgNo}`);
  const org = pushOrganisation(ctx, orgNo, random);
  const { orgId } = org;
  const people = planPeople(namespace, orgNo, options.practitionersPerOrg, asOf, random);
  pushPeople(ctx, org, people, random);
  pushPathway(ctx, org);
  pushHistories(ctx, org, people, random);
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

/** The organisation, its teams, and its administrator and PSW. */
function pushOrganisation(ctx: OrgContext, orgNo: number, random: Random): Org {
  const { buffers, options, namespace } = ctx;
  const { asOf } = options;
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
  return { orgNo, orgId, longAgo, teamIds, adminId, pswId, pathwayId: idFor(namespace, 'pathway', orgNo) };
}

/** Each person's login and membership, in a team drawn at random. */
function pushPeople(ctx: OrgContext, org: Org, people: Person[], random: Random): void {
  const { buffers, options, namespace } = ctx;
  const { asOf } = options;
  const { orgNo, orgId, teamIds } = org;
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
}

/** The organisation's pathway, one published version of the synthetic design. */
function pushPathway(ctx: OrgContext, org: Org): void {
  const { buffers, options, namespace } = ctx;
  const { asOf } = options;
  const { orgNo, orgId, pswId, pathwayId } = org;
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
}

/** Each person's assessor relationship, stage history and qualifications. */
function pushHistories(ctx: OrgContext, org: Org, people: Person[], random: Random): void {
  const { buffers, options, namespace } = ctx;
  const { asOf } = options;
  const { orgNo, orgId, adminId, pswId, pathwayId } = org;
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
}
