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
  const handle = await startEmbeddedPostgres({
    dataDir: settings.dataDir,
    port: settings.embeddedPort,
    database: 'pathways',
    onLog: settings.onLog,
  });
  return { url: handle.url, embedded: true, stop: () => handle.stop() };
}
