import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { InputValidationError } from './input-validation.error.js';

/**
 * How deep a request's variables may nest (objects and lists, the variables themselves not counted).
 * The deepest input the schema needs is a design's criteria eight levels down, about 20; GraphQL's own
 * coercion of variables recurses, and a criterion nested some 800 deep exhausted the stack there
 * before any resolver, pipe or domain rule could refuse it.
 */
export const MAX_VARIABLE_NESTING = 32;

/** The path of the first value nested deeper than `limit` (`input.route.criteria.criteria[0]`), or null. */
export function findTooDeeplyNested(variables: unknown, limit: number): string | null {
  // Without recursion: the point is to measure what recursion cannot.
  const pending: { value: unknown; depth: number; path: string }[] = [
    { value: variables, depth: 0, path: '' },
  ];
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > limit) return path;
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, item] = entries[i]!;
      const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      pending.push({ value: item, depth: depth + 1, path: at });
    }
  }
  return null;
}

/**
 * Refuses a request whose variables nest deeper than `limit`, before execution coerces them: HTTP 400,
 * BAD_USER_INPUT naming the field, as the validation pipe would.
 */
export function variableNestingPlugin(limit = MAX_VARIABLE_NESTING): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const field = findTooDeeplyNested(request.variables ?? {}, limit);
          if (field === null) return;
          const refused = new InputValidationError([
            { field, messages: [`nests too deep (at most ${limit} levels of objects and lists)`] },
          ]);
          throw new GraphQLError(refused.message, {
            originalError: refused,
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        },
      };
    },
  };
}
