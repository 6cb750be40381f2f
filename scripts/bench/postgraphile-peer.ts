// PostGraphile 5 beside the API, over the same database: the bench's point of comparison.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../harness/find-free-port.js';
import { postGraphql } from '../harness/post-graphql.js';
import { startApiProcess, type ApiProcess } from '../harness/start-api-process.js';
import { PORTFOLIO, PORTFOLIO_POSTGRAPHILE } from './bench-operations.js';
import { POSTGRAPHILE_SCHEMA } from './postgraphile-views.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const log = (line: string) => console.log(line);

/** The bench-only package that holds PostGraphile 5 and the Node 22 it needs (kept out of the root). */
const PEER_PACKAGE = join(ROOT, 'bench', 'postgraphile');

/**
 * The peer's Node, after installing the peer package when its modules are missing or older than its
 * lock file. Its own Node runs it, so the root's scripts keep running on the machine's Node.
 */
function preparePostgraphile(): { node: string; script: string } {
  const node = join(PEER_PACKAGE, 'node_modules', '.bin', 'node');
  const installed = join(PEER_PACKAGE, 'node_modules', '.package-lock.json');
  const lock = join(PEER_PACKAGE, 'package-lock.json');
  const stale =
    !existsSync(node) ||
    !existsSync(installed) ||
    (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);
  if (stale) {
    const command = existsSync(lock) ? 'ci' : 'install';
    log(`Installing the PostGraphile peer (npm ${command} in bench/postgraphile, once)`);
    execFileSync('npm', [command, '--prefix', PEER_PACKAGE, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: 'inherit',
    });
  }
  if (!existsSync(node)) throw new Error('the peer package installed no Node');
  return { node, script: join(PEER_PACKAGE, 'server.mjs') };
}

/** PostGraphile when it runs, or why it does not. */
export interface Peer {
  peer: ApiProcess | null;
  peerReason: string | null;
  peerNode: string | null;
}

/** 5. PostGraphile 5 on another loopback port, over the same database (unless skipped). */
export async function startPostgraphile(options: {
  skip: boolean;
  databaseUrl: string;
  jwtSecret: string;
  poolSize: number;
  cleanups: (() => Promise<unknown>)[];
}): Promise<Peer> {
  const { databaseUrl, jwtSecret, cleanups } = options;
  let peer: ApiProcess | null = null;
  let peerReason: string | null = null;
  let peerNode: string | null = null;
  if (options.skip) peerReason = 'skipped (--skip-postgraphile)';
  else {
    try {
      const { node, script } = preparePostgraphile();
      const port = await findFreePort();
      peer = await startApiProcess({
        port,
        node,
        script,
        cwd: PEER_PACKAGE,
        args: [String(port)],
        env: {
          BENCH_DATABASE_URL: databaseUrl,
          BENCH_SCHEMA: POSTGRAPHILE_SCHEMA,
          BENCH_JWT_SECRET: jwtSecret,
          BENCH_POOL_SIZE: String(options.poolSize),
        },
        readyPath: '/graphql',
      });
      cleanups.push(() => peer!.stop());
      peerNode = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '');
      log(`PostGraphile 5 (Node ${peerNode}) ready on ${peer.url}`);
    } catch (error) {
      peerReason = `failed to start: ${String(error).split('\n').slice(0, 6).join(' ')}`;
    }
  }
  return { peer, peerReason, peerNode };
}

/**
 * The same portfolio page read from both, compared by its shape; a failed read on PostGraphile stops
 * it and records why (`found` is updated).
 */
export async function comparePortfolio(apiUrl: string, token: string, found: Peer): Promise<string | null> {
  const { peer } = found;
  let peerShape: string | null = null;
  if (peer) {
    const ours = await postGraphql<{ portfolio: { nodes: { versions: { mappings: unknown[] }[] }[] } }>(
      apiUrl,
      PORTFOLIO,
      {},
      { token },
    );
    const theirs = await postGraphql<{
      allEvidences: { nodes: { versions: { nodes: { mappings: { nodes: unknown[] } }[] } }[] };
    }>(peer.url, PORTFOLIO_POSTGRAPHILE, {}, { token });
    if (theirs.errors?.length) {
      found.peerReason = `the portfolio read failed on PostGraphile: ${JSON.stringify(theirs.errors).slice(0, 300)}`;
      await peer.stop();
      found.peer = null;
    } else {
      const shape = (pieces: number, versions: number, mappings: number) =>
        `${pieces} pieces, ${versions} versions, ${mappings} mappings`;
      const o = ours.data!.portfolio.nodes;
      const t = theirs.data!.allEvidences.nodes;
      peerShape = `ours ${shape(o.length, o.flatMap((n) => n.versions).length, o.flatMap((n) => n.versions.flatMap((v) => v.mappings)).length)}; PostGraphile ${shape(t.length, t.flatMap((n) => n.versions.nodes).length, t.flatMap((n) => n.versions.nodes.flatMap((v) => v.mappings.nodes)).length)}`;
      log(`Portfolio page compared: ${peerShape}`);
    }
  }

  return peerShape;
}
