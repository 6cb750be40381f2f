import { Injectable } from '@nestjs/common';
import { createPackAnonymiser, labelSample, type PackPerson } from '#app/domain';
import { AuditEventRepository, UserRepository } from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import type { PortfolioDocument } from '../portfolio-exports/portfolio-document.js';
import { PortfolioPdfService } from '../portfolio-exports/portfolio-pdf.service.js';
import { anonymisePortfolioDocument } from './anonymise-portfolio-document.js';
import { ModerationService } from './moderation.service.js';

export interface PackFiles {
  drawnOn: string;
  files: { name: string; document: PortfolioDocument }[];
}

/**
 * The portfolios of a pack, anonymised with one anonymiser for the whole pack so that a person or an
 * identifier has the same placeholder in every portfolio: the sampled NQSWs ("Practitioner A"), their
 * assessors ("Assessor 1"), and their line managers and every other reviewer ("Colleague 1").
 */
@Injectable()
export class ModerationPackPdfService {
  constructor(
    private readonly moderation: ModerationService,
    private readonly pdf: PortfolioPdfService,
    private readonly users: UserRepository,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async prepare(principal: Principal, packId: string): Promise<PackFiles> {
    const { organisationId } = principal;
    const { pack, programmes } = await this.moderation.readable(principal, packId);
    const labelled = labelSample(
      pack.asyeIds.map((asyeId, i) => ({ asyeId, assessorUserId: pack.assessorUserIds[i]! })),
    );
    const sampled = labelled.map((l) => ({ ...l, programme: programmes.get(l.asyeId)! }));
    const documents: PortfolioDocument[] = [];
    for (const s of sampled) {
      documents.push(await this.pdf.documentWithoutCodes(organisationId, s.programme.practitionerUserId));
    }
    const practitioners = sampled.map((s) => s.programme.practitionerUserId);
    const assessors = unique(sampled.map((s) => s.assessorUserId));
    const others = unique([
      ...sampled.flatMap((s) => [s.programme.assessorUserId, s.programme.lineManagerUserId]),
      ...documents.flatMap((d) => d.pieces.flatMap((p) => (p.signOff ? [p.signOff.reviewerUserId] : []))),
    ]);
    const users = new Map(
      (
        await this.users.findByIdsInOrganisation(
          organisationId,
          unique([...practitioners, ...assessors, ...others]),
        )
      ).map((u) => [u.id, u]),
    );
    const person = (userId: string): PackPerson => ({
      userId,
      name: users.get(userId)?.fullName ?? '',
      registrationNumber: users.get(userId)?.registrationNumber ?? null,
    });
    const anonymiser = createPackAnonymiser({
      practitioners: practitioners.map(person),
      assessors: assessors.map(person),
      others: others.map(person),
    });
    await this.audit.recordAudit({
      organisationId,
      actorUserId: principal.userId,
      actorRole: actingRole(principal, ['PRINCIPAL_SOCIAL_WORKER']),
      action: 'MODERATION_PACK_DOWNLOADED',
      entityType: 'MODERATION_PACK',
      entityId: pack.id,
      subjectUserId: null,
      changes: { portfolios: sampled.length },
    });
    return {
      drawnOn: this.clock.dayOf(pack.drawnAt),
      files: sampled.map((s, i) => ({
        name: `${s.practitionerLabel.toLowerCase().replace(/\s+/g, '-')}.pdf`,
        document: anonymisePortfolioDocument(documents[i]!, s.programme.practitionerUserId, anonymiser),
      })),
    };
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
