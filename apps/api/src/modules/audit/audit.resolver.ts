import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '#app/domain';
import { AuditEventRepository } from '#app/persistence';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import { hasAnyRole, type Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { pageRequest, toConnection } from '../../graphql/pagination.js';
import { User } from '../organisation/models/user.model.js';
import { AuditEvent, AuditEventConnection } from './audit-event.model.js';
import { AuditTrailArgs } from './dto/audit-trail.args.js';

const READS_ORGANISATION = ['PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN'] as const;

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditEventRepository) {}

  @Query(() => AuditEventConnection, {
    description:
      'The audit trail, newest first: PSWs and administrators read the organisation’s; everyone else the events about themselves.',
  })
  async auditTrail(@CurrentPrincipal() principal: Principal, @Args() args: AuditTrailArgs) {
    const readsAll = hasAnyRole(principal, READS_ORGANISATION);
    if (!readsAll && args.subjectUserId && args.subjectUserId !== principal.userId) {
      throw new DomainError(
        'ACCESS_DENIED',
        'You may read only the trail of your own records.',
        'subjectUserId',
      );
    }
    const page = pageRequest(args, ['serial']);
    const rows = await this.audit.page(
      principal.organisationId,
      { entityId: args.entityId, subjectUserId: readsAll ? args.subjectUserId : principal.userId },
      page,
    );
    return toConnection(rows, page, (e) => [e.id]);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who did it (null for the system).' })
  actor(@Parent() event: AuditEvent, @Context() ctx: GraphQLContext) {
    return event.actorUserId ? ctx.loaders.user.load(event.actorUserId) : null;
  }
}
