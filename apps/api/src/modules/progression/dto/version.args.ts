import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class VersionArgs {
  @Field(() => ID, { description: 'Draft version id.' })
  @IsUUID()
  versionId!: string;
}
