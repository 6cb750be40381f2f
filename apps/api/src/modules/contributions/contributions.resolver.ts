import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ContributionRequestsArgs } from './dto/contribution-requests.args.js';
import { ContributionTokenArgs } from './dto/contribution-token.args.js';
import { RequestContributionInput } from './dto/request-contribution.input.js';
import { RevokeContributionRequestInput } from './dto/revoke-contribution-request.input.js';
import { SubmitContributionInput } from './dto/submit-contribution.input.js';
import { SubmitCountersignatureInput } from './dto/submit-countersignature.input.js';
import {
  ContributionInvitation,
  ContributionReceipt,
  ContributionRequest,
  RequestedContribution,
} from './models/contribution.model.js';
import { ContributionsService } from './contributions.service.js';

@Resolver(() => ContributionRequest)
export class ContributionsResolver {
  constructor(private readonly service: ContributionsService) {}

  @Mutation(() => RequestedContribution, {
    description:
      'Ask someone without an account for feedback on the newest version of your evidence, or an off-site practice educator to countersign the decision on an approved version, by email or (without one) by a printable link and QR code, returned this once only. The link works once, for 14 days by default.',
  })
  requestContribution(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RequestContributionInput,
  ) {
    return this.service.request(principal, input);
  }

  @Mutation(() => ContributionRequest, {
    description: 'Withdraw a request for feedback that has not been answered; its link stops working.',
  })
  revokeContributionRequest(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RevokeContributionRequestInput,
  ) {
    return this.service.revoke(principal, input.requestId);
  }

  @Query(() => [ContributionRequest], {
    description: 'Your requests for feedback about one piece of your evidence, newest first.',
  })
  contributionRequests(@CurrentPrincipal() principal: Principal, @Args() args: ContributionRequestsArgs) {
    return this.service.forEvidence(principal, args.evidenceId);
  }

  @Public()
  @Query(() => ContributionInvitation, {
    description:
      'What a contribution link asks, for the contributor (no sign-in; rate-limited per address). Any link that does not work, for whatever reason, is CONTRIBUTION_LINK_INVALID.',
  })
  contributionRequestByToken(@Args() args: ContributionTokenArgs, @Context('req') req: { ip?: string }) {
    return this.service.byToken(args.token, req.ip);
  }

  @Public()
  @Mutation(() => ContributionReceipt, {
    description:
      'Give feedback from a contribution link (no sign-in; rate-limited per address): it arrives in the social worker’s portfolio as feedback evidence, and the link stops working.',
  })
  submitContribution(@Args('input') input: SubmitContributionInput, @Context('req') req: { ip?: string }) {
    return this.service.submit(input, req.ip);
  }

  @Public()
  @Mutation(() => ContributionReceipt, {
    description:
      'Countersign, or decline to countersign, the decision a countersignature link asks about (no sign-in; rate-limited per address): the judgement is kept beside the review, and the link stops working.',
  })
  submitCountersignature(
    @Args('input') input: SubmitCountersignatureInput,
    @Context('req') req: { ip?: string },
  ) {
    return this.service.submitCountersignature(input, req.ip);
  }
}
