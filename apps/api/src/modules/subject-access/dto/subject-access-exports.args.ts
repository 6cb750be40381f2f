import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class SubjectAccessExportsArgs {
  @Field(() => ID, { nullable: true, description: 'Whose exports; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  userId?: string | null;
}
