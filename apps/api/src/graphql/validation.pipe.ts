import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { InputValidationError } from './input-validation.error.js';

/**
 * The global pipe: whitelists and transforms every input class, and names each
 * field at fault with its full path from the argument (`input.email`).
 */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors: ValidationError[]) => InputValidationError.fromValidationErrors(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Values no field may take, whatever its rules: refused here, naming the field, for every input
    // class. Only inputs: field resolvers' parents and contexts pass through here too, and walking
    // them on every field of every response would cost more than the whole query.
    // Route parameters and query values of plain HTTP routes are checked too, whatever their type
    // (`/verify/:code` is a string): GraphQL arguments arrive as 'body', never as these.
    if (this.toValidate(metadata) || metadata.type === 'param' || metadata.type === 'query') {
      const refused = findRefusedValue(value, metadata.data ?? '');
      if (refused !== null) throw new InputValidationError([refused]);
    }
    // A JSON body that is an array or a bare value where an object is expected (GraphQL always
    // passes objects for input classes): class-validator names no field for it.
    if (
      metadata.type === 'body' &&
      this.toValidate(metadata) &&
      value !== null &&
      value !== undefined &&
      (typeof value !== 'object' || Array.isArray(value))
    ) {
      throw new InputValidationError([
        { field: metadata.data ?? 'body', messages: ['must be a JSON object'] },
      ]);
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof InputValidationError && metadata.data) {
        throw new InputValidationError(
          error.fields.map((f) => ({ ...f, field: `${metadata.data}.${f.field}` })),
        );
      }
      throw error;
    }
  }
}

/**
 * The first value that no input may carry: text with U+0000 (PostgreSQL cannot store it), or a number so
 * small that it is written with an exponent (1e-7, which class-validator's decimal-places rule crashes
 * on). Only plain data is walked (what GraphQL coerced from the request), never the context or request.
 */
function findRefusedValue(
  value: unknown,
  path: string,
  seen = new WeakSet<object>(),
): { field: string; messages: string[] } | null {
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? { field: path, messages: ['must not contain the NUL character (U+0000)'] }
      : null;
  }
  if (typeof value === 'number') {
    return String(value).includes('e-')
      ? { field: path, messages: ['must be a plain decimal number'] }
      : null;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return null;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return null;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const found = findRefusedValue(item, field, seen);
    if (found !== null) return found;
  }
  return null;
}
