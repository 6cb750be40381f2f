import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import type { Regulator } from '#app/domain';
import { trim } from '../../invitations/dto/input-rules.js';
import { RegulatorEnum } from '../../organisation/models/user.model.js';

@InputType({
  description:
    'An off-site practice educator’s countersignature on a decision, given from a one-time link, without an account.',
})
export class SubmitCountersignatureInput {
  @Field({ description: 'The token from the link.' })
  @IsString()
  @Length(1, 200)
  token!: string;

  @Field({ description: 'Your name.' })
  @Transform(trim)
  @IsString()
  @Length(0, 150)
  name!: string;

  @Field({ description: 'How you know the social worker.' })
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  relationship!: string;

  @Field(() => RegulatorEnum, { nullable: true, description: 'Your regulator.' })
  @IsOptional()
  @IsEnum(RegulatorEnum)
  regulator?: Regulator | null;

  @Field(() => String, { nullable: true, description: 'Your registration number.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 40)
  registrationNumber?: string | null;

  @Field({ description: 'True to countersign the decision; false to say you do not.' })
  @IsBoolean()
  countersigns!: boolean;

  @Field({
    defaultValue: '',
    description: 'Your comment; your reasons are required when you do not countersign.',
  })
  @Transform(trim)
  @IsString()
  @Length(0, 10_000)
  comment: string = '';
}
