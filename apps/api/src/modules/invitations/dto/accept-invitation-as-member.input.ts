import { Field, InputType } from '@nestjs/graphql';
import { IsString, Matches } from 'class-validator';
import { TOKEN } from './input-rules.js';

@InputType({ description: 'Accept an invitation with the account you are signed in with.' })
export class AcceptInvitationAsMemberInput {
  @Field({ description: 'The token from the invitation link.' })
  @IsString()
  @Matches(TOKEN, { message: 'token must be the 43-character token from the invitation link' })
  token!: string;
}
