import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { signOffAgreementOf } from '#app/domain';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { PageArgs } from '../../graphql/pagination.js';
import { User } from '../organisation/models/user.model.js';
import { EvidenceReview, EvidenceVersion } from '../portfolio/models/evidence.model.js';
import { ReconcileSignOffInput } from './dto/reconcile-sign-off.input.js';
import {
  DisputedSignOffConnection,
  SignOffAgreementEnum,
  SignOffReconciliation,
} from './models/sign-off-reconciliation.model.js';
import { SignOffReconciliationService } from './sign-off-reconciliation.service.js';

@Resolver(() => SignOffReconciliation)
export class SignOffReconciliationResolver {
  constructor(private readonly service: SignOffReconciliationService) {}

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => EvidenceVersion, {
    description:
      'Reconcile a sign-off with a countersignature that did not countersign it (PSW; never your own evidence or decision): uphold the approval, or overturn it, with your reason. Overturning sends the version back for changes, withdraws countersignature links still open on it and revokes its credentials. The review, the countersignatures and the reconciliation stay side by side.',
  })
  reconcileSignOff(@CurrentPrincipal() principal: Principal, @Args('input') input: ReconcileSignOffInput) {
    return this.service.reconcile(principal, input);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Query(() => DisputedSignOffConnection, {
    description:
      'Sign-offs a countersignature disagreed with and nobody has reconciled, the longest waiting first (PSW; not your own evidence or decisions).',
  })
  signOffsToReconcile(@CurrentPrincipal() principal: Principal, @Args() args: PageArgs) {
    return this.service.disputed(principal, args);
  }

  @ResolveField(() => User, { description: 'Who reconciled it.' })
  reconciledBy(r: SignOffReconciliation, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.user.load(r.reconciledByUserId);
  }
}

/** The third judgement and the agreement state, shown with the decision wherever it is seen. */
@Resolver(() => EvidenceReview)
export class ReviewReconciliationResolver {
  @ResolveField(() => SignOffReconciliation, {
    nullable: true,
    description:
      'When a countersignature disagreed and a PSW reconciled the two: who, when, which way and why.',
  })
  reconciliation(r: EvidenceReview, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.reconciliationByReview.load(r.id);
  }

  @ResolveField(() => SignOffAgreementEnum, {
    description: 'Where this decision and its countersignatures stand.',
  })
  async agreement(r: EvidenceReview, _args: unknown, ctx: GraphQLContext) {
    const [countersignatures, reconciliation] = await Promise.all([
      ctx.loaders.countersignaturesByReview.load(r.id),
      ctx.loaders.reconciliationByReview.load(r.id),
    ]);
    return signOffAgreementOf({
      countersignatures: countersignatures.map((c) => c.countersigns),
      reconciliation,
    });
  }
}
