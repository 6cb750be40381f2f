import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import {
  MarkNotificationsReadResult,
  Notification,
  NotificationConnection,
} from './models/notification.model.js';
import { MarkNotificationsReadInput } from './dto/mark-notifications-read.input.js';
import { NotificationsArgs } from './dto/notifications.args.js';
import { ReminderScanRun } from './models/reminder-scan-run.model.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  notifications(@CurrentPrincipal() principal: Principal, @Args() args: NotificationsArgs) {
    return this.service.list(principal, args);
  }

  @Mutation(() => MarkNotificationsReadResult, { description: 'Mark some of your notifications read.' })
  markNotificationsRead(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: MarkNotificationsReadInput,
  ) {
    return this.service.markRead(principal, input);
  }

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => ReminderScanRun, {
    description:
      'Run the reminder scan for your organisation now (administrators and PSWs), as the schedule would: each reminder is stored once and emailed at most once, however often it runs.',
  })
  runReminderScan(@CurrentPrincipal() principal: Principal) {
    return this.service.runReminderScan(principal);
  }
}
