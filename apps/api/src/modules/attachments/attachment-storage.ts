import { Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/** Where attachment bytes live. Keys are opaque to callers; the database keeps them. */
export abstract class AttachmentStorage {
  /** Stores the bytes (idempotent for the same organisation and checksum) and returns their key. */
  abstract put(organisationId: string, sha256: string, bytes: Buffer): Promise<string>;
  abstract open(key: string): Promise<Readable>;
  /** Deletes the bytes (erasure); a key already gone is not an error. */
  abstract remove(key: string): Promise<void>;
}

/**
 * The default store: files on local disk under the data folder, content-addressed per organisation,
 * written to a temporary name and renamed so a reader never sees half a file.
 */
@Injectable()
export class LocalDiskAttachmentStorage extends AttachmentStorage {
  constructor(private readonly root: string) {
    super();
  }

  async put(organisationId: string, sha256: string, bytes: Buffer): Promise<string> {
    const key = `${organisationId}/${sha256.slice(0, 2)}/${sha256}`;
    const path = this.pathOf(key);
    const existing = await stat(path).catch(() => null);
    if (existing?.size === bytes.length) return key;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomUUID()}.part`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
    return key;
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path);
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error('malformed attachment key');
    return join(this.root, key);
  }
}
