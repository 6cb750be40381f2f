import type { CpdRuleSet } from './compliance.types.js';

/**
 * Start used where the sources give no date from which a rule applied: early enough that every
 * period the product handles has a rule set. Replace it with the real date when one is confirmed.
 */
const LONG_STANDING = '2000-01-01';

const SWE_YEAR = { kind: 'REGISTRATION_YEAR', startsOn: '12-01', joinersExemptFrom: '09-01' } as const;

/**
 * Regulators' CPD rules as dated data (reference §3.2, §4, §10 rules 1 and 2). A rule change is a
 * new entry whose dates do not overlap the old one's. A period is judged by the rule set in force
 * on its deadline day (see `evaluateCpdCompliance`).
 */
export const CPD_RULE_SETS: readonly CpdRuleSet[] = [
  {
    id: 'SWE_2020_ONE_PIECE',
    regulator: 'SOCIAL_WORK_ENGLAND',
    effectiveFrom: '2020-12-01',
    effectiveTo: '2022-11-30',
    description:
      'At least one piece of CPD dated in the registration year (1 December to 30 November), recorded ' +
      'by 23:59 UK time on 30 November. People who joined or were restored on or after 1 September owe none that year.',
    sources: ['S42', 'S43', 'S46', 'S51'],
    period: SWE_YEAR,
    renewalWindow: { opensOn: '09-01' },
    deadlineDaysBeforeEnd: 0,
    requirements: [{ kind: 'DISTINCT_PIECES', min: 1 }],
  },
  {
    id: 'SWE_2022_TWO_PIECES_PEER',
    regulator: 'SOCIAL_WORK_ENGLAND',
    effectiveFrom: '2022-12-01',
    effectiveTo: null,
    description:
      'At least two different pieces of CPD dated in the registration year (1 December to 30 November), ' +
      'at least one including a peer reflection, recorded by 23:59 UK time on 30 November. Renewal opens on ' +
      '1 September. People who joined or were restored on or after 1 September owe none that year.',
    sources: ['S42', 'S43', 'S44', 'S46', 'S49', 'S51'],
    period: SWE_YEAR,
    renewalWindow: { opensOn: '09-01' },
    deadlineDaysBeforeEnd: 0,
    requirements: [
      { kind: 'DISTINCT_PIECES', min: 2 },
      { kind: 'PIECES_WITH_PEER_REFLECTION', min: 1 },
    ],
  },
  {
    id: 'SCW_90_HOURS',
    regulator: 'SOCIAL_CARE_WALES',
    effectiveFrom: LONG_STANDING,
    effectiveTo: '2025-03-31',
    description:
      '90 hours of CPD over each 3-year registration period. Renewal opens 86 days before the renewal ' +
      'date and must be completed at least 21 days before it.',
    sources: ['S60', 'S61', 'S62', 'S63'],
    period: { kind: 'FROM_REGISTRATION', years: 3 },
    renewalWindow: { opensDaysBeforeEnd: 86 },
    deadlineDaysBeforeEnd: 21,
    requirements: [{ kind: 'HOURS', min: 90 }],
  },
  {
    id: 'SCW_2025_CONFIRMATION',
    regulator: 'SOCIAL_CARE_WALES',
    effectiveFrom: '2025-04-01',
    effectiveTo: null,
    description:
      'No set hours. At renewal (every 3 years) the registrant confirms their CPD is up to date and in line ' +
      'with the Code; the record is kept by them and submitted only if sampled. Renewal opens 86 days ' +
      'before the renewal date and must be completed at least 21 days before it.',
    sources: ['S60', 'S61', 'S62', 'S63'],
    period: { kind: 'FROM_REGISTRATION', years: 3 },
    renewalWindow: { opensDaysBeforeEnd: 86 },
    deadlineDaysBeforeEnd: 21,
    requirements: [{ kind: 'DECLARATION' }],
  },
  {
    id: 'SSSC_2024_ANNUAL_DECLARATION',
    regulator: 'SSSC',
    effectiveFrom: '2024-06-03',
    effectiveTo: null,
    description:
      'No set hours. An annual declaration of continuous professional learning covering the core learning ' +
      'elements (8 for social workers), made each registration year.',
    sources: ['S65', 'S66', 'S67', 'S68'],
    period: { kind: 'FROM_REGISTRATION', years: 1 },
    renewalWindow: null,
    deadlineDaysBeforeEnd: 0,
    requirements: [{ kind: 'DECLARATION' }],
  },
  {
    id: 'NISCC_90_HOURS',
    regulator: 'NISCC',
    effectiveFrom: LONG_STANDING,
    effectiveTo: null,
    description: '90 hours of post-registration training and learning over each 3-year registration period.',
    sources: ['S70', 'S71'],
    period: { kind: 'FROM_REGISTRATION', years: 3 },
    renewalWindow: null,
    deadlineDaysBeforeEnd: 0,
    requirements: [{ kind: 'HOURS', min: 90 }],
  },
];
