import type { Random } from './create-random.js';
import type { Person } from './plan-people.js';
import { addDays, minDate } from './synthetic-dates.js';

export function planQualifications(p: Person, random: Random, asOf: string) {
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
