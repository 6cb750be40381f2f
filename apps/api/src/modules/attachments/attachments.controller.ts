import {
  BadRequestException,
  Controller,
  Get,
  Post,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '#app/domain';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { UuidParam } from '../../graphql/uuid-param.js';
import { AttachmentsService } from './attachments.service.js';

/**
 * Plain authenticated HTTP beside GraphQL for file bytes:
 * - `POST /evidence/:evidenceId/attachments` with the file as the raw body and its name in
 *   `X-File-Name` (URI-encoded) adds it to the current draft; the body is sent as
 *   `application/octet-stream` or the file's own type, never JSON or form data (415);
 * - `GET /attachments/:id` downloads it, for whoever may see the version it belongs to.
 */
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('evidence/:evidenceId/attachments')
  async upload(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('evidenceId') evidenceId: string,
    @Req() req: Request,
  ) {
    refuseParsedBody(req);
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
    @UuidParam('id') id: string,
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

/**
 * The JSON and form parsers in front of every route consume those bodies before this handler runs,
 * leaving no bytes to read (the upload used to wait for them forever): refused at once instead.
 */
function refuseParsedBody(req: Request): void {
  if (req.is(['application/json', 'application/x-www-form-urlencoded']) || req.readableEnded) {
    throw new UnsupportedMediaTypeException({
      field: 'content-type',
      message:
        'Send the file as the raw body, as application/octet-stream or its own type, not JSON or form data.',
    });
  }
}

/**
 * Reads the raw body, stopping as soon as it passes `limit` bytes. A client that goes away or
 * sends too slowly (Node answers 408 and closes the connection after HTTP_REQUEST_TIMEOUT_SECONDS)
 * ends the read with a client error, not an unexpected one.
 */
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
    const cutOff = () =>
      reject(new BadRequestException({ field: 'file', message: 'The file did not arrive in full.' }));
    req.on('error', cutOff);
    req.on('close', () => {
      if (!req.readableEnded) cutOff();
    });
  });
}
