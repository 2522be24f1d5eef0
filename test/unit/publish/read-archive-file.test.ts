import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fileStatus } from '../../../src/publish/publish-bulletin.ts';
import { readArchiveFile } from '../../../src/publish/read-archive-file.ts';

/**
 * A published file's path may hold anything by the time Boletín reads it again. Found in review: a link
 * to /dev/zero filled the memory, and a FIFO hung `generar` and `archivo verificar` forever.
 */
const dir = mkdtempSync(join(tmpdir(), 'boletin-lectura-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = new TextEncoder().encode('<!DOCTYPE html><p>Boletín</p>');
const sha256 = 'e'.repeat(64);
writeFileSync(join(dir, 'publicado.html'), bytes);
writeFileSync(join(dir, 'fuera.html'), bytes);
symlinkSync('/dev/zero', join(dir, 'cero.html'));
symlinkSync(join(dir, 'fuera.html'), join(dir, 'enlace.html'));
execFileSync('mkfifo', [join(dir, 'fifo.html')]);
mkdirSync(join(dir, 'carpeta.html'));

describe('readArchiveFile', () => {
  test.each([
    ['a regular file of the recorded size', 'publicado.html', bytes.byteLength, 'file'],
    ['a regular file of another size (read: its hash tells what is there)', 'publicado.html', 3, 'file'],
    ['nothing', 'no-existe.html', bytes.byteLength, 'missing'],
    ['a link to /dev/zero', 'cero.html', bytes.byteLength, 'other'],
    ['a link to a file of the same bytes outside', 'enlace.html', bytes.byteLength, 'other'],
    ['a FIFO', 'fifo.html', bytes.byteLength, 'other'],
    ['a folder', 'carpeta.html', bytes.byteLength, 'other'],
  ])('%s: %s', async (_what, name, size, kind) => {
    expect((await readArchiveFile(join(dir, name), size)).kind).toBe(kind);
  });

  test('a regular file with no recorded size yet (rebuilding) is read whole', async () => {
    const found = await readArchiveFile(join(dir, 'publicado.html'));
    expect(found.kind === 'file' ? Buffer.from(found.bytes) : found.kind).toEqual(Buffer.from(bytes));
  });

  test.each([
    ['cero.html', 'alterado'],
    ['fifo.html', 'alterado'],
    ['no-existe.html', 'falta'],
  ])('fileStatus of %s is %s, at once', async (name, status) => {
    expect(await fileStatus(join(dir, name), sha256, bytes.byteLength)).toBe(status);
  });
});
