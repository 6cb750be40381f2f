export * from './compliance.types.js';
export * from './asye.types.js';
export * from './supervision.types.js';
export { CPD_RULE_SETS } from './cpd-rule-sets.js';
export { londonDateOf } from './london-date-of.js';
export { endOfLondonDay } from './end-of-london-day.js';
export { registrationYearOf } from './registration-year-of.js';
export { selectCpdRuleSet } from './select-cpd-rule-set.js';
export { assertRuleSetsDoNotOverlap } from './assert-rule-sets-do-not-overlap.js';
export { cpdPeriodOf } from './cpd-period-of.js';
export { cpdDuplicateKey } from './cpd-duplicate-key.js';
export { findDuplicateCpd } from './find-duplicate-cpd.js';
export { evaluateCpdCompliance } from './evaluate-cpd-compliance.js';
export { listCpdAtRisk } from './list-cpd-at-risk.js';
export { dueCpdReminders } from './due-cpd-reminders.js';
export { asyeDueDate } from './asye-due-date.js';
export { planAsyeReviewPoints } from './plan-asye-review-points.js';
export { summariseAsyeProgress } from './summarise-asye-progress.js';
export { assertAsyePauseAllowed } from './assert-asye-pause-allowed.js';
export { assertReviewPointRecordable } from './assert-review-point-recordable.js';
export { assertCanStartAsye } from './assert-can-start-asye.js';
export { assertCanRecommendAsyeOutcome } from './assert-can-recommend-asye-outcome.js';
export {
  assertCanConfirmAsyeOutcome,
  type AsyeConfirmationChoice,
  type AsyeConfirmationDecision,
} from './assert-can-confirm-asye-outcome.js';
export { assertCanRequestAsyeSecondOpinion } from './assert-can-request-asye-second-opinion.js';
export { assertCanRecordAsyeSecondOpinion } from './assert-can-record-asye-second-opinion.js';
export { asyeAgreementOf } from './asye-agreement-of.js';
export { assertSupervisionValid } from './assert-supervision-valid.js';
export { summariseSupervision } from './summarise-supervision.js';
export { nqswPeriodOf, type NqswPeriod, type NqswPeriodFacts } from './nqsw-period-of.js';
export * from './reminders.types.js';
export { isReviewWaitingTooLong } from './is-review-waiting-too-long.js';
export { asyeReviewPointsToRemind } from './asye-review-points-to-remind.js';
export { cpdComplianceHistory } from './cpd-compliance-history.js';
