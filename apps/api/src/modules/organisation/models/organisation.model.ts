import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A council or other employer of social workers: the boundary of all data.' })
export class Organisation {
  @Field(() => ID, { description: 'Organisation id.' })
  id!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field({ description: 'Short unique name used in addresses.' })
  slug!: string;

  @Field({ description: 'True for the seeded demonstration organisation, which holds no real people.' })
  isDemo!: boolean;

  @Field(() => Int, {
    description:
      'Days a leaver keeps their own records after their membership ends; after that the organisation may erase them.',
  })
  leaverRetentionDays!: number;
}
