import { MAX_INPUT_DEPTH, unacceptableInput } from './validation.js';

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : [nested(depth - 1)]);

describe('input no DTO may hold', () => {
  it.each([
    ['a plain body', { title: '标题', co: ['tax'], n: 1, ok: true, none: null }, null],
    ['a NUL in a value', { title: 'a\u0000b' }, { field: 'title', reason: 'text' }],
    ['a NUL in a nested value', { co: ['tax', '\u0000'] }, { field: 'co.1', reason: 'text' }],
    ['a NUL in a key', { ['k\u0000']: 1 }, { field: 'k\u0000', reason: 'text' }],
    ['a lone high surrogate', { note: 'x\uD800' }, { field: 'note', reason: 'text' }],
    ['a lone low surrogate', { note: '\uDC00x' }, { field: 'note', reason: 'text' }],
    ['a paired surrogate (emoji)', { note: '👩‍👩‍👧' }, null],
    ['a bare string parameter with NUL', 'fin\u0000', { field: '', reason: 'text' }],
    [`nesting of ${MAX_INPUT_DEPTH} levels`, nested(MAX_INPUT_DEPTH), null],
    [`nesting of ${MAX_INPUT_DEPTH + 1} levels`, nested(MAX_INPUT_DEPTH + 1), { field: '0'.repeat(MAX_INPUT_DEPTH).split('').join('.'), reason: 'depth' }],
  ])('%s', (_name, value, expected) => {
    expect(unacceptableInput(value)).toEqual(expected);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(unacceptableInput(deep)?.reason).toBe('depth');
  });
});
