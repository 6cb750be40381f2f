import { PassThrough } from 'node:stream';
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Zip, ZipPassThrough } from 'fflate';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { UuidParam } from '../../graphql/uuid-param.js';
import { renderPortfolioPdf } from '../portfolio-exports/render-portfolio-pdf.js';
import { ModerationPackPdfService } from './moderation-pack-pdf.service.js';

/**
 * `GET /moderation-packs/:packId/portfolios.zip`: a pack's portfolios as anonymised PDFs, one per
 * sampled ASYE (`practitioner-a.pdf`, …), in a zip (stored, not deflated: PDFs are compressed
 * already). Refusals answer like GraphQL: `{ error: { code, domainCode, field, message } }`.
 */
@Controller('moderation-packs')
export class ModerationPacksController {
  constructor(private readonly packs: ModerationPackPdfService) {}

  @Get(':packId/portfolios.zip')
  async portfolios(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('packId') packId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { drawnOn, files } = await this.packs.prepare(principal, packId);
    res.status(200);
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', `attachment; filename="moderation-pack-${drawnOn}.zip"`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    const zip = new Zip((error, chunk, final) => {
      if (error) return void res.destroy();
      res.write(chunk);
      if (final) res.end();
    });
    try {
      for (const file of files) {
        const entry = new ZipPassThrough(file.name);
        zip.add(entry);
        const pdf = new PassThrough();
        const rendered = renderPortfolioPdf(file.document, pdf);
        for await (const chunk of pdf) entry.push(chunk as Uint8Array);
        await rendered;
        entry.push(new Uint8Array(0), true);
      }
      zip.end();
    } catch {
      res.destroy();
    }
  }
}
