import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ApiError, type FieldProblem } from './apiError.js';

/** Who is calling: the session's access token, the request id to correlate logs, the browser's address. */
export interface CallContext {
  accessToken?: string;
  requestId: string;
  clientIp?: string;
}

interface GraphqlErrorBody {
  message: string;
  extensions?: { code?: string; field?: string; fields?: FieldProblem[]; domainCode?: string };
}

export function apiHeaders(ctx: CallContext): Record<string, string> {
  const headers: Record<string, string> = { 'x-request-id': ctx.requestId };
  if (ctx.accessToken) headers.authorization = `Bearer ${ctx.accessToken}`;
  // The API trusts a loopback proxy's X-Forwarded-For, so its sign-in limits count per browser, not per web server.
  if (ctx.clientIp) headers['x-forwarded-for'] = ctx.clientIp;
  return headers;
}

/** The only code that speaks GraphQL to the API: one typed operation per call, errors as ApiError. */
export class GraphqlClient {
  constructor(private readonly apiUrl: () => string) {}

  async request<R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    ctx: CallContext,
  ): Promise<R> {
    let response: Response;
    try {
      response = await fetch(`${this.apiUrl()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...apiHeaders(ctx) },
        body: JSON.stringify({ query: print(document), variables }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw ApiError.unavailable();
    }
    let body: { data?: R | null; errors?: GraphqlErrorBody[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw ApiError.unavailable(response.status);
    }
    const first = body.errors?.[0];
    if (first) {
      const ext = first.extensions ?? {};
      throw new ApiError(
        first.message,
        ext.code ?? 'INTERNAL_SERVER_ERROR',
        ext.field,
        ext.fields ?? [],
        ext.domainCode,
        response.status,
      );
    }
    if (!body.data) throw ApiError.unavailable(response.status);
    return body.data;
  }
}
