import {
  asyeAgreementOf,
  summariseAsyeProgress,
  type AsyeOutcome,
  type AsyePolicy,
  type AsyeProgrammeFacts,
  type AsyeProgressSummary,
} from '#app/domain';
import type { ApprovedEvidenceFacts, AsyeProgrammeRecord } from '#app/persistence';
import type { AsyeProgramme, AsyeStatus } from './models/asye.model.js';

// Stored ASYE rows → the domain's facts and the GraphQL model.

export function pausesOf(record: AsyeProgrammeRecord) {
  return record.pauses.map((p) => ({
    pauseId: p.id,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    reason: p.reason,
  }));
}

export function factsOf(
  record: AsyeProgrammeRecord,
  evidence: readonly ApprovedEvidenceFacts[],
): AsyeProgrammeFacts {
  const p = record.programme;
  return {
    practitionerUserId: p.practitionerUserId,
    assessorUserId: p.assessorUserId,
    lineManagerUserId: p.lineManagerUserId,
    startDate: p.startDate,
    contractedHoursPerWeek: Number(p.contractedHoursPerWeek),
    pauses: pausesOf(record),
    reviews: record.reviews.map((r) => ({
      code: r.code,
      heldOn: r.heldOn,
      assessorComments: r.assessorComments,
    })),
    evidence: evidence.filter((e) => e.ownerUserId === p.practitionerUserId),
    protectedTime: record.protectedTime.map((t) => ({ date: t.date, minutes: t.minutes })),
    recommendation:
      p.recommendedOutcome === null
        ? null
        : {
            outcome: p.recommendedOutcome as AsyeOutcome,
            recommendedOn: p.recommendedOn!,
            assessorUserId: p.recommendedByUserId!,
          },
    secondOpinion:
      p.secondAssessorUserId === null
        ? null
        : {
            secondAssessorUserId: p.secondAssessorUserId,
            requestedOn: p.secondOpinionRequestedOn!,
            requestedByUserId: p.secondOpinionRequestedByUserId!,
            opinion:
              p.secondOpinionOutcome === null
                ? null
                : { outcome: p.secondOpinionOutcome, recordedOn: p.secondOpinionRecordedOn! },
          },
    confirmation:
      p.confirmedOn === null ? null : { confirmedOn: p.confirmedOn, confirmedByUserId: p.confirmedByUserId! },
  };
}

/** The outcome confirmed: the one chosen when reconciling, else the recommendation's; `null` before. */
export function confirmedOutcomeOf(p: AsyeProgrammeRecord['programme']): AsyeOutcome | null {
  return p.confirmedOn === null ? null : (p.reconciledOutcome ?? p.recommendedOutcome);
}

export function summarise(
  record: AsyeProgrammeRecord,
  evidence: readonly ApprovedEvidenceFacts[],
  today: string,
  policy: AsyePolicy,
): AsyeProgressSummary {
  return summariseAsyeProgress(factsOf(record, evidence), today, {
    ...policy,
    protectedTimePercent: record.programme.protectedTimePercent,
  });
}

export function toModel({
  record,
  summary,
}: {
  record: AsyeProgrammeRecord;
  summary: AsyeProgressSummary;
}): AsyeProgramme {
  const p = record.programme;
  const confirmedOutcome = confirmedOutcomeOf(p);
  const status: AsyeStatus =
    p.confirmedOn !== null
      ? confirmedOutcome === 'PASS'
        ? 'PASSED'
        : 'FAILED'
      : p.recommendedOutcome !== null
        ? 'AWAITING_CONFIRMATION'
        : summary.pausedToday
          ? 'PAUSED'
          : 'IN_PROGRESS';
  return {
    id: p.id,
    practitionerUserId: p.practitionerUserId,
    assessorUserId: p.assessorUserId,
    lineManagerUserId: p.lineManagerUserId,
    startDate: p.startDate,
    endsOn: summary.endsOn,
    status,
    contractedHoursPerWeek: Number(p.contractedHoursPerWeek),
    pausedToday: summary.pausedToday,
    pausedDays: summary.pausedDays,
    pauses: record.pauses.map((x) => ({
      id: x.id,
      startsOn: x.startsOn,
      endsOn: x.endsOn,
      reason: x.reason,
    })),
    reviewPoints: summary.reviewPoints.map((r) => ({
      code: r.code,
      monthsAfterStart: r.monthsAfterStart,
      dueOn: r.dueOn,
      heldOn: r.heldOn,
      status: r.status,
      assessorComments: record.reviews.find((x) => x.code === r.code)?.assessorComments ?? null,
    })),
    evidence: summary.evidence,
    criticalReflections: summary.criticalReflections,
    evidenceComplete: summary.evidenceComplete,
    protectedTime: summary.protectedTime,
    recommendation:
      p.recommendedOutcome === null
        ? null
        : {
            outcome: p.recommendedOutcome as AsyeOutcome,
            comment: p.recommendationComment ?? '',
            recommendedOn: p.recommendedOn!,
            recommendedByUserId: p.recommendedByUserId!,
          },
    secondOpinion:
      p.secondAssessorUserId === null
        ? null
        : {
            secondAssessorUserId: p.secondAssessorUserId,
            requestedOn: p.secondOpinionRequestedOn!,
            requestedByUserId: p.secondOpinionRequestedByUserId!,
            outcome: p.secondOpinionOutcome,
            reasons: p.secondOpinionReasons,
            recordedOn: p.secondOpinionRecordedOn,
          },
    agreement: asyeAgreementOf(factsOf(record, [])),
    confirmation:
      p.confirmedOn === null
        ? null
        : {
            confirmedOn: p.confirmedOn,
            confirmedByUserId: p.confirmedByUserId!,
            confirmedAs: p.confirmedAs!,
            outcome: confirmedOutcome!,
            reconciled: p.reconciledOutcome !== null,
            comment: p.confirmationComment,
          },
    canMakeFinalRecommendation: summary.canMakeFinalRecommendation,
    canRecommendPass: summary.canRecommendPass,
    recommendationBlockers: summary.recommendationBlockers,
    passBlockers: summary.passBlockers,
    completionQualificationId: p.completionQualificationId,
  };
}
