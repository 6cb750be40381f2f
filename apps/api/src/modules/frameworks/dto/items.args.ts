import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';

@ArgsType()
export class ItemsArgs {
  @Field(() => String, { nullable: true, description: 'Only items of this kind, e.g. DOMAIN.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  kind?: string | null;
}
