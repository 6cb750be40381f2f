import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ApiProcess {
  pid: number;
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string | null>;
  /** SIGTERM, then SIGKILL if it has not ended within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Ends it at once, as a crash would. */
  kill(): Promise<void>;
  /** The last 20 MB of its standard output and error. */
  output(): string;
}

export const API_MAIN = fileURLToPath(new URL('../../apps/api/src/main.js', import.meta.url));

/**
 * Starts the compiled API (`dist/apps/api/src/main.js`) as a child process on a loopback port and
 * waits until it answers `/health/ready`. Its output is kept and shown if it fails to start.
 */
export async function startApiProcess(options: {
  port: number;
  env: Record<string, string>;
  /** Start from this process's environment (the default), or from `env` alone. */
  inheritEnv?: boolean;
  /** Executable for the process (default: this Node). */
  node?: string;
  script?: string;
  args?: string[];
  cwd?: string;
  readyPath?: string;
  timeoutMs?: number;
  /** In a process group of its own, so a test can signal the group as a terminal's Ctrl-C does. */
  detached?: boolean;
}): Promise<ApiProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    options.node ?? process.execPath,
    [options.script ?? API_MAIN, ...(options.args ?? [])],
    {
      cwd: options.cwd,
      env: options.inheritEnv === false ? options.env : { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.detached,
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  let ended = false;
  void exited.then(() => (ended = true));

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (ended) throw new Error(`the process exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the process was not ready in time:\n${output}`);
    }
    try {
      const res = await fetch(`${url}${options.readyPath ?? '/health/ready'}`, {
        signal: AbortSignal.timeout(1_000),
      });
      if (res.ok || (options.readyPath && res.status < 500)) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const end = async (signal: NodeJS.Signals, graceMs: number) => {
    if (ended) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return {
    pid: child.pid!,
    url,
    child,
    exited,
    stop: (graceMs = 10_000) => end('SIGTERM', graceMs),
    kill: () => end('SIGKILL', 0),
    output: () => output,
  };
}
