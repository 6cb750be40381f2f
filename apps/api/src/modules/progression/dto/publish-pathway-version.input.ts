import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Publish a draft; the previously published version retires.' })
export class PublishPathwayVersionInput {
  @Field(() => ID, { description: 'Draft version id.' })
  @IsUUID()
  versionId!: string;
}
