import type { FormErrors } from '../../forms.js';

/**
 * Says an API refusal in the GOV.UK pattern's words where the API's own are a validator's
 * ("email must be an email"), and points a date's error at its first box (the summary's link
 * must land on something that takes focus).
 */
export function inFormWords(
  errors: FormErrors,
  options: { wording?: Record<string, [RegExp, string]>; dateFields?: string[] } = {},
): FormErrors {
  const byField = { ...errors.byField };
  for (const [field, [pattern, text]] of Object.entries(options.wording ?? {})) {
    const current = byField[field];
    if (current && pattern.test(current.text)) byField[field] = { text };
  }
  const list = errors.list.map((item) => {
    const field = Object.keys(byField).find((f) => item.href === `#${f}`);
    const text = field ? byField[field]!.text : item.text;
    const href = field && options.dateFields?.includes(field) ? `#${field}-day` : item.href;
    return { text, href };
  });
  return { list, byField };
}
