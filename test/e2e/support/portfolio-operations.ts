/** GraphQL documents the portfolio tests share. */
export const VERSION_FIELDS = /* GraphQL */ `
  id evidenceId versionNo revision status kind title dateFrom dateTo hours
  identifierWarnings { field kind start end } identifiersConfirmed assessmentContext
  peerReflection { text peerRole discussedOn }
  mappings { id rationale decision decisionComment item { code } framework { frameworkCode version } level { code } acceptedLevel { code } }
  attachments { id fileName contentType sizeBytes sha256 }
  review { outcome comment decidedOn reviewer { fullName } reviewerRegistrationNumber reviewerQualification countersigner { fullName } }
`;

export const CREATE_EVIDENCE = `mutation ($input: CreateEvidenceInput!) { createEvidence(input: $input) { ${VERSION_FIELDS} } }`;
export const UPDATE_EVIDENCE = `mutation ($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { ${VERSION_FIELDS} } }`;
export const SUBMIT_EVIDENCE = `mutation ($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { ${VERSION_FIELDS} } }`;
export const WITHDRAW_EVIDENCE = `mutation ($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { id status } }`;
export const REVIEW_EVIDENCE = `mutation ($input: ReviewEvidenceInput!) { reviewEvidence(input: $input) { id status } }`;
export const PORTFOLIO = `query ($practitionerUserId: ID, $status: EvidenceStatus, $itemCode: String, $search: String, $registrationYear: String, $first: Int, $after: String) {
  portfolio(practitionerUserId: $practitionerUserId, status: $status, itemCode: $itemCode, search: $search, registrationYear: $registrationYear, first: $first, after: $after) {
    nodes { id owner { fullName } current { ${VERSION_FIELDS} } versions { id versionNo status review { outcome } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export const COVERAGE = `query ($practitionerUserId: ID) {
  coverage(practitionerUserId: $practitionerUserId) {
    frameworkCode version itemsWithoutApprovedEvidence
    cells { itemCode itemTitle levelCode levelName draft submitted approved changesRequested }
  }
}`;
export const REVIEW_QUEUE = `query ($minWaitingDays: Int) {
  reviewQueue { nodes { id evidenceId revision title owner { fullName } mappings { id item { code } } } }
  reviewQueueCount(minWaitingDays: $minWaitingDays)
}`;
export const AUDIT_TRAIL = `query ($entityId: ID, $subjectUserId: ID, $first: Int) {
  auditTrail(entityId: $entityId, subjectUserId: $subjectUserId, first: $first) {
    nodes { action actorRole entityId changes actor { fullName } }
  }
}`;

export const PCF_DOMAINS = [
  'PROFESSIONALISM',
  'VALUES_AND_ETHICS',
  'DIVERSITY_AND_EQUALITY',
  'RIGHTS_JUSTICE_ECONOMIC_WELLBEING',
  'KNOWLEDGE',
  'CRITICAL_REFLECTION_AND_ANALYSIS',
  'SKILLS_AND_INTERVENTIONS',
  'CONTEXTS_AND_ORGANISATIONS',
  'PROFESSIONAL_LEADERSHIP',
] as const;

export const pcf = (itemCode: string, levelCode = 'ASYE', rationale = 'Shown in my practice.') => ({
  frameworkCode: 'PCF',
  version: '2018',
  itemCode,
  levelCode,
  rationale,
});

/** The smallest file that a content-type sniffer recognises as a PDF. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
