import type { AssessmentContext } from '#app/domain';
import type { Random } from './create-random.js';
import { stageOf, type Person } from './plan-people.js';
import type { OrgContext } from './seed-organisation.js';
import { addDays, at, maxDate, minDate, toDays } from './synthetic-dates.js';
import {
  CPD_TYPE_WEIGHTS,
  DOMAIN_WEIGHTS,
  KIND_WEIGHTS,
  MAPPING_COUNT_WEIGHTS,
  PCF_LEVELS,
  STATUS_WEIGHTS,
  type StageKey,
} from './synthetic-distributions.js';
import { idFor } from './synthetic-ids.js';
import { DESCRIPTIONS, IMPACTS, LEARNINGS, PEER_ROLES, REVIEW_COMMENTS, TITLES } from './synthetic-text.js';

/** Days a reviewer takes to decide: mostly one to two weeks, with a long tail. */
function turnaroundDays(random: Random): number {
  const u = Math.max(random.next(), 1e-9);
  const gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  return Math.min(90, Math.max(1, Math.round(Math.exp(2.1 + 0.8 * gaussian))));
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

export function planEvidence(
  ctx: OrgContext,
  orgId: string,
  orgNo: number,
  p: Person,
  n: number,
  random: Random,
): void {
  const { buffers, options, namespace } = ctx;
  const { asOf } = options;
  const evidenceId = idFor(namespace, 'evidence', orgNo, p.index, n);
  const drawn = drawPiece(ctx, p, random);
  const { dateFrom, dateTo, status, twoVersions } = drawn;
  const created = minDate(addDays(dateTo ?? dateFrom, random.int(0, 5)), asOf);
  buffers.evidence.push([orgId, evidenceId, p.userId, at(created, 9, random.int(0, 59))]);

  const steps = planSteps(status, twoVersions, created, asOf, random);
  const piece: Piece = { orgId, orgNo, p, n, evidenceId, ...drawn };
  steps.forEach((step, v) => pushVersion(ctx, piece, step, v, random));
}

/** What a piece of evidence is about, when, and how it fares: the same on every version of it. */
function drawPiece(ctx: OrgContext, p: Person, random: Random) {
  const { options, reference } = ctx;
  const { asOf } = options;
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

  return { dateFrom, dateTo, kind, cpdType, hours, status, twoVersions, context, text, claim, domains, kss };
}

type Piece = ReturnType<typeof drawPiece> & {
  orgId: string;
  orgNo: number;
  p: Person;
  n: number;
  evidenceId: string;
};

interface Step {
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'CHANGES_REQUESTED';
  created: string;
  submitted: string | null;
  decided: string | null;
}

/** The versions a piece went through: one, or a first sent back with changes requested and a second. */
function planSteps(
  status: Step['status'],
  twoVersions: boolean,
  created: string,
  asOf: string,
  random: Random,
): Step[] {
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
  return steps;
}

/** One version of a piece, its mappings and, once decided, its review. */
function pushVersion(ctx: OrgContext, piece: Piece, step: Step, v: number, random: Random): void {
  const { buffers, namespace } = ctx;
  const { orgId, orgNo, p, n, evidenceId, dateFrom, dateTo, kind, cpdType, hours, context, text } = piece;
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

  pushMappings(ctx, piece, step, v, versionId, random);
  if (reviewed) pushReview(ctx, piece, step, v, versionId, decidedAt, random);
}

/** The mappings of one version: the same claim on each, decided once the version is reviewed. */
function pushMappings(
  ctx: OrgContext,
  piece: Piece,
  step: Step,
  v: number,
  versionId: string,
  random: Random,
): void {
  const { buffers, namespace, reference } = ctx;
  const { orgId, orgNo, p, n, claim, domains, kss } = piece;
  const targets: { item: string; level: string | null; pathway: string | null }[] = domains.map((d) => ({
    item: reference.domains.get(d)!,
    level: claim.level,
    pathway: claim.pathway,
  }));
  if (kss) targets.push({ item: kss, level: null, pathway: null });
  targets.forEach((t, position) => {
    const { decision, acceptedLevel, acceptedPathway, comment } = decideMapping(step.status, t, random);
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
}

/** The review that decided a version, with the reviewer's standing as it was then. */
function pushReview(
  ctx: OrgContext,
  piece: Piece,
  step: Step,
  v: number,
  versionId: string,
  decidedAt: string | null,
  random: Random,
): void {
  const { buffers, namespace } = ctx;
  const { orgId, orgNo, p, n, context } = piece;
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

/** The reviewer's decision on one mapping of an approved or sent-back version. */
function decideMapping(
  status: Step['status'],
  t: { level: string | null; pathway: string | null },
  random: Random,
): {
  decision: string | null;
  acceptedLevel: string | null;
  acceptedPathway: string | null;
  comment: string | null;
} {
  let decision: string | null = null;
  let acceptedLevel: string | null = null;
  let acceptedPathway: string | null = null;
  let comment: string | null = null;
  if (status === 'APPROVED') {
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
  } else if (status === 'CHANGES_REQUESTED') {
    decision = random.chance(0.5) ? 'ACCEPTED' : 'NOT_ACCEPTED';
    if (decision === 'ACCEPTED') {
      acceptedLevel = t.level;
      acceptedPathway = t.pathway;
    } else comment = 'Say more about how this shows the capability.';
  }
  return { decision, acceptedLevel, acceptedPathway, comment };
}
