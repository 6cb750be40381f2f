import type { INestApplication } from '@nestjs/common';
import { gql, TEST_PASSWORD } from '#app/testing';

export interface Session {
  accessToken: string;
  refreshToken: string;
}

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      refreshTokenExpiresAt
    }
  }
`;

/** Signs in through the API, as a client would. */
export async function login(app: INestApplication, email: string, organisationId?: string): Promise<Session> {
  const res = await gql<{ login: Session }>(app, LOGIN, {
    input: { email, password: TEST_PASSWORD, organisationId },
  });
  if (!res.data?.login) throw new Error(`login failed for test user: ${JSON.stringify(res.errors)}`);
  return res.data.login;
}
