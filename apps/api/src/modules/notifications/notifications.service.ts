import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEventRepository, NotificationRepository, type NotificationEntity } from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import type { MarkNotificationsReadInput, NotificationsArgs } from './models/notification.model.js';

/** The caller's own notifications: nobody reads or marks anyone else's. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, args: NotificationsArgs): Promise<ConnectionShape<NotificationEntity>> {
    const after = decodeCursor(args.after, 2) as [string, string] | null;
    const rows = await this.notifications.page(
      principal.organisationId,
      principal.userId,
      args.unreadOnly,
      after,
      args.first + 1,
    );
    return toConnection(rows, args.first, (n) => [n.createdAt.toISOString(), n.id]);
  }

  /** Marks the caller's own notifications among `ids` read; ids of anyone else's change nothing. */
  async markRead(
    principal: Principal,
    input: MarkNotificationsReadInput,
  ): Promise<{ ids: string[]; unreadCount: number }> {
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.notifications.markRead(
        principal.organisationId,
        principal.userId,
        input.ids,
        this.clock.now(),
        manager,
      );
      if (ids.length > 0) {
        await this.audit.append(
          {
            organisationId: principal.organisationId,
            actorUserId: principal.userId,
            actorRole: actingRole(principal, principal.roles),
            action: 'NOTIFICATIONS_READ',
            entityType: 'NOTIFICATION',
            entityId: ids[0]!,
            subjectUserId: principal.userId,
            changes: { ids },
          },
          manager,
        );
      }
      const unreadCount = await this.notifications.countUnread(
        principal.organisationId,
        principal.userId,
        manager,
      );
      return { ids, unreadCount };
    });
  }
}
