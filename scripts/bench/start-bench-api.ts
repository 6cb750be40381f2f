// The API under test: production mode as a child process on a loopback port, with the web app.
import { randomBytes } from 'node:crypto';
import { findFreePort } from '../harness/find-free-port.js';
import { postGraphql } from '../harness/post-graphql.js';
import { sampleProcessMemory } from '../harness/read-process-memory.js';
import { startApiProcess, type ApiProcess } from '../harness/start-api-process.js';
import { syntheticEmail } from '../synthetic/seed-synthetic-data.js';

const log = (line: string) => console.log(line);

/** Access tokens of the synthetic organisation's known logins, and of a practitioner who writes. */
export interface BenchTokens {
  practitioner: string;
  reviewer: string;
  psw: string;
  writer: string;
}

export interface BenchApi {
  api: ApiProcess;
  apiStartSeconds: number;
  /** The API's memory, sampled from its start. */
  memory: ReturnType<typeof sampleProcessMemory>;
  tokens: BenchTokens;
  /** Stops the API before the bench ends (the national step runs one per database). */
  stop(): Promise<void>;
}

/** 4. The API in production mode as a child process on a loopback port, and its logins. */
export async function startBenchApi(options: {
  databaseUrl: string;
  jwtSecret: string;
  password: string;
  cleanups: (() => Promise<unknown>)[];
  /** Whose logins: the synthetic organisation with this number (1 unless told). */
  orgNo?: number;
}): Promise<BenchApi> {
  const { databaseUrl, jwtSecret, password, cleanups, orgNo = 1 } = options;
  const apiPort = await findFreePort();
  const apiStarted = performance.now();
  const api = await startApiProcess({
    port: apiPort,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      CREDENTIAL_KEY_SECRET: jwtSecret,
      // The web app in the same process, as npm start serves it: its pages are measured in step 9.
      WEB_ENABLED: 'true',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}`,
      DB_MIGRATIONS_RUN: 'false',
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    },
  });
  const apiStartSeconds = (performance.now() - apiStarted) / 1000;
  const memory = sampleProcessMemory(api.pid);
  let stopping = false;
  void api.exited.then((code) => {
    if (!stopping)
      log(`\nThe API exited during the bench (${code}); its last output:\n${api.output().slice(-3000)}`);
  });
  const stop = () => {
    stopping = true;
    memory.stop();
    return api.stop();
  };
  cleanups.push(stop);
  log(`API (production mode) ready in ${apiStartSeconds.toFixed(1)} s on ${api.url}, pid ${api.pid}`);

  const tokens = {
    practitioner: await login(api.url, syntheticEmail(orgNo, 'practitioner'), password),
    reviewer: await login(api.url, syntheticEmail(orgNo, 'reviewer'), password),
    psw: await login(api.url, syntheticEmail(orgNo, 'psw'), password),
    writer: await login(api.url, syntheticEmail(orgNo, 'sw-00003'), password),
  };
  return { api, apiStartSeconds, memory, tokens, stop };
}

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await postGraphql<{ login: { accessToken: string } }>(
    url,
    `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email, password } },
  );
  if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
  return res.data.login.accessToken;
}
