import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

@InputType({ description: 'Apply for a route you are eligible for.' })
export class ApplyForRouteInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Pathway; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string;

  @Field({ description: 'Route key.' })
  @IsString()
  @Length(1, 60)
  routeKey!: string;

  @Field(() => String, { nullable: true, description: 'A supporting statement for the panel.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  statement?: string | null;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
