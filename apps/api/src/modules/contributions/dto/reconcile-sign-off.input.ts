import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import type { SignOffReconciliationOutcome } from '#app/domain';
import { SignOffReconciliationOutcomeEnum } from '../models/sign-off-reconciliation.model.js';

@InputType({
  description:
    'Reconcile a sign-off with a countersignature that did not countersign it (PSW): uphold the approval, or overturn it, with your reason.',
})
export class ReconcileSignOffInput {
  @Field(() => ID, { description: 'The review (the sign-off) a countersignature disagreed with.' })
  @IsUUID()
  reviewId!: string;

  @Field(() => SignOffReconciliationOutcomeEnum, { description: 'Uphold the approval, or overturn it.' })
  @IsEnum(SignOffReconciliationOutcomeEnum)
  outcome!: SignOffReconciliationOutcome;

  @Field({ description: 'Why: the practitioner and the reviewer read it beside both judgements.' })
  @IsString()
  @MaxLength(20_000)
  reason!: string;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
