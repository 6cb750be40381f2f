import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { SUBJECT_ACCESS_EXPORT_STATUSES, type SubjectAccessExportStatus } from '#app/domain';

export const SubjectAccessExportStatusEnum = Object.fromEntries(
  SUBJECT_ACCESS_EXPORT_STATUSES.map((s) => [s, s]),
) as { [K in SubjectAccessExportStatus]: K };
registerEnumType(SubjectAccessExportStatusEnum, {
  name: 'SubjectAccessExportStatus',
  description: 'Where a subject access export stands.',
  valuesMap: {
    QUEUED: { description: 'Waiting for the job queue.' },
    RUNNING: { description: 'Being made.' },
    READY: { description: 'Ready to download.' },
    FAILED: { description: 'Could not be made; the queue retries it.' },
  },
});

@ObjectType({
  description:
    'Everything the organisation holds about one person (UK GDPR subject access), as a zip of JSON records and attachment files.',
})
export class SubjectAccessExport {
  @Field(() => ID, { description: 'Export id.' })
  id!: string;

  @Field(() => ID, { description: 'The person it is about.' })
  subjectUserId!: string;

  @Field(() => ID, { description: 'Who asked for it.' })
  requestedByUserId!: string;

  @Field(() => SubjectAccessExportStatusEnum, { description: 'Where it stands.' })
  status!: SubjectAccessExportStatus;

  @Field({ description: 'When it was asked for.' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was ready.' })
  completedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Size of the zip in bytes.' })
  sizeBytes!: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the zip.' })
  sha256!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Records per kind in the archive.' })
  contents!: Record<string, number> | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where to download it (authenticated GET), once ready.',
  })
  downloadPath!: string | null;
}

@ObjectType({ description: 'What an erasure removed and what the organisation keeps, pseudonymised.' })
export class ErasureResult {
  @Field(() => ID, { description: 'The person erased.' })
  userId!: string;

  @Field({
    description:
      'Whether the profile (name, email, registration) was pseudonymised; not when they belong to another organisation too.',
  })
  profilePseudonymised!: boolean;

  @Field(() => GraphQLJSONObject, { description: 'Records deleted, per kind.' })
  deleted!: Record<string, number>;

  @Field(() => GraphQLJSONObject, {
    description:
      'Records kept because the organisation must (sign-offs they gave, audit entries…), per kind.',
  })
  retained!: Record<string, number>;
}
