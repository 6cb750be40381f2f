import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/** The invitation a resend or revoke acts on. */
@InputType({ isAbstract: true })
export abstract class InvitationIdInput {
  @Field(() => ID, { description: 'Invitation id.' })
  @IsUUID()
  invitationId!: string;
}
