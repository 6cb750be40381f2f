import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ApplicationDecision } from '#app/domain';
import { ApplicationDecisionEnum } from '../models/progression-enums.js';

@InputType({ description: 'Decide an open application.' })
export class DecideProgressionApplicationInput {
  @Field(() => ID, { description: 'Application id.' })
  @IsUUID()
  applicationId!: string;

  @Field(() => ApplicationDecisionEnum, { description: 'Approve, defer or decline.' })
  @IsEnum(ApplicationDecisionEnum)
  decision!: ApplicationDecision;

  @Field(() => String, { nullable: true, description: 'Reasons (required to defer or decline).' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  reasons?: string | null;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
