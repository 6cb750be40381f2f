import { pino, type DestinationStream } from 'pino';

/** One line an entry: a request as "POST /graphql 200 12ms", anything else as its message. */
function formatEntry(log: Record<string, unknown>, messageKey: string): string {
  const context = typeof log.context === 'string' ? `[${log.context}] ` : '';
  const req = log.req as { method?: string; path?: string } | undefined;
  const res = log.res as { statusCode?: number } | undefined;
  if (req && res) return `${context}${req.method} ${req.path} ${res.statusCode} ${log.responseTime}ms`;
  return `${context}${String(log[messageKey])}`;
}

/**
 * Where the API logs: standard output, written synchronously, so lines keep their place among the
 * start-up messages (the banner comes last) and the last ones are not lost when the process exits.
 * In development, readable lines instead of JSON. pino-pretty is a development dependency: where it
 * is not installed (a production install started without NODE_ENV), the log stays JSON.
 */
export async function logDestination(readable: boolean): Promise<DestinationStream> {
  if (readable) {
    try {
      const { default: pretty } = await import('pino-pretty');
      return pretty({
        sync: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,context,req,res,responseTime',
        messageFormat: formatEntry,
      });
    } catch {
      // JSON, then
    }
  }
  return pino.destination({ dest: 1, sync: true });
}
