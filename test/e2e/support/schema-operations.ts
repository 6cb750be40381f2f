import {
  getNamedType,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  validate,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/*
 * Operations built from the schema itself, so that every query and mutation, including ones added
 * later, is exercised by the attack suites without anyone listing it.
 */

export interface SchemaOperation {
  kind: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/**
 * Operations whose answer repeats ids the caller sent (each with its reason): an id of someone else's
 * that the caller itself sent is not counted as leaked when it comes back; anything else still is.
 */
export const ECHOES_INPUT: Record<string, string> = {
  reviewEvidenceBatch: 'each entry names the version it is about, as sent, beside its refusal',
};

/** Every field of Query and Mutation. */
export function listOperations(schema: GraphQLSchema): SchemaOperation[] {
  const out: SchemaOperation[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) out.push({ kind, name: field.name, field });
  }
  return out;
}

/** How a leaf value is chosen: `name` is the argument or input field, `path` where it sits. */
export type LeafPicker = (leaf: {
  name: string;
  typeName: string;
  path: string[];
  operation: string;
}) => unknown;

/** Arguments and input fields a minimal operation fills: the required ones and the ids. */
function wanted(arg: GraphQLArgument | GraphQLInputField): boolean {
  if (isNonNullType(arg.type) && arg.defaultValue === undefined) return true;
  return getNamedType(arg.type).name === 'ID';
}

export function buildValue(
  type: GraphQLInputType,
  name: string,
  path: string[],
  operation: string,
  pick: LeafPicker,
  depth = 0,
): unknown {
  if (isNonNullType(type)) return buildValue(type.ofType, name, path, operation, pick, depth);
  if (isListType(type)) return [buildValue(type.ofType, name, [...path, '0'], operation, pick, depth)];
  if (isInputObjectType(type)) {
    if (depth > 6) return null;
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (!wanted(field)) continue;
      value[field.name] = buildValue(
        field.type,
        field.name,
        [...path, field.name],
        operation,
        pick,
        depth + 1,
      );
    }
    return value;
  }
  if (isEnumType(type)) {
    const chosen = pick({ name, typeName: type.name, path, operation });
    return chosen ?? type.getValues()[0]!.value;
  }
  return pick({ name, typeName: type.name, path, operation });
}

/** A selection of every scalar field down to `depth` levels of objects (fields needing arguments left out). */
export function selectionFor(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named) || !isObjectType(named)) return '{ __typename }';
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const leaf = getNamedType(field.type);
    if (isScalarType(leaf) || isEnumType(leaf)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name} ${selectionFor(field.type, depth - 1)}`);
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

const tokens = (doc: string) => doc.match(/[A-Za-z_][\w]*|[{}():!$,[\]]/g)?.length ?? 0;

export interface BuiltOperation {
  operation: SchemaOperation;
  document: string;
  variables: Record<string, unknown>;
}

/**
 * A document for one operation with its arguments as variables and the deepest selection that stays
 * well inside the server's token limit. Values come from `args` where given, else from `pick`.
 */
export function buildOperation(
  schema: GraphQLSchema,
  operation: SchemaOperation,
  pick: LeafPicker,
  options: { args?: Record<string, unknown>; maxTokens?: number; depth?: number } = {},
): BuiltOperation {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const uses: string[] = [];
  for (const arg of operation.field.args) {
    const given = options.args && arg.name in options.args;
    if (!given && !wanted(arg)) continue;
    variables[arg.name] = given
      ? options.args![arg.name]
      : buildValue(arg.type, arg.name, [arg.name], operation.name, pick);
    definitions.push(`$${arg.name}: ${String(arg.type)}`);
    uses.push(`${arg.name}: $${arg.name}`);
  }
  let document = '';
  for (let depth = options.depth ?? 2; depth >= 0; depth--) {
    const selection = selectionFor(operation.field.type, depth);
    document = `${operation.kind} Attack${definitions.length ? `(${definitions.join(', ')})` : ''} { ${operation.name}${uses.length ? `(${uses.join(', ')})` : ''} ${selection} }`;
    if (tokens(document) <= (options.maxTokens ?? 1_500)) break;
  }
  return { operation, document, variables };
}

/** Problems GraphQL itself would report for the document or its variables (none means it runs). */
export function problemsOf(schema: GraphQLSchema, built: BuiltOperation): string[] {
  const doc = parse(built.document);
  const invalid = validate(schema, doc).map((e) => e.message);
  if (invalid.length) return invalid;
  const definition = doc.definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], built.variables);
  return (coerced.errors ?? []).map((e) => e.message);
}

/** Input leaves of a type (path and named type), for fuzzing and for filling every text field. */
export function inputLeaves(
  type: GraphQLInputType,
  path: string[] = [],
  depth = 0,
): { path: string[]; typeName: string; nullable: boolean; list: boolean }[] {
  const nullable = !isNonNullType(type);
  const inner = isNonNullType(type) ? type.ofType : type;
  const list = isListType(inner);
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    if (depth > 5) return [];
    return Object.values(named.getFields()).flatMap((f) =>
      inputLeaves(f.type, [...path, ...(list ? ['0'] : []), f.name], depth + 1),
    );
  }
  return [{ path, typeName: named.name, nullable, list }];
}
