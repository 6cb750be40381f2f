import { ApiError, formFieldOf } from './data/apiError.js';

export interface ErrorItem {
  text: string;
  href: string;
}

/** What a page needs to show the GOV.UK error summary and each field's inline error message. */
export interface FormErrors {
  list: ErrorItem[];
  byField: Record<string, { text: string }>;
}

/** HTML ids may not hold dots: "mappings.0.rationale" → "mappings-0-rationale". */
export function fieldId(field: string): string {
  return field.replace(/[^A-Za-z0-9_-]+/g, '-');
}

function sentence(message: string): string {
  const text = message.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Maps an API refusal onto the error summary: each `extensions.fields` entry (input validation) or
 * the single `extensions.field` links to its form field; a refusal about no field links to `fallbackField`.
 * `labels` turns the API's messages about a field ("title must be…") into words the form uses.
 */
export function formErrorsFrom(
  error: ApiError,
  fallbackField: string,
  labels: Record<string, string> = {},
): FormErrors {
  const problems =
    error.fields.length > 0
      ? error.fields.map((f) => ({
          field: formFieldOf(f.field) ?? fallbackField,
          message: f.messages.join('. '),
        }))
      : [{ field: formFieldOf(error.field) ?? fallbackField, message: error.message }];
  return errorsFor(
    problems.map((p) => {
      const label = labels[p.field];
      const bare = p.field.split('.').pop() ?? p.field;
      const message = label ? p.message.replace(new RegExp(`^${bare}\\b`), label) : p.message;
      return { field: p.field, text: sentence(message) };
    }),
  );
}

export function errorsFor(problems: { field: string; text: string }[]): FormErrors {
  const byField: FormErrors['byField'] = {};
  const list: ErrorItem[] = [];
  for (const p of problems) {
    if (byField[p.field]) continue;
    byField[p.field] = { text: p.text };
    list.push({ text: p.text, href: `#${fieldId(p.field)}` });
  }
  return { list, byField };
}

/** Whether an error is one to show on the form (the person can fix it) rather than the problem page. */
export function isFormError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    (error.code === 'BAD_USER_INPUT' || error.code === 'CONFLICT' || error.code === 'RATE_LIMITED')
  );
}
