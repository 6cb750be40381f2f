import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { OverdueScopeEnum, type OverdueScope } from './overdue-scope.enum.js';

@ArgsType()
export class OverdueSupervisionsArgs {
  @Field(() => OverdueScopeEnum, { description: 'Whose.', defaultValue: 'MINE' })
  @IsEnum(OverdueScopeEnum)
  scope: OverdueScope = 'MINE';
}
