import { entityTagOf, matchesIfNoneMatch, taggedJsonOf } from './entity-tag.js';

describe('entityTagOf', () => {
  it('is a strong tag that changes with any byte', () => {
    expect(entityTagOf('[]')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(entityTagOf('[]')).toBe(entityTagOf(Buffer.from('[]')));
    expect(entityTagOf('[1]')).not.toBe(entityTagOf('[2]'));
  });
});

describe('taggedJsonOf', () => {
  it('serialises an answer as res.json does, once per object', () => {
    const photos = [{ photo_code: 1 }];
    const first = taggedJsonOf(photos);
    expect(first.bytes.toString()).toBe(JSON.stringify(photos));
    expect(taggedJsonOf(photos)).toBe(first);
    expect(taggedJsonOf([{ photo_code: 1 }])).toEqual(first);
  });
});

describe('matchesIfNoneMatch', () => {
  const tag = '"abc"';
  it.each<[string | string[] | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc"', true],
    [['"x"', '"abc"'], true],
    ['*', true],
    [' * ', true],
    ['"abcd"', false],
    ['abc', false],
    ['"x", *', false],
  ])('If-None-Match %j → %s', (header, expected) => {
    expect(matchesIfNoneMatch(header, tag)).toBe(expected);
  });
});
