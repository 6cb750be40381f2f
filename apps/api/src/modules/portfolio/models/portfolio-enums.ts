import { registerEnumType } from '@nestjs/graphql';
import {
  ASSESSMENT_CONTEXTS,
  CPD_ACTIVITY_TYPES,
  EVIDENCE_KINDS,
  EVIDENCE_STATUSES,
  IDENTIFIER_KINDS,
  MAPPING_DECISIONS,
  REVIEW_OUTCOMES,
} from '#app/domain';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const EvidenceKindEnum = enumOf(EVIDENCE_KINDS);
registerEnumType(EvidenceKindEnum, {
  name: 'EvidenceKind',
  description: 'What a piece of portfolio evidence is.',
  valuesMap: {
    CPD_ACTIVITY: { description: 'A CPD activity (training, reading, a webinar…); has an activity type.' },
    DIRECT_OBSERVATION: { description: 'A direct observation of practice.' },
    SERVICE_USER_FEEDBACK: {
      description: 'Feedback from a person who uses services (or a child or young person).',
    },
    PROFESSIONAL_FEEDBACK: { description: 'Feedback from another professional.' },
    WRITTEN_REPORT: { description: 'A written report (assessment, court report…), anonymised.' },
    CRITICAL_REFLECTION: { description: 'A critical reflection (e.g. at 6 and 12 months of the ASYE).' },
    SUPERVISION_REFLECTION: { description: 'A reflection on supervision.' },
    CERTIFICATE: { description: 'A certificate of learning.' },
  },
});

export const CpdActivityTypeEnum = enumOf(CPD_ACTIVITY_TYPES);
registerEnumType(CpdActivityTypeEnum, {
  name: 'CpdActivityType',
  description: 'Type of CPD activity, after the examples Social Work England gives.',
});

export const EvidenceStatusEnum = enumOf(EVIDENCE_STATUSES);
registerEnumType(EvidenceStatusEnum, {
  name: 'EvidenceStatus',
  description: 'Where a version of evidence stands in sign-off.',
  valuesMap: {
    DRAFT: { description: 'Being written; only the practitioner sees it.' },
    SUBMITTED: { description: 'Waiting for the named reviewer’s decision.' },
    APPROVED: { description: 'Signed off; never edited again (an edit makes a new version).' },
    CHANGES_REQUESTED: { description: 'Sent back; edit it to start a new version.' },
  },
});

export const AssessmentContextEnum = enumOf(ASSESSMENT_CONTEXTS);
registerEnumType(AssessmentContextEnum, {
  name: 'AssessmentContext',
  description: 'Which assessment a submission is for; decides who may sign it off.',
});

export const MappingDecisionEnum = enumOf(MAPPING_DECISIONS);
registerEnumType(MappingDecisionEnum, {
  name: 'MappingDecision',
  description: 'A reviewer’s judgement of one claimed mapping.',
});

export const ReviewOutcomeEnum = enumOf(REVIEW_OUTCOMES);
registerEnumType(ReviewOutcomeEnum, { name: 'ReviewOutcome', description: 'What a reviewer decides.' });

export const IdentifierKindEnum = enumOf(IDENTIFIER_KINDS);
registerEnumType(IdentifierKindEnum, {
  name: 'IdentifierKind',
  description: 'A kind of likely identifier of a person who uses services.',
});
