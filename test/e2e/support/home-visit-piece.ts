import type { INestApplication } from '@nestjs/common';
import { gql } from '#app/testing';
import { CREATE_EVIDENCE, pcf, REVIEW_EVIDENCE, SUBMIT_EVIDENCE } from './portfolio-operations.js';
import type { Session } from './sessions.js';

export interface SubmittedVersion {
  id: string;
  evidenceId: string;
  revision: number;
  status: string;
  mappings: { id: string }[];
}

/**
 * The home visit the countersignature specs judge: a direct observation by `practitioner`, mapped to
 * the PCF domains named, submitted to `reviewerUserId`, through the API as the practitioner does it.
 */
export async function submitHomeVisit(
  app: INestApplication,
  practitioner: Session,
  reviewerUserId: string,
  domains: readonly string[],
): Promise<SubmittedVersion> {
  const created = await gql<{ createEvidence: SubmittedVersion }>(
    app,
    CREATE_EVIDENCE,
    {
      input: {
        kind: 'DIRECT_OBSERVATION',
        title: 'Home visit observed',
        dateFrom: '2026-11-20',
        description: 'A planned visit with a family.',
        learning: 'Pace the conversation.',
        impact: 'A plan the family agreed.',
        mappings: domains.map((d) => pcf(d)),
      },
    },
    { as: practitioner },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const sent = await gql<{ submitEvidence: SubmittedVersion }>(
    app,
    SUBMIT_EVIDENCE,
    { input: { evidenceId: created.data!.createEvidence.evidenceId, reviewerUserId } },
    { as: practitioner },
  );
  if (sent.errors) throw new Error(JSON.stringify(sent.errors));
  return sent.data!.submitEvidence;
}

/** The reviewer approves `version`, with one decision per mapping in the order given. */
export async function approveHomeVisit(
  app: INestApplication,
  reviewer: Session,
  version: SubmittedVersion,
  decisions: readonly { decision: string; comment?: string }[],
): Promise<void> {
  const decided = await gql(
    app,
    REVIEW_EVIDENCE,
    {
      input: {
        evidenceVersionId: version.id,
        expectedRevision: version.revision,
        outcome: 'APPROVE',
        comment: 'Clear evidence of knowledge in practice.',
        mappingDecisions: decisions.map((d, i) => ({ mappingId: version.mappings[i]!.id, ...d })),
      },
    },
    { as: reviewer },
  );
  if (decided.errors) throw new Error(JSON.stringify(decided.errors));
}
