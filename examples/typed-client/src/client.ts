// A small typed client for the Pathways GraphQL API: one function per call, the operation's result
// and variables typed from schema.gql by graphql-codegen, and the API's refusals as a typed error.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { SignInDocument } from './generated/graphql.ts';

/** A refusal as the API gives it: `code` is `extensions.code`, `field` the input field at fault. */
export class PathwaysError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly status: number;

  constructor(message: string, code: string, field: string | undefined, status: number) {
    super(message);
    this.name = 'PathwaysError';
    this.code = code;
    this.field = field;
    this.status = status;
  }
}

interface GraphqlResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export interface PathwaysClient {
  /** Signs in with email and password; later calls carry the access token. */
  signIn(email: string, password: string): Promise<void>;
  /** Runs one operation and returns its data, or throws the first error as a PathwaysError. */
  request<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables: V): Promise<R>;
}

/** `url` is where Pathways is served, e.g. http://127.0.0.1:3000 (the API answers at /graphql). */
export function createPathwaysClient(url: string): PathwaysClient {
  let accessToken: string | null = null;

  async function request<R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    variables: V,
  ): Promise<R> {
    const response = await fetch(new URL('/graphql', url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The GraphQL over HTTP media type: a document that does not parse or validate is then a 4xx;
        // a refusal while running (bad input, no access) is a 200 with `errors`, as the spec says.
        accept: 'application/graphql-response+json, application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as GraphqlResponse<R>;
    const first = body.errors?.[0];
    if (first) {
      const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      throw new PathwaysError(first.message, code, first.extensions?.field, response.status);
    }
    if (!body.data) throw new PathwaysError('No data in the answer', 'NO_DATA', undefined, response.status);
    return body.data;
  }

  return {
    request,
    async signIn(email, password) {
      const { login } = await request(SignInDocument, { input: { email, password } });
      accessToken = login.accessToken;
    },
  };
}
