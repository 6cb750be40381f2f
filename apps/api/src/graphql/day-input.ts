import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  visit,
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { InputValidationError, type FieldProblem } from './input-validation.error.js';

/**
 * Days are the `LocalDate` scalar. GraphQL itself refuses a day that is not one: a literal in the
 * document fails validation, a variable fails coercion, and neither names the field as the validation
 * pipe does (`input.startDate`). This module keeps that contract: both come back as BAD_USER_INPUT
 * with `extensions.field` and `fields`, and nothing runs.
 */
const DAY = GraphQLLocalDate.name;

function refusal(field: string): FieldProblem {
  const bare = /([A-Za-z0-9_]+)(\[\d+\])*$/.exec(field)?.[1] ?? field;
  return { field, messages: [`${bare} must be a real day, YYYY-MM-DD`] };
}

function isDay(type: GraphQLInputType | null | undefined): boolean {
  if (!type) return false;
  const nullable = getNullableType(type);
  return isScalarType(nullable) && nullable.name === DAY;
}

function isValueNode(node: ASTNode): node is ValueNode {
  switch (node.kind) {
    case Kind.VARIABLE:
    case Kind.INT:
    case Kind.FLOAT:
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.NULL:
    case Kind.ENUM:
    case Kind.LIST:
    case Kind.OBJECT:
      return true;
    default:
      return false;
  }
}

/**
 * Where a value sits within its field's arguments: `input`, `.startDate`, `[2]`, joined in order
 * (`input.reviews[2].decidedOn`). The visitor keeps one segment per argument, object field and list item.
 */
function pathSegment(node: ASTNode, key: string | number | undefined, parent: unknown): string | null {
  if (node.kind === Kind.ARGUMENT) return node.name.value;
  if (node.kind === Kind.OBJECT_FIELD) return `.${node.name.value}`;
  if (Array.isArray(parent) && typeof key === 'number' && isValueNode(node)) return `[${key}]`;
  return null;
}

/** Day literals the validation refused, by their node in the document, with the field they fill. */
const refusedLiterals = new WeakMap<ASTNode, FieldProblem>();

/**
 * A validation rule that reports nothing itself: it notes where each refused day literal sits, so
 * that the error GraphQL's own rule reports for it (on that node) can name the field.
 */
export function DayLiteralFieldRule(context: ValidationContext): ASTVisitor {
  const segments: string[] = [];
  return {
    enter(node, key, parent) {
      const segment = pathSegment(node, key, parent);
      if (segment !== null) segments.push(segment);
      if (!isValueNode(node) || node.kind === Kind.VARIABLE || segments.length === 0) return;
      const type = context.getInputType();
      if (!isDay(type)) return;
      let refused = false;
      if (node.kind === Kind.NULL) refused = isNonNullType(type);
      else {
        try {
          GraphQLLocalDate.parseLiteral(node, undefined);
        } catch {
          refused = true;
        }
      }
      if (refused) refusedLiterals.set(node, refusal(segments.join('')));
    },
    leave(node, key, parent) {
      if (pathSegment(node, key, parent) !== null) segments.pop();
    },
  };
}

/** The refusal to report for a validation error about a day literal, or null for any other error. */
export function dayLiteralRefusal(error: unknown): InputValidationError | null {
  if (!(error instanceof GraphQLError) || error.nodes?.length !== 1) return null;
  const problem = refusedLiterals.get(error.nodes[0]!);
  return problem ? new InputValidationError([problem]) : null;
}

/** The named input types, per schema, from which a day can be reached (through fields and lists). */
const dayBearing = new WeakMap<GraphQLSchema, Set<string>>();

function dayBearingTypes(schema: GraphQLSchema): Set<string> {
  const known = dayBearing.get(schema);
  if (known) return known;
  const found = new Set<string>([DAY]);
  const inputs = Object.values(schema.getTypeMap()).filter(isInputObjectType);
  for (let grew = true; grew;) {
    grew = false;
    for (const input of inputs) {
      if (found.has(input.name)) continue;
      if (Object.values(input.getFields()).some((f) => found.has(namedOf(f.type).name))) {
        found.add(input.name);
        grew = true;
      }
    }
  }
  dayBearing.set(schema, found);
  return found;
}

