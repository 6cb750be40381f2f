import { cursorParam, pageLinks, pageRequest, type PageCursor } from './paging.js';

const href = (cursor: PageCursor) => `/list?${new URLSearchParams(cursor).toString()}`;

describe('paging', () => {
  it('should ask for the first page when the address has no cursor', () => {
    expect(pageRequest({}, 20)).toEqual({ first: 20 });
  });

  it('should page forward after a cursor and back before one, never both', () => {
    expect(pageRequest({ after: 'WyJhIl0' }, 20)).toEqual({ first: 20, after: 'WyJhIl0' });
    expect(pageRequest({ before: 'WyJiIl0' }, 20)).toEqual({ last: 20, before: 'WyJiIl0' });
    expect(pageRequest({ after: 'WyJhIl0', before: 'WyJiIl0' }, 20)).toEqual({ last: 20, before: 'WyJiIl0' });
  });

  it.each([['a b'], ['<script>'], [['WyJhIl0', 'x']], ['x'.repeat(501)], [''], [42]])(
    'should ignore a cursor that the API cannot have given (%j) and start at the top',
    (value) => {
      expect(cursorParam(value)).toBeUndefined();
      expect(pageRequest({ after: value, before: value }, 5)).toEqual({ first: 5 });
    },
  );

  it('should link to the next page only when the API says one follows', () => {
    const info = { hasNextPage: true, hasPreviousPage: false, startCursor: 's', endCursor: 'e' };
    expect(pageLinks(info, { first: 20 }, href)).toEqual({ next: '/list?after=e' });
    expect(pageLinks({ ...info, hasNextPage: false }, { first: 20 }, href)).toEqual({});
  });

  it('should link back before the first item shown when the API says a page comes before it', () => {
    const info = { hasNextPage: true, hasPreviousPage: true, startCursor: 's', endCursor: 'e' };
    expect(pageLinks(info, { first: 20, after: 'c' }, href)).toEqual({
      previous: '/list?before=s',
      next: '/list?after=e',
    });
  });

  it('should link back to the top from an empty page that came from a cursor, and give an empty list no links', () => {
    const info = { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null };
    expect(pageLinks(info, { first: 20, after: 'gone' }, href)).toEqual({ first: '/list?' });
    expect(pageLinks({ ...info, hasPreviousPage: false }, { first: 20 }, href)).toEqual({});
  });
});
