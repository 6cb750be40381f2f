import { ApiError } from './apiError.js';
import { apiHeaders, type CallContext } from './graphqlClient.js';

/** The API's plain HTTP routes the web app uses: attachment upload and download, portfolio PDF, CPD log CSV. */
export class ApiHttpClient {
  constructor(private readonly apiUrl: () => string) {}

  async uploadAttachment(
    evidenceId: string,
    file: { name: string; bytes: Buffer },
    ctx: CallContext,
  ): Promise<{ id: string; fileName: string }> {
    const response = await this.send(`/evidence/${encodeURIComponent(evidenceId)}/attachments`, ctx, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
      body: new Uint8Array(file.bytes),
    });
    return (await response.json()) as { id: string; fileName: string };
  }

  /** A download streamed from the API: the caller pipes its body to the browser. */
  download(path: string, ctx: CallContext): Promise<Response> {
    return this.send(path, ctx, { method: 'GET' });
  }

  private async send(path: string, ctx: CallContext, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.apiUrl()}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), ...apiHeaders(ctx) },
        signal: AbortSignal.timeout(60_000),
      });
    } catch {
      throw ApiError.unavailable();
    }
    if (response.ok) return response;
    let error: { code?: string; message?: string; field?: string } = {};
    try {
      error = ((await response.json()) as { error?: typeof error }).error ?? {};
    } catch {
      /* not a Pathways error body */
    }
    throw new ApiError(
      error.message ?? response.statusText,
      error.code ?? (response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST'),
      error.field,
      [],
      undefined,
      response.status,
    );
  }
}
