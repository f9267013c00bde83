import { isStorageUnavailable } from './storage-unavailable.js';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('isStorageUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['an administrator shutdown', withCode('57P01')],
    ['a connection failure', withCode('08006')],
    ['SQLite lock contention', withCode('SQLITE_BUSY')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a wrapped cause', new Error('Storage migration failed', { cause: withCode('ECONNREFUSED') })],
    ['an aggregate of refusals', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
  ])('is true for %s', (_what, error) => {
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError('undefined is not a function')],
    ['a constraint violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('is false for %s', (_what, error) => {
    expect(isStorageUnavailable(error)).toBe(false);
  });
});
