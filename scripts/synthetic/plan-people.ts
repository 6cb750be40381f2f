import type { AssessorCapacity, PathwayStage, Role } from '#app/domain';
import type { Random } from './create-random.js';
import { addDays, fromDays, minDate, toDays } from './synthetic-dates.js';
import { LADDERS, QUALIFIED_YEARS, STAGE_WEIGHTS, type StageKey } from './synthetic-distributions.js';
import { idFor, syntheticEmail } from './synthetic-ids.js';
import { SYNTHETIC_PATHWAY_DESIGN } from './synthetic-pathway-design.js';
import { FIRST_NAMES, LAST_NAMES } from './synthetic-text.js';

export interface Spell {
  stageKey: StageKey;
  from: string;
  to: string | null;
}

export interface Person {
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

export const stageOf = (key: string): PathwayStage =>
  SYNTHETIC_PATHWAY_DESIGN.stages.find((s) => s.key === key)!;

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

export function planPeople(
  namespace: string,
  orgNo: number,
  m: number,
  asOf: string,
  random: Random,
): Person[] {
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
