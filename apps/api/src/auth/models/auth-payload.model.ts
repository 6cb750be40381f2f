import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Tokens for a signed-in session.' })
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header; short-lived.' })
  accessToken!: string;

  @Field({ description: 'When the access token stops working.' })
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Exchange it with refreshToken for new tokens; single use.' })
  refreshToken!: string;

  @Field({ description: 'When the refresh token, and so the session, expires.' })
  refreshTokenExpiresAt!: Date;
}
