import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, LeaverAccess } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { UuidParam } from '../../graphql/uuid-param.js';
import { CpdLogService } from './cpd-log.service.js';
import { CpdLogQuery } from './dto/cpd-log.query.js';
import { PortfolioPdfService } from './portfolio-pdf.service.js';
import { renderPortfolioPdf } from './render-portfolio-pdf.js';

/**
 * Portfolios outside the system, as plain authenticated HTTP beside GraphQL:
 * - `GET /practitioners/:practitionerUserId/portfolio.pdf`: the portfolio as a PDF (the practitioner, or a PSW for a panel);
 * - `GET /practitioners/:practitionerUserId/cpd-log.csv?registrationYear=2025-26`: the CPD log for the regulator.
 * Refusals answer like GraphQL: `{ error: { code, domainCode, field, message } }`.
 */
@Controller('practitioners')
export class PortfolioExportsController {
  constructor(
    private readonly pdf: PortfolioPdfService,
    private readonly cpdLog: CpdLogService,
    private readonly clock: Clock,
  ) {}

  @LeaverAccess()
  @Get(':practitionerUserId/portfolio.pdf')
  async portfolioPdf(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('practitionerUserId') practitionerUserId: string,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.pdf.prepare(principal, practitionerUserId);
    res.status(200);
    privateDownload(res, 'application/pdf', `portfolio-${this.clock.today()}.pdf`);
    await renderPortfolioPdf(model, res).catch(() => res.destroy());
  }

  @LeaverAccess()
  @Get(':practitionerUserId/cpd-log.csv')
  async cpdLogCsv(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('practitionerUserId') practitionerUserId: string,
    @Query() query: CpdLogQuery,
    @Res() res: Response,
  ): Promise<void> {
    const log = await this.cpdLog.csv(principal, practitionerUserId, query.registrationYear);
    res.status(200);
    privateDownload(res, 'text/csv; charset=utf-8', `cpd-log-${log.registrationYear}.csv`);
    log.csv.pipe(res);
  }
}

function privateDownload(res: Response, contentType: string, fileName: string): void {
  res.setHeader('content-type', contentType);
  res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'private, no-store');
}
