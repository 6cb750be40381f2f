import type { EvidenceKind } from '#app/domain';

/*
 * Phrase pools for synthetic portfolios. Fictional, and deliberately free of anything that looks like
 * a person's identifier (no case names, dates of birth, NHS numbers, postcodes or phone numbers).
 */

export const FIRST_NAMES = [
  'Alex',
  'Amira',
  'Ben',
  'Chloe',
  'Daniel',
  'Deepa',
  'Eleanor',
  'Femi',
  'Grace',
  'Hannah',
  'Imran',
  'Jade',
  'James',
  'Kofi',
  'Laura',
  'Leon',
  'Maya',
  'Mohammed',
  'Niamh',
  'Oliver',
  'Priya',
  'Rachel',
  'Rhys',
  'Sam',
  'Sarah',
  'Tom',
  'Una',
  'Victoria',
  'Wei',
  'Zara',
] as const;

export const LAST_NAMES = [
  'Adams',
  'Ahmed',
  'Begum',
  'Brown',
  'Campbell',
  'Clarke',
  'Davies',
  'Evans',
  'Green',
  'Hall',
  'Hughes',
  'Jones',
  'Khan',
  'Lewis',
  'Martin',
  'Nowak',
  'Okafor',
  'Patel',
  'Roberts',
  'Singh',
  'Smith',
  'Taylor',
  'Thomas',
  'Walker',
  'Williams',
  'Wilson',
  'Wood',
  'Wright',
  'Young',
  'Zhang',
] as const;

export const TITLES: Record<EvidenceKind, readonly string[]> = {
  CPD_ACTIVITY: [
    'Training on trauma-informed practice',
    'E-learning: the Mental Capacity Act in practice',
    'Webinar on contextual safeguarding',
    'Reading: strengths-based approaches in adult social care',
    'Conference on kinship care',
    'Shadowing the hospital discharge team',
    'Course on domestic abuse risk assessment',
    'Teaching session for students on report writing',
  ],
  DIRECT_OBSERVATION: [
    'Observed home visit: agreeing a plan with a family',
    'Observed strategy discussion',
    'Observed care and support assessment',
    'Observed child protection conference contribution',
    'Observed review meeting with a carer',
  ],
  SERVICE_USER_FEEDBACK: [
    'Feedback from a person I support after their review',
    'Feedback from a young person after our sessions',
    'Feedback from a carer about the assessment',
  ],
  PROFESSIONAL_FEEDBACK: [
    'Feedback from the health visitor on joint working',
    'Feedback from the school on the multi-agency plan',
    'Feedback from the GP practice on a referral',
    'Feedback from the IRO on my court work',
  ],
  WRITTEN_REPORT: [
    'Parenting assessment report',
    'Court statement for care proceedings',
    'Best interests assessment report',
    'Review report for a looked-after child',
    'Section 42 enquiry report',
  ],
  CRITICAL_REFLECTION: [
    'Reflection on a difficult conversation about risk',
    'Reflection on working with resistance',
    'Reflection on anti-oppressive practice in an assessment',
    'Reflection on managing my caseload under pressure',
    'Reflection on a decision I would now make differently',
  ],
  SUPERVISION_REFLECTION: [
    'Reflective supervision on a complex case',
    'Supervision reflection on professional curiosity',
    'Supervision reflection on drift and delay',
  ],
  CERTIFICATE: [
    'Certificate: safeguarding adults level 3',
    'Certificate: motivational interviewing',
    'Certificate: signs of safety foundation',
  ],
};

export const DESCRIPTIONS = [
  'I planned the work with my supervisor, agreed its purpose with the people involved and recorded what we decided together.',
  'The situation involved several agencies with different views of the risk; I brought the information together and set out the options.',
  'I prepared by reading the history and the research on the issue, then checked my understanding with the person before acting.',
  'This was part of my planned development for the year, agreed at appraisal and linked to the needs of my team.',
  'I used a strengths-based approach and made sure the person could take part in the way that suited them.',
] as const;

export const LEARNINGS = [
  'Slowing down at the start gave the family space to say what mattered to them.',
  'I learnt to name my hypothesis early and to look for evidence that would disprove it.',
  'Being clear about my role and its limits made the conversation safer for everyone.',
  'I saw how legislation and local policy shape what is possible, and where discretion lies.',
  'Reflecting with a colleague showed me an assumption I had not noticed I was making.',
  'Writing the analysis before the chronology made my recommendations easier to follow.',
] as const;

export const IMPACTS = [
  'The plan is now owned by the family and reviewed with them, not for them.',
  'My assessments are shorter, clearer and say what needs to change and by when.',
  'I now check the views of the person in every recording, in their own words where I can.',
  'Colleagues have started using the approach in team meetings.',
  'Referrals I make include the information partners need to act quickly.',
] as const;

export const PEER_ROLES = [
  'Team manager',
  'Senior practitioner',
  'Health visitor',
  'Peer social worker',
] as const;

export const REVIEW_COMMENTS = {
  APPROVE: [
    'Clear evidence of the capability at this level.',
    'Good reflection linking learning to practice.',
    'Well evidenced; the impact on the family is clear.',
  ],
  REQUEST_CHANGES: [
    'Please say more about the impact on the person you worked with.',
    'The analysis needs to link to the domains you have mapped.',
    'Add what you would do differently next time.',
  ],
} as const;
