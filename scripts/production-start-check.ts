// npm run test:production-start: the production start exactly as the README's "Against an existing
// PostgreSQL" section writes it (its variables and no others, read from the README itself), on a
// fresh database: the documented migrate step, then the API. Checks it serves /health and the web
// app, and that no demonstration organisation or login exists. Exits 1 on any failure.
//   --admin-url <postgres url>  a server to create (and afterwards drop) one uniquely named database
//                               on; without it, an embedded PostgreSQL in a temporary folder.
import pg from 'pg';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_EMAILS, DEMO_PASSWORD, DEMO_SLUG, startEmbeddedPostgres } from '#app/persistence';
import { withDatabase } from '#app/testing';
import { createCheckList } from './harness/check-list.js';
import { findFreePort } from './harness/find-free-port.js';
import { postGraphql } from './harness/post-graphql.js';
import { startApiProcess, type ApiProcess } from './harness/start-api-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECTION = 'Against an existing PostgreSQL';
const OVERALL_DEADLINE_MS = 180_000;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;

const { checks, check } = createCheckList();

interface Step {
  /** The README's line, for the log. */
  line: string;
  /** Variables the line sets for its command (after any `export`ed before it). */
  env: Record<string, string>;
  script: string;
}

/** `$(openssl rand -hex N)` is the one substitution the README uses: N random bytes in hex. */
function resolveValue(value: string): string {
  const substituted = value.replace(/\$\(openssl rand -hex (\d+)\)/g, (_, n: string) =>
    randomBytes(Number(n)).toString('hex'),
  );
  if (/[$`]/.test(substituted))
    throw new Error(`the README's production lines use "${value}", which this check cannot evaluate`);
  return substituted;
}

/**
 * The README section's first `sh` block as commands: continuation lines joined, comments dropped,
 * `export NAME=value` carried to the lines after it, leading `NAME=value`s applied to their own line.
 */
export function readProductionSteps(readme: string): Step[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(SECTION));
  const block = section && /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`the README has no sh block under "## ${SECTION}"`);
  const exported: Record<string, string> = {};
  const steps: Step[] = [];
  for (const line of block.replace(/\\\n\s*/g, ' ').split('\n')) {
    const command = line.replace(/(^|\s)#.*$/, '').trim();
    if (!command) continue;
    const words = command.match(/[^\s$]*\$\([^)]*\)\S*|\S+/g) ?? [];
    const assign = (target: Record<string, string>) => {
      while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
        const word = words.shift()!;
        const at = word.indexOf('=');
        target[word.slice(0, at)] = resolveValue(word.slice(at + 1));
      }
    };
    if (words[0] === 'export') {
      words.shift();
      assign(exported);
      if (words.length) throw new Error(`cannot read the README's line "${command}"`);
      continue;
    }
    const own: Record<string, string> = {};
    assign(own);
    if (words[0] !== 'npm' || words[1] !== 'run' || words.length !== 3) {
      throw new Error(
        `the README's production lines run "${words.join(' ')}"; this check knows only npm scripts`,
      );
    }
    steps.push({ line: command, env: { ...exported, ...own }, script: words[2]! });
  }
  return steps;
}

