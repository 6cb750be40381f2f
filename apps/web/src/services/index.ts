import type { WebConfig } from '../config.js';
import { ApiHttpClient } from '../data/apiHttpClient.js';
import { GraphqlClient } from '../data/graphqlClient.js';
import { AuthService } from './authService.js';

/** Everything the routes use, built once per app. */
export interface Services {
  graphql: GraphqlClient;
  http: ApiHttpClient;
  auth: AuthService;
}

export function createServices(config: WebConfig): Services {
  const graphql = new GraphqlClient(config.apiUrl);
  return { graphql, http: new ApiHttpClient(config.apiUrl), auth: new AuthService(graphql) };
}
