import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import {
  Action,
  Role,
  addPerson,
  clearFailedSignIns,
  closeSession,
  findPerson,
  hashPassword,
  listPeople,
  openSession,
  parseRole,
  readSession,
  recordFailedSignIn,
  roleAllows,
  sameToken,
  setPassword,
  signInWait,
  verifyPassword,
} from '../../../src/people/index.ts';
import { openRegistry } from '../../../src/publish/index.ts';
import { fakeIo } from '../../support/fake-io.ts';
import { useTempDirs } from '../publish/helpers.ts';

const tempDir = useTempDirs();
const registryIn = (dir: string) => openRegistry(join(dir, 'registro.sqlite'));

describe('passwords', () => {
  test('a hash verifies its own password and no other', async () => {
    const hash = await hashPassword('correcto caballo batería');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword('correcto caballo batería', hash)).toBe(true);
    expect(await verifyPassword('correcto caballo bateria', hash)).toBe(false);
    expect(await hashPassword('correcto caballo batería')).not.toBe(hash);
  });

  test.each(['', 'md5$abc', 'scrypt$0$8$1$AAAA$AAAA', 'scrypt$32768$8$1$$'])(
    'a malformed hash %j never matches',
    async (stored) => {
      expect(await verifyPassword('cualquier cosa', stored)).toBe(false);
    },
  );
});

describe('roles', () => {
  test.each([
    [Role.editor, Action.upload, true],
    [Role.editor, Action.approve, false],
    [Role.head, Action.approve, true],
    [Role.head, Action.upload, false],
    [Role.reader, Action.download, true],
    [Role.reader, Action.upload, false],
    [Role.reader, Action.approve, false],
  ])('%s may %s: %s', (role, action, allowed) => {
    expect(roleAllows(role, action)).toBe(allowed);
  });

  test.each([
    ['redaccion', Role.editor],
    ['Redacción', Role.editor],
    ['TITULAR', Role.head],
    ['consulta', Role.reader],
    ['admin', undefined],
  ])('%j is the role %j', (text, role) => {
    expect(parseRole(text)).toBe(role);
  });
});

describe('accounts and sessions', () => {
  test('a session lives until it expires or its person changes password', async () => {
    using registry = registryIn(tempDir());
    const person = await addPerson(registry, {
      username: 'mgarcia',
      name: 'María García',
      role: Role.head,
      password: 'una clave larga',
    });
    const opened = new Date('2026-03-01T09:00:00Z');
    const { token, session } = openSession(registry, person.id, opened);
    expect(readSession(registry, token, new Date('2026-03-01T20:59:59Z'))?.person).toEqual(person);
    expect(readSession(registry, token, new Date('2026-03-01T21:00:00Z'))).toBeUndefined();
    expect(sameToken(session.csrfToken, readSession(registry, token, opened)?.csrfToken ?? '')).toBe(true);
    expect(sameToken('otro', session.csrfToken)).toBe(false);
    await setPassword(registry, 'mgarcia', 'otra clave larga', opened);
    expect(readSession(registry, token, opened)).toBeUndefined();
    const second = openSession(registry, person.id, opened);
    closeSession(registry, second.token);
    expect(readSession(registry, second.token, opened)).toBeUndefined();
    expect(readSession(registry, 'no-es-un-token', opened)).toBeUndefined();
  });

  test('bad accounts are refused in Spanish', async () => {
    using registry = registryIn(tempDir());
    await expect(
      addPerson(registry, { username: 'M García', name: 'x', role: Role.reader, password: 'una clave larga' }),
    ).rejects.toThrow('El usuario «M García» no sirve');
    await expect(
      addPerson(registry, { username: 'mg', name: 'x', role: Role.reader, password: 'corta' }),
    ).rejects.toThrow('La contraseña debe tener de 10 a 200 caracteres.');
    await addPerson(registry, { username: 'mg', name: 'M G', role: Role.reader, password: 'una clave larga' });
    await expect(
      addPerson(registry, { username: 'mg', name: 'x', role: Role.reader, password: 'una clave larga' }),
    ).rejects.toThrow('Ya existe la cuenta «mg».');
  });
});

describe('failed sign-ins', () => {
  test('three free tries, then the wait doubles per failure, per account and per address', () => {
    using registry = registryIn(tempDir());
    const keys = ['usuario:mg', 'ip:10.0.0.9'];
    const t0 = new Date('2026-03-01T09:00:00Z');
    for (let i = 0; i < 3; i += 1) recordFailedSignIn(registry, keys, t0);
    expect(signInWait(registry, keys, t0)).toBe(1_000);
    recordFailedSignIn(registry, keys, t0);
    expect(signInWait(registry, keys, t0)).toBe(2_000);
    expect(signInWait(registry, ['usuario:otro', 'ip:10.0.0.9'], t0)).toBe(2_000);
    expect(signInWait(registry, ['usuario:otro', 'ip:10.0.0.1'], t0)).toBe(0);
    expect(signInWait(registry, keys, new Date(t0.getTime() + 2_000))).toBe(0);
    clearFailedSignIns(registry, keys);
    expect(signInWait(registry, keys, t0)).toBe(0);
  });
});

describe('boletin usuarios', () => {
  test('agregar, listar, contrasena, quitar', async () => {
    const datos = tempDir();
    const run = async (argv: string[], stdinLines: string[] = []) => {
      const io = fakeIo({ stdinLines });
      const code = await main(['usuarios', '--datos', datos, ...argv], io);
      return { code, out: io.out(), err: io.err() };
    };
    expect(
      await run(['agregar', 'mgarcia', '--nombre', 'María García', '--rol', 'titular'], ['una clave larga']),
    ).toEqual({
      code: 0,
      out: 'Cuenta creada: mgarcia (María García, titular).\n',
      err: '',
    });
    expect(
      await run(['agregar', 'jlopez', '--nombre', 'José López', '--rol', 'redaccion'], ['otra clave larga']),
    ).toMatchObject({ code: 0 });
    expect(await run(['agregar', 'x1', '--nombre', 'X', '--rol', 'jefe'], ['otra clave larga'])).toEqual({
      code: 2,
      out: '',
      err: 'El rol «jefe» no existe: use redacción, titular, consulta.\n',
    });
    expect((await run(['agregar', 'x2', '--nombre', 'X', '--rol', 'consulta'])).err).toContain('Falta la contraseña');
    expect((await run(['listar'])).out).toBe('jlopez\tredacción\tJosé López\nmgarcia\ttitular\tMaría García\n');
    expect((await run(['contrasena', 'mgarcia'], ['clave nueva larga'])).code).toBe(0);
    {
      using registry = registryIn(datos);
      expect(await verifyPassword('clave nueva larga', findPerson(registry, 'mgarcia')?.passwordHash ?? '')).toBe(true);
    }
    expect(await run(['quitar', 'jlopez'])).toEqual({ code: 0, out: 'Cuenta quitada: jlopez.\n', err: '' });
    expect((await run(['quitar', 'jlopez'])).code).toBe(2);
    using registry = registryIn(datos);
    expect(listPeople(registry).map((p) => p.username)).toEqual(['mgarcia']);
  });
});
