import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { drawModerationSample, DomainError, labelSample } from '#app/domain';
import {
  AsyeProgrammeRepository,
  AuditEventRepository,
  ModerationPackRepository,
  type AsyeProgrammeEntity,
  type ModerationPackEntity,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { AccessPolicyService } from '../access/access-policy.service.js';
import { SEED_MAX, type DrawModerationPackInput } from './dto/draw-moderation-pack.input.js';
import type { ModerationPack } from './models/moderation-pack.model.js';

const MODERATOR_ROLES = ['PRINCIPAL_SOCIAL_WORKER'] as const;

/** A pack the caller may read, with the ASYE programmes it sampled (by id). */
export interface ReadablePack {
  pack: ModerationPackEntity;
  programmes: Map<string, AsyeProgrammeEntity>;
}

/**
 * Moderation packs: a PSW draws a sample of the organisation's ASYE portfolios (one per NQSW: the
 * ASYE started last within the cohort) and reads it back by labels. Whether the caller may draw an
 * ASYE into a sample, or read a pack, is the access policy's MODERATE decision for each NQSW in it;
 * a pack the caller may not read answers as an unknown one.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly packs: ModerationPackRepository,
    private readonly programmes: AsyeProgrammeRepository,
    private readonly access: AccessPolicyService,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async draw(principal: Principal, input: DrawModerationPackInput): Promise<ModerationPack> {
    const { organisationId } = principal;
    const from = input.startedFrom ?? null;
    const to = input.startedTo ?? null;
    if (from && to && from > to) {
      throw new DomainError(
        'INVALID_DATE_RANGE',
        'The cohort’s first day is after its last.',
        'input.startedTo',
      );
    }
    const started = await this.programmes.findStartedBetween(organisationId, from, to);
    const latest = [...latestPerPractitioner(started).values()];
    const allowed = await this.moderatable(
      principal,
      latest.map((p) => p.practitionerUserId),
    );
    const candidates = latest.filter((p) => allowed.has(p.practitionerUserId));
    if (latest.length > 0 && candidates.length === 0) {
      throw new DomainError(
        'ACCESS_DENIED',
        'Only a Principal Social Worker draws moderation samples.',
        'input',
      );
    }
    const seed = input.seed ?? randomInt(0, SEED_MAX + 1);
    const sample = drawModerationSample(
      candidates.map((p) => ({ asyeId: p.id, assessorUserId: p.assessorUserId })),
      { size: input.size, method: input.method, seed },
    );
    return this.dataSource.transaction(async (manager) => {
      const pack = await this.packs.insert(
        {
          organisationId,
          method: input.method,
          seed,
          size: sample.length,
          eligibleCount: candidates.length,
          cohortStartedFrom: from,
          cohortStartedTo: to,
          asyeIds: sample.map((s) => s.asyeId),
          assessorUserIds: sample.map((s) => s.assessorUserId),
          drawnByUserId: principal.userId,
          drawnAt: this.clock.now(),
        },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, MODERATOR_ROLES),
          action: 'MODERATION_PACK_DRAWN',
          entityType: 'MODERATION_PACK',
          entityId: pack.id,
          subjectUserId: null,
          changes: {
            method: pack.method,
            seed,
            size: pack.size,
            eligible: pack.eligibleCount,
            cohort: { startedFrom: from, startedTo: to },
            asyeIds: pack.asyeIds,
          },
        },
        manager,
      );
      return toModel(pack);
    });
  }

  /** One pack the caller may read; an unknown one, another organisation's and a refused one alike. */
  async pack(principal: Principal, id: string): Promise<ModerationPack> {
    return toModel((await this.readable(principal, id)).pack);
  }

  /** The organisation's packs the caller may read, newest first (none for anyone but a PSW). */
  async list(principal: Principal): Promise<ModerationPack[]> {
    const packs = await this.packs.findForOrganisation(principal.organisationId);
    const programmes = await this.programmes.findByIds(principal.organisationId, [
      ...new Set(packs.flatMap((p) => p.asyeIds)),
    ]);
    const practitionerOf = new Map(programmes.map((p) => [p.id, p.practitionerUserId]));
    const allowed = await this.moderatable(principal, [...practitionerOf.values()]);
    return packs
      .filter((pack) =>
        pack.asyeIds.every((id) => {
          const practitioner = practitionerOf.get(id);
          return practitioner !== undefined && allowed.has(practitioner);
        }),
      )
      .map(toModel);
  }

  /** The pack and its programmes, when the policy lets the caller moderate every NQSW in it. */
  async readable(principal: Principal, id: string): Promise<ReadablePack> {
    const { organisationId } = principal;
    const pack = await this.packs.findById(organisationId, id);
    const programmes = pack ? await this.programmes.findByIds(organisationId, pack.asyeIds) : [];
    const allowed = await this.moderatable(
      principal,
      programmes.map((p) => p.practitionerUserId),
    );
    if (
      !pack ||
      programmes.length !== pack.asyeIds.length ||
      programmes.some((p) => !allowed.has(p.practitionerUserId))
    ) {
      throw new DomainError('MODERATION_PACK_NOT_FOUND', 'No such moderation pack.', 'id');
    }
    return { pack, programmes: new Map(programmes.map((p) => [p.id, p])) };
  }

  /** The NQSWs among `userIds` the policy lets the caller moderate. */
  private async moderatable(principal: Principal, userIds: readonly string[]): Promise<Set<string>> {
    return new Set((await this.access.findMany(principal, userIds, 'MODERATE')).keys());
  }
}

/** Each NQSW's ASYE started last (ties to the larger id), so a pack holds one portfolio per person. */
function latestPerPractitioner(programmes: readonly AsyeProgrammeEntity[]): Map<string, AsyeProgrammeEntity> {
  const latest = new Map<string, AsyeProgrammeEntity>();
  for (const p of programmes) {
    const seen = latest.get(p.practitionerUserId);
    if (!seen || p.startDate > seen.startDate || (p.startDate === seen.startDate && p.id > seen.id)) {
      latest.set(p.practitionerUserId, p);
    }
  }
  return latest;
}

export function toModel(pack: ModerationPackEntity): ModerationPack {
  const labels = labelSample(
    pack.asyeIds.map((asyeId, i) => ({ asyeId, assessorUserId: pack.assessorUserIds[i]! })),
  );
  return {
    id: pack.id,
    method: pack.method,
    seed: pack.seed,
    size: pack.size,
    eligibleCount: pack.eligibleCount,
    cohortStartedFrom: pack.cohortStartedFrom,
    cohortStartedTo: pack.cohortStartedTo,
    drawnAt: pack.drawnAt,
    portfolios: labels.map((l) => ({ label: l.practitionerLabel, assessorLabel: l.assessorLabel })),
  };
}
