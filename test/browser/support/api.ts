import { DEMO_PASSWORD } from '#app/persistence';

/** A demo person talking to the real API directly, to set up what a browser journey needs. */
export interface ApiSession {
  userId: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

async function post(baseUrl: string, body: unknown, accessToken?: string): Promise<any> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(json.errors.map((e) => e.message).join('; '));
  return json.data;
}

export async function signInToApi(baseUrl: string, email: string): Promise<ApiSession> {
  const { login } = await post(baseUrl, {
    query: 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
    variables: { input: { email, password: DEMO_PASSWORD } },
  });
  const { me } = await post(baseUrl, { query: '{ me { userId } }' }, login.accessToken);
  return {
    userId: me.userId,
    gql: (query, variables) => post(baseUrl, { query, variables }, login.accessToken),
  };
}
