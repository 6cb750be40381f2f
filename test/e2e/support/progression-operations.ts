/** GraphQL documents the progression tests share. */
export const CREATE_FROM_TEMPLATE = `mutation ($input: CreatePathwayFromTemplateInput!) {
  createPathwayFromTemplate(input: $input) { id name versions { id versionNo status revision routes { key } } }
}`;
export const PUT_ROUTE = `mutation ($input: PutPathwayRouteInput!) {
  putPathwayRoute(input: $input) { id revision status routes { key mechanism criteria { type criteria { type months minLevelCode allDomains qualificationType } } } }
}`;
export const UPDATE_DRAFT = `mutation ($input: UpdatePathwayDraftInput!) { updatePathwayDraft(input: $input) { id revision } }`;
export const PUBLISH = `mutation ($input: PublishPathwayVersionInput!) { publishPathwayVersion(input: $input) { id status publishedAt } }`;
export const CREATE_DRAFT = `mutation ($input: CreatePathwayDraftInput!) { createPathwayDraft(input: $input) { id versionNo status revision } }`;
export const WHAT_IF = `query ($versionId: ID!) { pathwayWhatIf(versionId: $versionId) { practitioners routes { routeKey eligibleUnderDraft eligibleUnderPublished } } }`;
export const WHAT_IF_BY_NAME = `query ($versionId: ID!) { pathwayWhatIf(versionId: $versionId) { routes { routeKey gained { userId fullName } lost { fullName } } } }`;
export const RECORD_STAGE = `mutation ($input: RecordPractitionerStageInput!) { recordPractitionerStage(input: $input) { id stageKey fromDate toDate howDecided } }`;
export const MY_PROGRESSION = `query { myProgression {
  asOf currentStages { key }
  routes { routeKey toStageKey eligible closeness gaps outcome { met label children { type met gap progress { current required unit } } } }
} }`;
export const APPLY = `mutation ($input: ApplyForRouteInput!) {
  applyForRoute(input: $input) { id status routeKey evidenceIds eligibilitySnapshot { eligible closeness } practitioner { fullName } }
}`;
export const DECIDE = `mutation ($input: DecideProgressionApplicationInput!) {
  decideProgressionApplication(input: $input) { id status decisionReasons decidedBy { fullName } }
}`;
export const CANDIDATES = `query ($routeKey: String!, $first: Int, $after: String) {
  candidates(routeKey: $routeKey, first: $first, after: $after) {
    eligibleCount nearlyEligibleCount hasNextPage hasPreviousPage startCursor endCursor nodes { practitioner { fullName } eligible closeness gaps }
  }
}`;
export const REPORT = `query { progressionReport {
  practitioners stages { stage { key } people } routes { routeKey considered eligible nearlyEligible openApplications } mostUnmet { routeKey label unmet }
} }`;
export const STAGE_HISTORY = `query ($practitionerUserId: ID) { stageHistory(practitionerUserId: $practitionerUserId) { stageKey fromDate toDate howDecided applicationId } }`;

/** The advanced practitioner route: 24 months qualified, advanced evidence in all nine domains, PEPS Stage 2. */
export const ADVANCED_ROUTE = {
  key: 'EXPERIENCED_TO_ADVANCED_PRACTITIONER',
  fromStageKey: 'EXPERIENCED_SOCIAL_WORKER',
  toStageKey: 'ADVANCED_PRACTITIONER',
  mechanism: 'PANEL',
  criteria: {
    type: 'ALL_OF',
    criteria: [
      { type: 'MIN_POST_QUALIFYING_MONTHS', months: 24 },
      { type: 'APPROVED_EVIDENCE', minLevelCode: 'ADVANCED', allDomains: true, minPiecesPerDomain: 1 },
      { type: 'QUALIFICATION', qualificationType: 'PEPS_STAGE_2', currentOnEvaluationDate: true },
    ],
  },
};