function namedOf(type: GraphQLInputType): GraphQLNamedType {
  let t: GraphQLInputType = type;
  while (isNonNullType(t) || isListType(t)) t = t.ofType as GraphQLInputType;
  return t;
}

/**
 * The paths, within one variable's value, of the days that do not coerce (`.startDate`), walked
 * without recursion as the variable nesting plugin does (a criterion nests criteria).
 */
export function findRefusedDays(type: GraphQLInputType, value: unknown): string[] {
  const refused: string[] = [];
  const pending: { type: GraphQLInputType; value: unknown; path: string }[] = [{ type, value, path: '' }];
  while (pending.length > 0) {
    const at = pending.pop()!;
    // A missing or null value where one is required is GraphQL's own refusal, as before.
    if (at.value === null || at.value === undefined) continue;
    const t = getNullableType(at.type);
    if (isListType(t)) {
      const item = t.ofType as GraphQLInputType;
      if (!Array.isArray(at.value)) pending.push({ type: item, value: at.value, path: at.path });
      else
        for (let i = at.value.length - 1; i >= 0; i -= 1)
          pending.push({ type: item, value: at.value[i], path: `${at.path}[${i}]` });
    } else if (isInputObjectType(t)) {
      if (typeof at.value !== 'object' || Array.isArray(at.value)) continue;
      // In the order the client wrote the fields.
      const fields = t.getFields();
      const entries = Object.entries(at.value).filter(([key]) => Object.hasOwn(fields, key));
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, item] = entries[i]!;
        pending.push({ type: fields[key]!.type, value: item, path: `${at.path}.${key}` });
      }
    } else if (isScalarType(t) && t.name === DAY) {
      try {
        t.parseValue(at.value);
      } catch {
        refused.push(at.path);
      }
    }
  }
  return refused;
}

/** Where the operation first passes `$name` within a field's arguments (`input`), or null. */
function argumentPathOf(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  name: string,
): string | null {
  const segments: string[] = [];
  let found: string | null = null;
  const visitor: ASTVisitor = {
    enter(node, key, parent) {
      if (found !== null) return false;
      const segment = pathSegment(node, key, parent);
      if (segment !== null) segments.push(segment);
      if (node.kind === Kind.VARIABLE && node.name.value === name && segments.length > 0) {
        found = segments.join('');
        return false;
      }
      return undefined;
    },
    leave(node, key, parent) {
      if (pathSegment(node, key, parent) !== null) segments.pop();
    },
  };
  visit(operation.selectionSet, visitor);
  for (const definition of document.definitions) {
    if (found === null && definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return found;
}

/**
 * Refuses, before execution, variables that hold something other than a real day where a day is
 * expected: HTTP 400 (200 for application/json, as the response status plugin decides),
 * BAD_USER_INPUT naming each field as the validation pipe would (`input.startDate`).
 */
export function dayVariablesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          const variables = request.variables ?? {};
          const definitions = operation?.variableDefinitions ?? [];
          if (!operation || definitions.length === 0) return;
          const bearing = dayBearingTypes(schema);
          const problems: FieldProblem[] = [];
          for (const definition of definitions) {
            const name = definition.variable.name.value;
            const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
            if (!type || !bearing.has(namedOf(type).name) || !Object.hasOwn(variables, name)) continue;
            const paths = findRefusedDays(type, variables[name]);
            if (paths.length === 0) continue;
            const at = argumentPathOf(document, operation, name) ?? name;
            for (const path of paths) problems.push(refusal(`${at}${path}`));
          }
          if (problems.length === 0) return;
          const refused = new InputValidationError(problems);
          throw new GraphQLError(refused.message, {
            originalError: refused,
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        },
      };
    },
  };
}
