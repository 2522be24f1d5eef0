import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../support/run-cli.ts';

// What an installed Boletín needs, checked fast; the full pack-install-run cycle takes minutes and is
// `npm run check:package`.

const run = promisify(execFile);
const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
};

describe('conventions of the package', () => {
  test('the system Node 20 gets a Spanish message and exit 1, not ERR_UNKNOWN_FILE_EXTENSION', async () => {
    const result = await run('/usr/bin/node', [join(PROJECT_ROOT, 'bin', 'boletin.js'), 'cifra', '3729']).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^Boletín necesita Node\.js 24 o más nuevo, y este es v20\.\d+\.\d+ \(\/usr\/bin\/node\)\.\n/,
    );
    expect(result.stderr).not.toContain('ERR_');
  }, 60_000);

  test('the bin runs the sources in a checkout: cifra and --version', async () => {
    const bin = join(PROJECT_ROOT, 'bin', 'boletin.js');
    expect((await run(process.execPath, [bin, 'cifra', '3729'])).stdout).toBe('3 mil 729\n');
    expect((await run(process.execPath, [bin, '--version'])).stdout).toBe(`${manifest.version}\n`);
  }, 60_000);

  test('npm pack ships the bin, the build, templates, data and LICENSE, and no tests, fixtures or sources', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PROJECT_ROOT });
    const [pack] = JSON.parse(stdout) as [{ files: { path: string }[] }];
    const paths = pack.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining(['bin/boletin.js', 'LICENSE', 'README.md', 'package.json', 'templates/es/boletin.hbs']),
    );
    expect(paths.filter((path) => /^(test|src|bench|scripts|output|\.boletin)\//.test(path))).toEqual([]);
    expect(readFileSync(join(PROJECT_ROOT, 'LICENSE'), 'utf8')).toMatch(
      /^MIT License\n\nCopyright \(c\) \d{4} Boletín contributors\n/,
    );
    expect(manifest.license).toBe('MIT');
  }, 120_000);
});
