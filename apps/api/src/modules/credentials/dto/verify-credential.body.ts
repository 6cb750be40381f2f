import { IsString, Length, ValidateIf } from 'class-validator';

/** Body of `POST /verify`: the credential (a compact JWS) or its verification code. */
export class VerifyCredentialBody {
  @ValidateIf((b: VerifyCredentialBody) => b.code === undefined)
  @IsString()
  @Length(1, 100_000)
  credential?: string;

  @ValidateIf((b: VerifyCredentialBody) => b.credential === undefined)
  @IsString()
  @Length(1, 40)
  code?: string;
}
