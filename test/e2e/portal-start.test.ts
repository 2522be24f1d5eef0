import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIo } from '../support/fake-io.ts';
import { PROJECT_ROOT, startPortal } from '../support/portal-process.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-portal-start-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm run portal', () => {
  test('on 0.0.0.0 without accounts it refuses to start, exit 2, and says how to create one', () => {
    const datos = tempDir();
    const run = spawnSync('npm', ['run', '--silent', 'portal'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, HOST: '0.0.0.0', PORT: '0', BOLETIN_DATOS: datos },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('El portal no arranca en 0.0.0.0: no hay cuentas');
    expect(run.stderr).toContain(
      'npm run --silent boletin -- usuarios agregar mgarcia --nombre "María García" --rol titular',
    );
    expect(run.stdout).not.toContain('escuchando');
  });

  test('behind a proxy without accounts it refuses to start too, even on 127.0.0.1', () => {
    const run = spawnSync('npm', ['run', '--silent', 'portal'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', BOLETIN_PROXY: 'loopback', BOLETIN_DATOS: tempDir() },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('El portal no arranca detrás de un proxy (BOLETIN_PROXY) sin cuentas');
    expect(run.stdout).not.toContain('escuchando');
  });

  test('on 0.0.0.0 with an account it starts, asks to sign in, and logs its address', async () => {
    const datos = tempDir();
    expect(
      await main(
        ['usuarios', '--datos', datos, 'agregar', 'mgarcia', '--nombre', 'María García', '--rol', 'consulta'],
        fakeIo({ stdinLines: ['una clave bastante larga'] }),
      ),
    ).toBe(0);
    const portal = await startPortal({ HOST: '0.0.0.0', BOLETIN_DATOS: datos });
    try {
      // On 0.0.0.0 Fastify logs one address per interface, the loopback one first.
      expect(portal.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(portal.output()).not.toContain('modo de un solo usuario');
      const response = await fetch(portal.origin);
      expect(response.status).toBe(401);
      expect(await response.text()).toContain('Inicie sesión para ver esta página.');
    } finally {
      await portal.stop();
    }
  });

  test('on 127.0.0.1 without accounts it runs for the one local user', async () => {
    const portal = await startPortal({ BOLETIN_DATOS: tempDir() });
    try {
      expect(portal.output()).toContain(
        'No hay cuentas: modo de un solo usuario, sin inicio de sesión (sólo en esta máquina).',
      );
      const response = await fetch(`${portal.origin}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('(modo de un solo usuario)');
    } finally {
      await portal.stop();
    }
  });

  test('a bad PORT is refused in Spanish, exit 2', () => {
    const run = spawnSync(process.execPath, ['src/portal/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: 'ochenta' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('PORT=ochenta no es un puerto: use un número de 0 a 65535, por ejemplo PORT=8370.\n');
  });
});
