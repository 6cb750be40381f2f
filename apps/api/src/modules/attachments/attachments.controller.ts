import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '#app/domain';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { AttachmentsService } from './attachments.service.js';

/**
 * Plain authenticated HTTP beside GraphQL for file bytes:
 * - `POST /evidence/:evidenceId/attachments` with the file as the raw body and its name in
 *   `X-File-Name` (URI-encoded) adds it to the current draft;
 * - `GET /attachments/:id` downloads it, for whoever may see the version it belongs to.
 */
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('evidence/:evidenceId/attachments')
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param('evidenceId', new ParseUUIDPipe()) evidenceId: string,
    @Req() req: Request,
  ) {
    const fileName = readFileName(req.headers['x-file-name']);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.attachments.maxBytes) throw this.attachments.tooLarge();
    const bytes = await readBody(req, this.attachments.maxBytes, () => this.attachments.tooLarge());
    const a = await this.attachments.add(principal, evidenceId, fileName, bytes);
    return {
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
    };
  }

  @Get('attachments/:id')
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { attachment, stream } = await this.attachments.open(principal, id);
    res.status(200);
    res.setHeader('content-type', attachment.contentType);
    res.setHeader('content-length', String(attachment.sizeBytes));
    res.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    stream.pipe(res);
  }
}

function readFileName(header: string | string[] | undefined): string {
  let decoded: string;
  try {
    decoded = typeof header === 'string' ? decodeURIComponent(header).trim() : '';
  } catch {
    decoded = '';
  }
  // Keep the last path segment only, without control characters.
  const name = [...decoded.split(/[\\/]/).pop()!].filter((c) => c >= ' ' && c !== '\u007f').join('');
  if (name.length === 0 || name.length > 255) {
    throw new DomainError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      'Name the file in the X-File-Name header (1 to 255 characters).',
      'fileName',
    );
  }
  return name;
}

/** Reads the raw body, stopping as soon as it passes `limit` bytes. */
function readBody(req: Request, limit: number, tooLarge: () => Error): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
