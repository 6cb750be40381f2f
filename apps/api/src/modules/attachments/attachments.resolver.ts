import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { Attachment } from '../portfolio/models/evidence.model.js';
import { AttachmentsService } from './attachments.service.js';
import { RemoveAttachmentInput } from './dto/remove-attachment.input.js';

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