/** What an npm script runs once the build is done: `node <args>` (the check runs after a build). */
function nodeArgsOf(script: string): string[] | null {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const text = scripts[script];
  if (text === undefined) throw new Error(`package.json has no script "${script}"`);
  if (text.startsWith('npm run codegen')) return null; // the build itself
  const rest = text.replace(/^npm run build && /, '');
  if (!rest.startsWith('node ')) throw new Error(`the script "${script}" does not run node: ${text}`);
  return rest.slice(5).trim().split(/\s+/);
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

async function main(adminUrlGiven: string | undefined): Promise<void> {
  const steps = readProductionSteps(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const documented = new Set(
    [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^#?\s?([A-Z][A-Z0-9_]*)=/gm)].map(
      (m) => m[1],
    ),
  );
  const startStep = steps.at(-1)!;
  const variables = Object.keys(startStep.env);
  const undocumented = variables.filter((v) => !documented.has(v));
  check(
    'the README production start sets only documented variables',
    undocumented.length === 0 && variables.includes('DATABASE_URL'),
    `${variables.join(', ')}${undocumented.length ? `; not in .env.example: ${undocumented.join(', ')}` : ''}`,
  );

  let folder: string | null = null;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  let adminUrl = adminUrlGiven;
  if (!adminUrl) {
    folder = await mkdtemp(join(tmpdir(), 'pathways-production-start-'));
    embedded = await startEmbeddedPostgres({
      dataDir: join(folder, 'pg'),
      port: await findFreePort(),
      database: 'postgres',
      ephemeral: true,
      onNotice: () => undefined,
    });
    adminUrl = embedded.adminUrl;
  }
  // Named for this run alone: the drop below touches this database and no other.
  const database = `pathways_production_start_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let api: ApiProcess | null = null;
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    const databaseUrl = withDatabase(adminUrl, database);
    console.log(`Fresh database ${database}; the README's production lines, in order:`);
    const base = { PATH: process.env.PATH ?? '', ...(process.env.HOME ? { HOME: process.env.HOME } : {}) };
    for (const step of steps) {
      console.log(`  $ ${step.line.replace(/\s+/g, ' ')}`);
      const args = nodeArgsOf(step.script);
      if (!args) continue; // built already
      const env = { ...base, ...step.env, DATABASE_URL: databaseUrl };
      if (step !== startStep) {
        const result = await run(args, env);
        check(
          `npm run ${step.script} succeeds`,
          result.code === 0,
          result.code === 0 ? 'exit 0' : result.output.slice(-2_000),
        );
        if (result.code !== 0) return;
        continue;
      }
      // The one variable added: a free port, as the README's default 3000 may be taken here.
      const port = await findFreePort();
      const started = Date.now();
      api = await startApiProcess({
        port,
        env: { ...env, PORT: String(port) },
        inheritEnv: false,
        script: args[0],
        args: args.slice(1),
        cwd: ROOT,
      });
      check(
        'the production start becomes ready',
        true,
        `/health/ready answered in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    if (!api) return;

    for (const path of ['/health/live', '/health/ready']) {
      const res = await fetch(`${api.url}${path}`);
      const body = await res.text();
      check(
        `${path} serves`,
        res.status === 200 && body.includes('"ok"'),
        `${res.status} ${body.slice(0, 80)}`,
      );
    }
    const web = await fetch(`${api.url}/`, { redirect: 'manual' });
    await web.arrayBuffer();
    check('the web app is served beside the API', web.status < 400, `GET / answered ${web.status}`);
    const graphiql = await fetch(`${api.url}/graphiql`);
    await graphiql.arrayBuffer();
    check('no GraphiQL in production', graphiql.status === 404, `GET /graphiql answered ${graphiql.status}`);

    const answers: string[] = [];
    for (const email of DEMO_EMAILS) {
      const res = await postGraphql<{ login: { accessToken: string } }>(api.url, LOGIN, {
        input: { email, password: DEMO_PASSWORD },
      });
      answers.push(
        res.data?.login?.accessToken
          ? `${email} signed in`
          : (res.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`),
      );
    }
    check(
      'no demo login signs in with the demo password',
      answers.every((a) => a === 'UNAUTHENTICATED'),
      `${DEMO_EMAILS.length} demo logins: ${[...new Set(answers)].join(', ')}`,
    );
    const q = new pg.Client({ connectionString: databaseUrl });
    await q.connect();
    try {
      const { rows } = await q.query<{ organisations: number; demo: number; users: number }>(
        `SELECT (SELECT count(*) FROM organisation)::int AS organisations,
                (SELECT count(*) FROM organisation WHERE is_demo OR slug = $1)::int AS demo,
                (SELECT count(*) FROM app_user WHERE email = ANY($2))::int AS users`,
        [DEMO_SLUG, DEMO_EMAILS],
      );
      const { organisations, demo, users } = rows[0]!;
      check(
        'no demo organisation or demo account in the database',
        organisations === 0 && demo === 0 && users === 0,
        `${organisations} organisations, ${demo} demo, ${users} demo accounts`,
      );
    } finally {
      await q.end();
    }

    const stopping = Date.now();
    await api.stop();
    const code = await api.exited;
    check(
      'SIGTERM stops it cleanly',
      code === 0,
      `exit ${code} after ${Date.now() - stopping} ms${code === 0 ? '' : `:\n${api.output().slice(-2_000)}`}`,
    );
    api = null;
  } finally {
    await api?.stop(5_000).catch(() => undefined);
    await admin
      .query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`)
      .catch((e: unknown) => {
        check('the check database is dropped', false, String(e));
      });
    await admin.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

let adminUrl: string | undefined;
try {
  ({
    values: { 'admin-url': adminUrl },
  } = parseArgs({ options: { 'admin-url': { type: 'string' } }, strict: true, allowPositionals: false }));
} catch (error) {
  console.error(
    `${(error as Error).message}\nUsage: npm run test:production-start -- [--admin-url postgres://…]`,
  );
  process.exit(2);
}
const started = Date.now();
const deadline = setTimeout(() => {
  console.error(`\nFAIL: the production start check did not finish within ${OVERALL_DEADLINE_MS / 1000} s`);
  process.exit(1);
}, OVERALL_DEADLINE_MS);
try {
  await main(adminUrl);
} catch (error) {
  check('the checks ran to the end', false, String((error as Error).stack ?? error).slice(0, 2_000));
}
clearTimeout(deadline);
const failed = checks.filter((c) => !c.passed);
console.log(
  `\n${checks.length - failed.length} of ${checks.length} production start checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
for (const f of failed) console.log(`  FAILED: ${f.name}`);
console.log(failed.length === 0 ? 'PASS' : 'FAIL');
process.exit(failed.length ? 1 : 0);
