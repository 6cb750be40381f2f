import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

/**
 * The token from a contribution link. Its form is checked by the service, not here, so that a
 * mistyped or tampered token gets the same answer as an expired, used or revoked one.
 */
@ArgsType()
export class ContributionTokenArgs {
  @Field({ description: 'The token from the link.' })
  @IsString()
  @Length(1, 200)
  token!: string;
}
