import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Response } from 'express';

/**
 * Streams an API download (attachment, PDF, CSV, archive) to the browser with the headers that
 * describe it. The browser holds no API token, so every file comes through the web server this way.
 */
export function sendDownload(res: Response, response: globalThis.Response): void {
  for (const header of ['content-type', 'content-length', 'content-disposition']) {
    const value = response.headers.get(header);
    if (value) res.setHeader(header, value);
  }
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  if (!response.body) return void res.end();
  // Headers are sent by now: a failure mid-file can only cut the connection.
  Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)
    .on('error', () => res.destroy())
    .pipe(res);
}
