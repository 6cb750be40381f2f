import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, LeaverAccess } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { UuidParam } from '../../graphql/uuid-param.js';
import { SubjectAccessService } from './subject-access.service.js';

/** `GET /subject-access-exports/:id/archive.zip`: the archive, for whoever asked or the person it is about. */
@Controller('subject-access-exports')
export class SubjectAccessController {
  constructor(private readonly service: SubjectAccessService) {}

  @LeaverAccess()
  @Get(':id/archive.zip')
  async download(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { row, stream } = await this.service.open(principal, id);
    res.status(200);
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-length', String(row.sizeBytes));
    res.setHeader('content-disposition', `attachment; filename="subject-access-${row.id}.zip"`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    stream.pipe(res);
  }
}
