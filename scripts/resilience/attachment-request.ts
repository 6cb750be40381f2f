// Attachment downloads and uploads as a client sees them, for the checks that run beside GraphQL load.

/** A tiny PDF for the attachment uploads. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** One attachment request (a download, or an upload to a draft), as a client sees it. */
export interface HttpOutcome {
  at: number;
  ms: number;
  status: number | null;
  code: string | null;
}

export async function attachmentRequest(
  url: string,
  token: string,
  target: { evidenceId: string; attachmentId: string },
  upload: boolean,
): Promise<HttpOutcome> {
  const at = Date.now();
  try {
    const res = await fetch(
      upload
        ? `${url}/evidence/${target.evidenceId}/attachments`
        : `${url}/attachments/${target.attachmentId}`,
      {
        method: upload ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(upload ? { 'content-type': 'application/octet-stream', 'x-file-name': 'observation.pdf' } : {}),
        },
        body: upload ? TINY_PDF : undefined,
        signal: AbortSignal.timeout(20_000),
      },
    );
    const body = await res.arrayBuffer();
    let code: string | null = null;
    if (!res.ok) {
      try {
        code =
          (JSON.parse(Buffer.from(body).toString('utf8')) as { error?: { code?: string } }).error?.code ??
          null;
      } catch {
        code = 'UNTYPED';
      }
    }
    return { at, ms: Date.now() - at, status: res.status, code };
  } catch (error) {
    return { at, ms: Date.now() - at, status: null, code: `NO_RESPONSE:${(error as Error).name}` };
  }
}

export const httpHistogram = (outcomes: HttpOutcome[]) => {
  const h: Record<string, number> = {};
  for (const o of outcomes) {
    const k = o.code ? `${o.status ?? ''} ${o.code}`.trim() : `HTTP_${o.status}`;
    h[k] = (h[k] ?? 0) + 1;
  }
  return JSON.stringify(h);
};
