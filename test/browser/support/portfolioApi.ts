import { DEMO_PASSWORD } from '#app/persistence';

/** GraphQL over HTTP against the running app, as a client with a login token would call it. */
export async function graphqlAs<T>(
  baseUrl: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length)
    throw new Error(`GraphQL refused: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

export async function loginToken(baseUrl: string, email: string): Promise<string> {
  const { login } = await graphqlAs<{ login: { accessToken: string } }>(
    baseUrl,
    null,
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return login.accessToken;
}

export interface SubmittedPiece {
  evidenceId: string;
  versionId: string;
  title: string;
}

/**
 * A demo practitioner records a CPD activity mapped to PCF 2018 domains at a level, optionally attaches
 * a file, and submits it to their assigned reviewer of the given capacity (as README's portfolio journey).
 */
export async function submitEvidenceThroughApi(
  baseUrl: string,
  piece: {
    practitionerEmail?: string;
    reviewerCapacity?: 'ASYE_ASSESSOR' | 'SUPERVISOR' | 'PRACTICE_EDUCATOR';
    title: string;
    domains: string[];
    levelCode?: string;
    attachment?: { name: string; bytes: Buffer };
  },
): Promise<SubmittedPiece> {
  const token = await loginToken(baseUrl, piece.practitionerEmail ?? 'nqsw@demo-council.example');
  const { me } = await graphqlAs<{ me: { userId: string } }>(baseUrl, token, '{ me { userId } }');
  const { assessorRelationships } = await graphqlAs<{
    assessorRelationships: { nodes: { assessorUserId: string; capacity: string }[] };
  }>(
    baseUrl,
    token,
    'query($me: ID!) { assessorRelationships(practitionerUserId: $me) { nodes { assessorUserId capacity } } }',
    { me: me.userId },
  );
  const reviewer = assessorRelationships.nodes.find(
    (r) => r.capacity === (piece.reviewerCapacity ?? 'ASYE_ASSESSOR'),
  );
  if (!reviewer) throw new Error('The practitioner has no reviewer of that capacity');
  const { createEvidence } = await graphqlAs<{ createEvidence: { evidenceId: string; id: string } }>(
    baseUrl,
    token,
    `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { evidenceId id } }`,
    {
      input: {
        kind: 'CPD_ACTIVITY',
        cpdActivityType: 'TRAINING',
        title: piece.title,
        dateFrom: '2026-10-12',
        hours: 6.5,
        description: 'A day of training on capacity assessments.',
        learning: 'Record a capacity assessment decision by decision.',
        impact: 'My assessments now record each decision separately.',
        peerReflection: { text: 'My manager and I compared two assessments.', peerRole: 'Team manager' },
        mappings: piece.domains.map((itemCode) => ({
          frameworkCode: 'PCF',
          version: '2018',
          itemCode,
          levelCode: piece.levelCode ?? 'ASYE',
          rationale: `The training shows ${itemCode.toLowerCase().replaceAll('_', ' ')}.`,
        })),
      },
    },
  );
  if (piece.attachment) {
    const response = await fetch(`${baseUrl}/evidence/${createEvidence.evidenceId}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(piece.attachment.name),
      },
      body: new Uint8Array(piece.attachment.bytes),
    });
    if (!response.ok) throw new Error(`Upload refused: ${response.status} ${await response.text()}`);
  }
  const { submitEvidence } = await graphqlAs<{ submitEvidence: { id: string } }>(
    baseUrl,
    token,
    'mutation($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { id } }',
    { input: { evidenceId: createEvidence.evidenceId, reviewerUserId: reviewer.assessorUserId } },
  );
  return { evidenceId: createEvidence.evidenceId, versionId: submitEvidence.id, title: piece.title };
}

/** The assessor approves the piece and accepts each mapping (the reviewer's pages are another journey). */
export async function approveThroughApi(
  baseUrl: string,
  evidenceId: string,
  assessorEmail = 'assessor@demo-council.example',
): Promise<void> {
  const token = await loginToken(baseUrl, assessorEmail);
  const { evidence } = await graphqlAs<{
    evidence: { current: { id: string; revision: number; mappings: { id: string }[] } };
  }>(baseUrl, token, 'query($id: ID!) { evidence(id: $id) { current { id revision mappings { id } } } }', {
    id: evidenceId,
  });
  await graphqlAs(
    baseUrl,
    token,
    'mutation($input: ReviewEvidenceInput!) { reviewEvidence(input: $input) { status } }',
    {
      input: {
        evidenceVersionId: evidence.current.id,
        expectedRevision: evidence.current.revision,
        outcome: 'APPROVE',
        comment: 'Clear evidence of ASYE-level practice.',
        mappingDecisions: evidence.current.mappings.map((m) => ({
          mappingId: m.id,
          decision: 'ACCEPTED',
          comment: 'Well argued.',
        })),
      },
    },
  );
}

/** The piece as its practitioner now sees it: status and each mapping's decision. */
export async function evidenceAsPractitioner(
  baseUrl: string,
  evidenceId: string,
  practitionerEmail = 'nqsw@demo-council.example',
): Promise<{
  status: string;
  review: { outcome: string; comment: string } | null;
  mappings: {
    item: { code: string };
    decision: string | null;
    acceptedLevel: { code: string } | null;
    decisionComment: string | null;
  }[];
}> {
  const token = await loginToken(baseUrl, practitionerEmail);
  const { evidence } = await graphqlAs<{ evidence: { current: any } }>(
    baseUrl,
    token,
    `query($id: ID!) { evidence(id: $id) { current { status review { outcome comment }
       mappings { item { code } decision acceptedLevel { code } decisionComment } } } }`,
    { id: evidenceId },
  );
  return evidence.current;
}

/** The practitioner takes a submission back to change it (it becomes a draft again). */
export async function withdrawEvidenceThroughApi(
  baseUrl: string,
  evidenceId: string,
  practitionerEmail = 'nqsw@demo-council.example',
): Promise<void> {
  const token = await loginToken(baseUrl, practitionerEmail);
  await graphqlAs(
    baseUrl,
    token,
    'mutation($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { status } }',
    { input: { evidenceId } },
  );
}

/** The practitioner takes a submission back, edits it and sends it to the same reviewer again. */
export async function reviseAndResubmitThroughApi(
  baseUrl: string,
  piece: { evidenceId: string },
  change: Record<string, unknown>,
  practitionerEmail = 'nqsw@demo-council.example',
): Promise<void> {
  const token = await loginToken(baseUrl, practitionerEmail);
  const { evidence } = await graphqlAs<{ evidence: { current: { reviewer: { id: string } } } }>(
    baseUrl,
    token,
    'query($id: ID!) { evidence(id: $id) { current { reviewer { id } } } }',
    { id: piece.evidenceId },
  );
  await graphqlAs(
    baseUrl,
    token,
    'mutation($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { id } }',
    { input: { evidenceId: piece.evidenceId } },
  );
  await graphqlAs(
    baseUrl,
    token,
    'mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id } }',
    { input: { evidenceId: piece.evidenceId, ...change } },
  );
  await graphqlAs(
    baseUrl,
    token,
    'mutation($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { id } }',
    { input: { evidenceId: piece.evidenceId, reviewerUserId: evidence.current.reviewer.id } },
  );
}
