import request from 'supertest';
import type { INestApplication } from '@nestjs/common';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    domainCode?: string;
    field?: string;
    fields?: { field: string; messages: string[] }[];
    [k: string]: unknown;
  };
}

export interface GqlResult<T> {
  status: number;
  data: T | null | undefined;
  errors: GqlError[] | undefined;
}

/** Posts one GraphQL operation; `as` is an access token (or a session from `login`). */
export async function gql<T = Record<string, unknown>>(
  app: INestApplication,
  query: string,
  variables: Record<string, unknown> = {},
  options: { as?: string | { accessToken: string }; headers?: Record<string, string> } = {},
): Promise<GqlResult<T>> {
  const token = typeof options.as === 'string' ? options.as : options.as?.accessToken;
  let req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (token) req = req.set('authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(options.headers ?? {})) req = req.set(k, v);
  const res = await req.send({ query, variables });
  return { status: res.status, data: res.body?.data, errors: res.body?.errors };
}

/** The first error's `extensions.code`, for terse assertions. */
export const errorCode = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.code;
