import {
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  specifiedRules,
  validate,
  type GraphQLInputType,
} from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { DayLiteralFieldRule, dayLiteralRefusal, findRefusedDays } from './day-input.js';

// A criterion nests criteria, as the pathway designs' do; a route holds a list of days.
const Criterion: GraphQLInputObjectType = new GraphQLInputObjectType({
  name: 'Criterion',
  fields: () => ({
    currentOn: { type: GraphQLLocalDate },
    criteria: { type: new GraphQLList(new GraphQLNonNull(Criterion)) },
  }),
});
const Input = new GraphQLInputObjectType({
  name: 'Input',
  fields: {
    name: { type: GraphQLString },
    startsOn: { type: new GraphQLNonNull(GraphQLLocalDate) },
    endsOn: { type: GraphQLLocalDate },
    holidays: { type: new GraphQLList(GraphQLLocalDate) },
    criterion: { type: Criterion },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      days: {
        type: GraphQLString,
        args: { activeOn: { type: GraphQLLocalDate }, input: { type: Input } },
      },
    },
  }),
});

const chain = (levels: number, currentOn: string): unknown => {
  let value: unknown = { currentOn };
  for (let i = 1; i < levels; i += 1) value = { criteria: [value] };
  return value;
};

describe('findRefusedDays', () => {
  const sut = (type: GraphQLInputType, value: unknown) => findRefusedDays(type, value);

  it('should pass real days, nulls, missing fields and values of other types', () => {
    expect(sut(GraphQLLocalDate, '2026-02-28')).toEqual([]);
    expect(sut(GraphQLLocalDate, null)).toEqual([]);
    expect(sut(Input, { name: 'x', startsOn: '2028-02-29', holidays: ['2026-12-25', null] })).toEqual([]);
    // Not an object where one is expected: GraphQL's own coercion refuses it, as before.
    expect(sut(Input, 'not an input')).toEqual([]);
  });

  it('should name each day that is not one, in the order the client wrote the fields, lists by index', () => {
    expect(sut(GraphQLLocalDate, '2026-02-30')).toEqual(['']);
    expect(
      sut(Input, { endsOn: '2026-13-01', startsOn: 20260105, holidays: ['2026-12-25', '25/12/2026'] }),
    ).toEqual(['.endsOn', '.startsOn', '.holidays[1]']);
    // A single value where a list is expected is a list of one, as GraphQL coerces it.
    expect(sut(Input, { startsOn: '2026-01-01', holidays: '2026-1-1' })).toEqual(['.holidays']);
  });

  it('should find a day nested far deeper than the stack allows, without recursing', () => {
    const found = sut(Criterion, chain(20_000, '2026-02-30'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^(\.criteria\[0\]){19999}\.currentOn$/);
  });
});

describe('DayLiteralFieldRule', () => {
  const refusals = (query: string) =>
    validate(schema, parse(query), [...specifiedRules, DayLiteralFieldRule]).map(
      (e) => dayLiteralRefusal(e)?.fields ?? e.message,
    );

  it('should name the field of each refused day literal, and no other error', () => {
    expect(refusals('{ days(activeOn: "2026-02-30") }')).toEqual([
      [{ field: 'activeOn', messages: ['activeOn must be a real day, YYYY-MM-DD'] }],
    ]);
    expect(
      refusals(
        '{ days(input: { startsOn: null, holidays: ["2026-12-25", 7], criterion: { criteria: [{ currentOn: "x" }] } }) }',
      ),
    ).toEqual([
      [{ field: 'input.startsOn', messages: ['startsOn must be a real day, YYYY-MM-DD'] }],
      [{ field: 'input.holidays[1]', messages: ['holidays must be a real day, YYYY-MM-DD'] }],
      [
        {
          field: 'input.criterion.criteria[0].currentOn',
          messages: ['currentOn must be a real day, YYYY-MM-DD'],
        },
      ],
    ]);
    expect(refusals('{ days(activeOn: "2026-02-28", input: { startsOn: "2026-03-01" }) }')).toEqual([]);
    expect(refusals('{ days(input: { name: 3, startsOn: "2026-03-01" }) }')).toEqual([
      'String cannot represent a non string value: 3',
    ]);
  });
});
