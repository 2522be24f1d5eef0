import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanStaleTempFiles, sha256Hex, writeFileAtomic } from '../../../src/publish/index.ts';
import { deadPid, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

describe('writeFileAtomic', () => {
  test('writes the bytes and leaves no temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.html');
    await writeFileAtomic(path, new TextEncoder().encode('hola'));
    expect(readFileSync(path, 'utf8')).toBe('hola');
    expect(readdirSync(dir)).toEqual(['a.html']);
  });

  test('replaces an existing file whole; a reader in the middle sees the old one', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.html');
    writeFileSync(path, 'viejo');
    const seenMidway: string[] = [];
    await writeFileAtomic(path, new TextEncoder().encode('nuevo contenido'), {
      midway: (temp) => {
        seenMidway.push(readFileSync(path, 'utf8'), readFileSync(temp, 'utf8'));
      },
    });
    expect(seenMidway).toEqual(['viejo', 'nuevo c']);
    expect(readFileSync(path, 'utf8')).toBe('nuevo contenido');
  });

  test('a failure midway leaves the old file and no temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.html');
    writeFileSync(path, 'viejo');
    await expect(
      writeFileAtomic(path, new TextEncoder().encode('nuevo'), {
        midway: () => {
          throw new Error('fallo');
        },
      }),
    ).rejects.toThrow('fallo');
    expect(readFileSync(path, 'utf8')).toBe('viejo');
    expect(readdirSync(dir)).toEqual(['a.html']);
  });

  test('a missing folder is an error, not a silent write elsewhere', async () => {
    await expect(writeFileAtomic(join(tempDir(), 'no', 'a.html'), new Uint8Array(1))).rejects.toThrow(/ENOENT/);
  });
});

describe('cleanStaleTempFiles', () => {
  test('removes temporary files of dead processes only', async () => {
    const dir = tempDir();
    const dead = `.a.html.${deadPid()}-0123456789ab.tmp`;
    const mine = `.b.html.${process.pid}-0123456789ab.tmp`;
    for (const name of [dead, mine, 'c.html', '.d.html.notmp']) writeFileSync(join(dir, name), 'x');
    expect(await cleanStaleTempFiles(dir)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual(
      ['.b.html.' + `${process.pid}-0123456789ab.tmp`, '.d.html.notmp', 'c.html'].sort(),
    );
  });

  test('removes temporary files older than a day even if their pid is alive', async () => {
    const dir = tempDir();
    const mine = `.b.html.${process.pid}-0123456789ab.tmp`;
    writeFileSync(join(dir, mine), 'x');
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await cleanStaleTempFiles(dir, tomorrow)).toEqual([mine]);
    expect(existsSync(join(dir, mine))).toBe(false);
  });

  test('a missing folder has nothing to clean', async () => {
    expect(await cleanStaleTempFiles(join(tempDir(), 'no'))).toEqual([]);
  });
});

test('sha256Hex', () => {
  expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
});
