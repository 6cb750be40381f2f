import type { ApolloServerPlugin } from '@apollo/server';
import type { MetricsService } from './metrics.service.js';

/**
 * Counts each GraphQL request and its duration by operation name, and each error in the response by
 * its extensions.code (as format-error.ts set it: the response's errors are already formatted here).
 */
export function graphqlMetricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, response }) {
          const operation = metrics.operationLabel(operationName);
          metrics.graphqlRequests.inc({ operation });
          metrics.graphqlDuration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
          const errors =
            response.body.kind === 'single'
              ? response.body.singleResult.errors
              : response.body.initialResult.errors;
          for (const error of errors ?? [])
            metrics.graphqlErrors.inc({ operation, code: metrics.errorCodeLabel(error.extensions?.code) });
        },
      };
    },
  };
}
