import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../harness/find-free-port.js';
import { startApiProcess } from '../harness/start-api-process.js';

/** `npm start` on an empty data folder: from starting the process to the API answering. */
export async function measureColdStart(): Promise<{ seconds: number } | { error: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'pathways-cold-start-'));
  const [port, pgPort] = [await findFreePort(), await findFreePort()];
  const started = performance.now();
  try {
    const api = await startApiProcess({
      port,
      cwd: folder,
      env: {
        NODE_ENV: 'development',
        PORT: String(port),
        DATA_DIR: join(folder, 'data'),
        EMBEDDED_PG_PORT: String(pgPort),
        LOG_LEVEL: 'warn',
      },
      timeoutMs: 120_000,
    });
    const seconds = (performance.now() - started) / 1000;
    await api.stop(30_000);
    return { seconds };
  } catch (error) {
    return { error: String(error).slice(0, 500) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
