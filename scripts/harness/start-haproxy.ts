import { spawn, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LoadBalancer {
  url: string;
  stop(): Promise<void>;
}

/** HAPROXY_PATH, else `haproxy` on the PATH, else Debian's place for it; null when there is none. */
export function findHaproxy(): string | null {
  const candidates = [process.env.HAPROXY_PATH, 'haproxy', '/usr/sbin/haproxy'].filter((c): c is string =>
    Boolean(c),
  );
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-v'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/**
 * HAProxy in the foreground on a loopback port, round-robin over `backends`. Each backend is
 * health-checked on `/health/ready` every 250 ms (2 s to answer) and taken out after two failures; a request that
 * fails to connect is retried on the other backend (`redispatch`), as a council's load balancer
 * would be set up. Only connection failures are retried: a request already sent to an instance
 * that dies may have written, so replaying it could write twice; its client sees the failure.
 */
export async function startHaproxy(options: {
  binary: string;
  folder: string;
  port: number;
  backends: string[];
}): Promise<LoadBalancer> {
  const config = [
    'global',
    '  maxconn 1000',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  retries 3',
    '  option redispatch',
    '  retry-on conn-failure',
    'frontend api',
    `  bind 127.0.0.1:${options.port}`,
    '  default_backend instances',
    'backend instances',
    '  balance roundrobin',
    '  option httpchk GET /health/ready',
    // Without `timeout check` the check's timeout is `inter`: a loaded instance answering readiness
    // in 300 ms counted as down, and with both out every request got HAProxy's own 503.
    '  timeout check 2s',
    '  default-server inter 250ms fall 2 rise 2',
    ...options.backends.map((url, i) => `  server api${i + 1} ${new URL(url).host} check`),
    '',
  ].join('\n');
  const file = join(options.folder, 'haproxy.cfg');
  await writeFile(file, config);
  const check = spawnSync(options.binary, ['-c', '-q', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refused its configuration: ${check.stderr}`);

  const child = spawn(options.binary, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-10_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${errors}`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`haproxy did not pass a request in time: ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
