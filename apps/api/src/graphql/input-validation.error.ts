import type { ValidationError } from 'class-validator';

export interface FieldProblem {
  /** Path of the field at fault within the operation's arguments, e.g. `input.email`. */
  field: string;
  messages: string[];
}

/** Raised by the global validation pipe; becomes BAD_USER_INPUT with `extensions.fields`. */
export class InputValidationError extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super(`Invalid input: ${fields.map((f) => `${f.field} ${f.messages.join(', ')}`).join('; ')}`);
    this.name = 'InputValidationError';
  }

  static fromValidationErrors(errors: ValidationError[], prefix?: string): InputValidationError {
    const fields: FieldProblem[] = [];
    const walk = (list: ValidationError[], path: string | undefined) => {
      for (const e of list) {
        const field = path ? `${path}.${e.property}` : e.property;
        if (e.constraints) fields.push({ field, messages: Object.values(e.constraints) });
        if (e.children?.length) walk(e.children, field);
      }
    };
    walk(errors, prefix);
    return new InputValidationError(fields);
  }
}
