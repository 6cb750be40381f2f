import autocannon from 'autocannon';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors and timeouts. */
  connectionErrors: number;
  /** Responses with a status other than 2xx. */
  non2xx: number;
  /** 2xx responses whose body carries GraphQL `errors`. */
  graphqlErrors: number;
}

/**
 * Sends one GraphQL operation as fast as `connections` keep-alive connections allow for `seconds`,
 * and counts every response that is not a clean `{ data }` as an error.
 */
export async function runLoad(options: {
  url: string;
  token: string;
  query: string;
  variables?: Record<string, unknown>;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: `${options.url}/graphql`,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query: options.query, variables: options.variables ?? {} }),
    verifyBody: (body: string) => !body.includes('"errors"'),
  });
  return {
    connections: options.connections,
    seconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    connectionErrors: result.errors,
    non2xx: result.non2xx,
    graphqlErrors: result.mismatches,
  };
}
