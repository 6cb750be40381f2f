import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  SIGN_OFF_AGREEMENTS,
  SIGN_OFF_RECONCILIATION_OUTCOMES,
  type SignOffAgreement,
  type SignOffReconciliationOutcome,
} from '#app/domain';
import { Connection } from '../../../graphql/pagination.js';
import { EvidenceVersion } from '../../portfolio/models/evidence.model.js';

export const SignOffReconciliationOutcomeEnum = Object.fromEntries(
  SIGN_OFF_RECONCILIATION_OUTCOMES.map((o) => [o, o]),
) as { [K in SignOffReconciliationOutcome]: K };
registerEnumType(SignOffReconciliationOutcomeEnum, {
  name: 'SignOffReconciliationOutcome',
  description: 'What reconciling a disputed sign-off decided.',
  valuesMap: {
    UPHOLD: { description: 'The approval stands.' },
    OVERTURN: {
      description: 'The approval is overturned: the version went back to the practitioner for changes.',
    },
  },
});

export const SignOffAgreementEnum = Object.fromEntries(SIGN_OFF_AGREEMENTS.map((a) => [a, a])) as {
  [K in SignOffAgreement]: K;
};
registerEnumType(SignOffAgreementEnum, {
  name: 'SignOffAgreement',
  description: 'Where a sign-off and its countersignatures stand.',
  valuesMap: {
    NOT_COUNTERSIGNED: { description: 'No countersignature has been given.' },
    AGREED: { description: 'Every countersignature countersigned the decision.' },
    DISAGREED: { description: 'A countersignature did not, and nobody has reconciled them yet.' },
    RECONCILED: { description: 'A named person upheld or overturned the decision, with a reason.' },
  },
});

@ObjectType({
  description:
    'The third judgement on a sign-off a countersignature disagreed with: who upheld or overturned it, when and why.',
})
export class SignOffReconciliation {
  @Field(() => ID, { description: 'Reconciliation id.' })
  id!: string;

  @Field(() => SignOffReconciliationOutcomeEnum, { description: 'Upheld or overturned.' })
  outcome!: SignOffReconciliationOutcome;

  @Field({ description: 'Their reason.' })
  reason!: string;

  reconciledByUserId!: string;

  @Field({ description: 'When it was reconciled.' })
  reconciledAt!: Date;
}

@ObjectType({ description: 'A sign-off a countersignature disagreed with, waiting to be reconciled.' })
export class DisputedSignOff {
  @Field(() => EvidenceVersion, {
    description: 'The approved version, with its review and countersignatures.',
  })
  evidenceVersion!: EvidenceVersion;

  @Field({ description: 'When the first countersignature that disagreed was given.' })
  disputedAt!: Date;
}

export const DisputedSignOffConnection = Connection(DisputedSignOff, 'DisputedSignOff');
