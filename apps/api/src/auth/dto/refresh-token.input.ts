import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

@InputType({ description: 'A refresh token from login or a previous refresh.' })
export class RefreshTokenInput {
  @Field({ description: 'The refresh token; it is replaced by a new one and cannot be used again.' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken!: string;
}
