/** Validation rules that several of this module's inputs share. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const EXPECTED_REVISION = {
  nullable: true,
  description: 'The membership revision you read; a different one means someone else changed it since.',
};
