import { describe, expect, it } from 'vitest';
import { isBusy } from '../../../src/publish/enter-wal-mode.ts';

describe('isBusy: which SQLite errors a journal-mode change waits out', () => {
  it.each([
    ['SQLITE_BUSY', { errcode: 5 }, true],
    ['SQLITE_BUSY_RECOVERY', { errcode: 261 }, true],
    ['SQLITE_BUSY_SNAPSHOT', { errcode: 517 }, true],
    ['SQLITE_BUSY_TIMEOUT', { errcode: 773 }, true],
    ['SQLITE_LOCKED', { errcode: 6 }, false],
    ['SQLITE_ERROR', { errcode: 1 }, false],
    ['SQLITE_CORRUPT', { errcode: 11 }, false],
    ['an error without a code', new Error('disco lleno'), false],
    ['a code that is not a number', { errcode: '5' }, false],
    ['nothing', null, false],
  ])('%s: %s', (_name, error, busy) => {
    expect(isBusy(error)).toBe(busy);
  });
});
