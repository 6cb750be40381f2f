import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { REGULATORS, ROLES, type Regulator } from '#app/domain';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in (typeof ROLES)[number]]: K };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a person does in an organisation; a membership holds one or more.',
  valuesMap: {
    PRACTITIONER: { description: 'A student or social worker building a portfolio.' },
    PRACTICE_EDUCATOR: { description: 'Supervises and assesses students on placement (PEPS).' },
    ASSESSOR: { description: 'Assesses newly qualified social workers in their ASYE.' },
    SUPERVISOR: { description: 'Gives professional supervision.' },
    PRINCIPAL_SOCIAL_WORKER: { description: 'Leads practice and designs progression routes.' },
    ORG_ADMIN: { description: 'Runs the organisation’s accounts, teams and relationships.' },
  },
});

export const RegulatorEnum = Object.fromEntries(REGULATORS.map((r) => [r, r])) as {
  [K in (typeof REGULATORS)[number]]: K;
};
registerEnumType(RegulatorEnum, {
  name: 'Regulator',
  description: 'The UK regulator a social worker is registered with.',
});

@ObjectType({ description: 'A person, as their organisation sees them.' })
export class User {
  @Field(() => ID, { description: 'User id.' })
  id!: string;

  @Field({ description: 'Sign-in email address.' })
  email!: string;

  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field(() => RegulatorEnum, {
    nullable: true,
    description: 'Regulator the person is registered with, if any.',
  })
  regulator!: Regulator | null;

  @Field(() => String, {
    nullable: true,
    description: 'Professional registration number with that regulator.',
  })
  registrationNumber!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Date the person qualified as a social worker (YYYY-MM-DD).',
  })
  dateQualified!: string | null;
}
