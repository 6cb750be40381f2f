import { startEmbeddedPostgres } from './start-embedded-postgres.js';

export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL under the data folder. */
export async function resolveDatabaseServer(settings: {
  url?: string;
  dataDir: string;
  embeddedPort: number;
  onLog?: (line: string) => void;
}): Promise<DatabaseServer> {
  if (settings.url) return { url: settings.url, embedded: false, stop: async () => undefined };
  let handle;
  try {
    handle = await startEmbeddedPostgres({
      dataDir: settings.dataDir,
      port: settings.embeddedPort,
      database: 'pathways',
      onLog: settings.onLog,
    });
  } catch (error) {
    // embedded-postgres rejects with `undefined` when the server exits (a port in use, say).
    const detail = error instanceof Error ? `: ${error.message}` : '';
    throw new Error(
      `The embedded PostgreSQL could not start on port ${settings.embeddedPort}${detail}. ` +
        `Is another PostgreSQL (or another Pathways) using that port? Set EMBEDDED_PG_PORT to a free port, ` +
        `or DATABASE_URL to use an existing server.`,
      { cause: error },
    );
  }
  return { url: handle.url, embedded: true, stop: () => handle.stop() };
}
