import type { INestApplication } from '@nestjs/common';
import { gql, type GqlResult } from '#app/testing';
import type { Session } from './sessions.js';

/** GraphQL documents the compliance, ASYE, supervision and reminder tests share. */
export const ASYE_FIELDS = /* GraphQL */ `
  id status startDate endsOn pausedToday pausedDays practitioner { fullName }
  pauses { id startsOn endsOn reason }
  reviewPoints { code dueOn heldOn status assessorComments }
  evidence { kind required approved met }
  criticalReflections { monthsAfterStart evidenceId met }
  evidenceComplete
  protectedTime { targetPercent recordedMinutes targetMinutesToDate met }
  recommendation { outcome recommendedOn }
  confirmation { confirmedOn confirmedAs }
  canMakeFinalRecommendation canRecommendPass recommendationBlockers passBlockers completionQualificationId
`;

export const asyeMutation = (name: string, inputType: string, fields: string = ASYE_FIELDS) =>
  `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;

/**
 * An ASYE year's evidence, approved in the portfolio as the PCF ASYE level asks: three direct
 * observations, pieces of feedback from people who use services and from professionals, and written
 * reports, dated in January, and a critical reflection on each day of `reflections`.
 */
export function asyeYearEvidence(reflections: readonly string[]) {
  const kinds = ['DIRECT_OBSERVATION', 'SERVICE_USER_FEEDBACK', 'PROFESSIONAL_FEEDBACK', 'WRITTEN_REPORT'];
  return [
    ...kinds.flatMap((kind) =>
      [1, 2, 3].map(() => ({
        kind: kind as never,
        date: '2026-01-15',
        itemCodes: ['PROFESSIONALISM'],
        levelCode: 'ASYE',
      })),
    ),
    ...reflections.map((date) => ({
      kind: 'CRITICAL_REFLECTION' as never,
      date,
      itemCodes: ['CRITICAL_REFLECTION_AND_ANALYSIS'],
      levelCode: 'ASYE',
    })),
  ];
}

export const COMPLIANCE_FIELDS = /* GraphQL */ `
  practitionerUserId regulator ruleSetId periodStart periodEnd deadlineOn deadline daysLeft
  deadlinePassed exempt met atRisk renewalWindowOpensOn
  requirements { code met current required unit missing }
`;

export const SUPERVISION_FIELDS = /* GraphQL */ `
  id date durationMinutes kind notes reflectionEvidenceId supervisor { fullName } supervisee { fullName }
`;

export const STATUS_FIELDS = /* GraphQL */ `
  superviseeUserId supervisorUserId nqsw lastQualifyingOn nextDueOn every { unit count } overdue daysOverdue dueSoon
`;

/** Runs an operation that must succeed and returns its data. */
export async function ok<T>(
  app: INestApplication,
  query: string,
  variables: Record<string, unknown>,
  as: Session,
): Promise<T> {
  const res = await gql<T>(app, query, variables, { as });
  if (res.errors) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

/** The first error's GraphQL code, domain code and field, for refusal assertions. */
export const refusal = (res: GqlResult<unknown>) => ({
  code: res.errors?.[0]?.extensions?.code,
  domainCode: res.errors?.[0]?.extensions?.domainCode,
  field: res.errors?.[0]?.extensions?.field,
});
