import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

/**
 * Writes a zip file as it is built (fflate's streaming Zip), hashing it on the way: JSON entries
 * are deflated, files are stored as they are (PDFs and images do not shrink).
 */
export class ArchiveWriter {
  private readonly zip: Zip;
  private readonly hash = createHash('sha256');
  private size = 0;
  private readonly done: Promise<void>;

  constructor(path: string) {
    const out = createWriteStream(path, { mode: 0o600 });
    let fail: (error: Error) => void = () => undefined;
    this.done = new Promise<void>((resolve, reject) => {
      fail = reject;
      out.on('error', reject);
      out.on('finish', resolve);
    });
    this.zip = new Zip((error, chunk, final) => {
      if (error) return fail(error);
      this.hash.update(chunk);
      this.size += chunk.length;
      out.write(chunk);
      if (final) out.end();
    });
  }

  addJson(name: string, value: unknown): void {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    entry.push(new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`), true);
  }

  async addStream(name: string, stream: Readable): Promise<void> {
    const entry = new ZipPassThrough(name);
    this.zip.add(entry);
    for await (const chunk of stream) entry.push(chunk as Uint8Array);
    entry.push(new Uint8Array(0), true);
  }

  async finish(): Promise<{ sizeBytes: number; sha256: string }> {
    this.zip.end();
    await this.done;
    return { sizeBytes: this.size, sha256: this.hash.digest('hex') };
  }
}
