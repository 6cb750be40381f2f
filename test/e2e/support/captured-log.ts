import { Writable } from 'node:stream';

/** A stack frame as Node prints one: none may reach a client or, in production, the log. */
export const STACK_FRAME = /\bat .+\.(js|ts):\d+|\n\s+at /;

/**
 * A log destination for `createTestApp({ logDestination })` that keeps every line the app writes,
 * so a test can read what was (and was not) logged; `lines.length = 0` starts afresh.
 */
export function captureLog(): { lines: string[]; destination: Writable } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}
