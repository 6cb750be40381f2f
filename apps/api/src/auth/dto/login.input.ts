import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

@InputType({ description: 'Email and password sign-in.' })
export class LoginInput {
  @Field({ description: 'The account email address.' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @Field({ description: 'The account password.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Organisation to sign in to, for people who belong to several (default: the oldest membership).',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
