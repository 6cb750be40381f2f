import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';

/** Refusals of the request itself, before anything ran: its document, its operation or its variables. */
const REQUEST_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  // Variables that could not be coerced, or that nest too deep (variable-nesting.plugin.ts).
  'BAD_USER_INPUT',
]);

/**
 * The GraphQL over HTTP spec: a response sent as `application/json` answers a well-formed request
 * with 200 even when its document does not parse or validate or its variables do not coerce (legacy
 * clients read `errors` only from a 200); as `application/graphql-response+json` it answers 400.
 * Apollo answers 400 for both. The media type is chosen as Apollo will choose it: `application/json`
 * when Accept is absent or accepts anything. Refusals before GraphQL (batching, a GET mutation, an unreadable
 * body) and errors during execution keep their status.
 */
export function responseStatusPlugin(): ApolloServerPlugin<{ req: unknown }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, errors, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          if (response.body.singleResult.data !== undefined) return;
          if (!errors?.length || !errors.every((e) => REQUEST_ERRORS.has(String(e.extensions?.code)))) {
            return;
          }
          const req = contextValue.req as Pick<Request, 'accepts'>;
          if (req.accepts(['application/json', 'application/graphql-response+json']) === 'application/json') {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
