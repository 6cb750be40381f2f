import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { Attachment } from '../portfolio/models/evidence.model.js';
import { AttachmentsService } from './attachments.service.js';

@InputType({ description: 'Remove a file from your current draft.' })
export class RemoveAttachmentInput {
  @Field(() => ID, { description: 'Attachment id.' })
  @IsUUID()
  attachmentId!: string;
}

@Resolver(() => Attachment)
export class AttachmentsResolver {
  constructor(private readonly attachments: AttachmentsService) {}

  @Mutation(() => Attachment, {
    description:
      'Remove a file from your current draft (earlier versions keep theirs). Upload with POST /evidence/:id/attachments.',
  })
  removeAttachment(@CurrentPrincipal() principal: Principal, @Args('input') input: RemoveAttachmentInput) {
    return this.attachments.remove(principal, input.attachmentId);
  }
}
