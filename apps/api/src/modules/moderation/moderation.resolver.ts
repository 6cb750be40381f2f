import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { DrawModerationPackInput } from './dto/draw-moderation-pack.input.js';
import { ModerationPackArgs } from './dto/moderation-pack.args.js';
import { ModerationPack } from './models/moderation-pack.model.js';
import { ModerationService } from './moderation.service.js';

@Resolver(() => ModerationPack)
export class ModerationResolver {
  constructor(private readonly service: ModerationService) {}

  @Mutation(() => ModerationPack, {
    description:
      'Draw a sample of the organisation’s ASYE portfolios for a moderation panel (PSW): random, or stratified by assessor; one portfolio per NQSW. The pack shows labels, never names; its PDFs download from /moderation-packs/<id>/portfolios.zip.',
  })
  drawModerationPack(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: DrawModerationPackInput,
  ) {
    return this.service.draw(principal, input);
  }

  @Query(() => [ModerationPack], {
    description: 'Moderation packs of your organisation, newest first (PSW).',
  })
  moderationPacks(@CurrentPrincipal() principal: Principal) {
    return this.service.list(principal);
  }

  @Query(() => ModerationPack, { description: 'One moderation pack (PSW).' })
  moderationPack(@CurrentPrincipal() principal: Principal, @Args() args: ModerationPackArgs) {
    return this.service.pack(principal, args.id);
  }
}
