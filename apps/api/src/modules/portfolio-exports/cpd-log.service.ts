import { Injectable } from '@nestjs/common';
import { stringify, type Stringifier } from 'csv-stringify';
import { cpdActivityTypeLabel, DomainError, registrationYearOf } from '#app/domain';
import { AuditEventRepository, PortfolioExportRepository } from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { AccessPolicyService } from '../access/access-policy.service.js';

const EXPORT_ROLES = ['PRACTITIONER', 'PRINCIPAL_SOCIAL_WORKER'] as const;

/** The columns Social Work England's online CPD record asks for (reference §3.3), in its order. */
export const CPD_LOG_COLUMNS = [
  { key: 'title', header: 'Title' },
  { key: 'date', header: 'Date' },
  { key: 'type', header: 'Type of CPD' },
  { key: 'description', header: 'Description' },
  { key: 'learning', header: 'What I learnt' },
  { key: 'impact', header: 'Impact on my practice' },
  { key: 'peerReflection', header: 'Peer reflection' },
] as const;

export interface CpdLog {
  registrationYear: string;
  rows: number;
  csv: Stringifier;
}

/**
 * A practitioner's CPD for one SWE registration year (1 December to 30 November) as CSV, ready to
 * copy into the regulator's account: UTF-8 with a byte-order mark (so spreadsheets read accents),
 * quoted where needed, and cells that begin with = + - @ (or a tab or carriage return) prefixed
 * with an apostrophe, so a spreadsheet never runs them as formulas.
 */
@Injectable()
export class CpdLogService {
  constructor(
    private readonly exports: PortfolioExportRepository,
    private readonly access: AccessPolicyService,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async csv(principal: Principal, practitionerUserId: string, registrationYear?: string): Promise<CpdLog> {
    await this.access.require(principal, practitionerUserId, 'EXPORT', {
      field: 'practitionerUserId',
      message: 'Only the practitioner or a Principal Social Worker may export this CPD log.',
    });
    const year = registrationYear ? yearOfLabel(registrationYear) : registrationYearOf(this.clock.today());
    const label = `${year.start.slice(0, 4)}-${year.end.slice(2, 4)}`;
    const rows = await this.exports.findCpdLog(
      principal.organisationId,
      practitionerUserId,
      year.start,
      year.end,
    );
    await this.audit.recordAudit({
      organisationId: principal.organisationId,
      actorUserId: principal.userId,
      actorRole: actingRole(principal, EXPORT_ROLES),
      action: 'CPD_LOG_EXPORTED',
      entityType: 'USER',
      entityId: practitionerUserId,
      subjectUserId: practitionerUserId,
      changes: { registrationYear: label, rows: rows.length },
    });
    const csv = stringify({
      header: true,
      columns: CPD_LOG_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
      bom: true,
      escape_formulas: true,
      record_delimiter: 'windows',
    });
    for (const row of rows) {
      csv.write({
        title: row.title,
        date: row.date,
        type: cpdActivityTypeLabel(row.type),
        description: row.description,
        learning: row.learning,
        impact: row.impact,
        peerReflection: row.peerReflection ?? '',
      });
    }
    csv.end();
    return { registrationYear: label, rows: rows.length, csv };
  }
}

/** "2025-26" → 1 December 2025 to 30 November 2026. */
function yearOfLabel(label: string): { start: string; end: string } {
  const start = Number(label.slice(0, 4));
  if (!/^\d{4}-\d{2}$/.test(label) || Number(label.slice(5, 7)) !== (start + 1) % 100) {
    throw new DomainError(
      'INVALID_DATE_RANGE',
      'A registration year is two consecutive years, like 2025-26.',
      'registrationYear',
    );
  }
  return registrationYearOf(`${start}-12-01`);
}
