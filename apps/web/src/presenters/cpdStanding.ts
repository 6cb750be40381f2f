import type { MyCpdComplianceQuery } from '../data/generated/graphql.js';
import { formatDate } from '../middleware/nunjucksSetup.js';
import { formatNumber, pluralise } from './plainEnglish.js';

type CpdCompliance = MyCpdComplianceQuery['cpdCompliance'];

const REGULATOR_NAME: Record<CpdCompliance['regulator'], string> = {
  SOCIAL_WORK_ENGLAND: 'Social Work England',
  SOCIAL_CARE_WALES: 'Social Care Wales',
  SSSC: 'the Scottish Social Services Council',
  NISCC: 'the Northern Ireland Social Care Council',
};

const UNIT: Record<CpdCompliance['requirements'][number]['unit'], [string, string]> = {
  HOURS: ['hour', 'hours'],
  PIECES: ['piece', 'pieces'],
  DECLARATIONS: ['declaration', 'declarations'],
};

const REQUIREMENT: Record<CpdCompliance['requirements'][number]['code'], string> = {
  DISTINCT_PIECES: 'Different pieces of CPD',
  PIECES_WITH_PEER_REFLECTION: 'Pieces with a peer reflection',
  HOURS: 'Hours of CPD',
  DECLARATION: 'Declaration to your regulator',
};

export interface CpdStanding {
  regulatorName: string;
  /** "1 December 2026 to 30 November 2027". */
  period: string;
  /** One sentence: met, not yet, or exempt. */
  headline: string;
  met: boolean;
  atRisk: boolean;
  deadline: string;
  ruleSetDescription: string;
  requirements: { name: string; progress: string; met: boolean; missing: string | null }[];
}

/** The registration year's CPD against the regulator's rule, as the home page says it. */
export function presentCpdStanding(compliance: CpdCompliance): CpdStanding {
  const regulatorName = REGULATOR_NAME[compliance.regulator];
  const headline = compliance.exempt
    ? `You joined too late in this registration year to owe ${regulatorName} CPD for it.`
    : compliance.met
      ? `You have met ${regulatorName}’s CPD requirements for this registration year.`
      : `You have not met ${regulatorName}’s CPD requirements for this registration year yet.`;
  return {
    regulatorName,
    period: `${formatDate(compliance.periodStart)} to ${formatDate(compliance.periodEnd)}`,
    headline,
    met: compliance.met,
    atRisk: compliance.atRisk,
    deadline: deadlineSentence(compliance.daysLeft, formatDate(compliance.deadlineOn)),
    ruleSetDescription: compliance.ruleSetDescription,
    requirements: compliance.requirements.map((r) => {
      const [one, many] = UNIT[r.unit];
      return {
        name: REQUIREMENT[r.code],
        progress: `${formatNumber(r.current)} of ${pluralise(r.required, one, many)}`,
        met: r.met,
        missing: r.missing,
      };
    }),
  };
}

/** How long is left to a deadline, in words: "362 days left, until 30 November 2027". */
export function deadlineSentence(daysLeft: number, deadlineOn: string): string {
  if (daysLeft > 1) return `${daysLeft} days left, until ${deadlineOn}.`;
  if (daysLeft === 1) return `1 day left: the deadline is tomorrow, ${deadlineOn}.`;
  if (daysLeft === 0) return `The deadline is today, ${deadlineOn}.`;
  return `The deadline passed ${pluralise(-daysLeft, 'day')} ago, on ${deadlineOn}.`;
}
