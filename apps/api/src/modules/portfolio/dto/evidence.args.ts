import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class EvidenceArgs {
  @Field(() => ID, { description: 'Evidence id.' })
  @IsUUID()
  id!: string;
}
