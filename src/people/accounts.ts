import { InputError } from '../errors.ts';
import type { Registry } from '../publish/registry.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword } from './password-hash.ts';
import type { Role } from './roles.ts';

/** One person who may sign in to the download page. */
export interface Person {
  readonly id: number;
  /** What they type to sign in: lowercase letters and digits. */
  readonly username: string;
  /** Their name as the registry records it beside every approval. */
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

export interface PersonWithHash extends Person {
  readonly passwordHash: string;
}

interface PersonRow {
  id: number;
  usuario: string;
  nombre: string;
  rol: Role;
  hash_contrasena: string;
  creado_en: string;
}

const USERNAME = /^[a-z0-9]{2,32}$/;

export interface NewPerson {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

export async function addPerson(registry: Registry, person: NewPerson, now: Date = new Date()): Promise<Person> {
  checkUsername(person.username);
  const name = person.name.trim();
  if (name === '' || name.length > 120)
    throw new InputError(
      'El nombre debe tener de 1 a 120 caracteres: es el que queda registrado junto a cada aprobación.',
    );
  checkPassword(person.password);
  if (findPerson(registry, person.username) !== undefined) {
    throw new InputError(
      `Ya existe la cuenta «${person.username}». Cambie su contraseña con: boletin usuarios contrasena ${person.username}`,
    );
  }
  const hash = await hashPassword(person.password);
  const stamp = now.toISOString();
  const id = registry.immediate((db) => {
    const result = db
      .prepare(
        'INSERT INTO personas (usuario, nombre, rol, hash_contrasena, creado_en, cambiado_en) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(person.username, name, person.role, hash, stamp, stamp);
    return Number(result.lastInsertRowid);
  });
  return { id, username: person.username, name, role: person.role, createdAt: stamp };
}

export function listPeople(registry: Registry): Person[] {
  const rows = registry.db.prepare('SELECT * FROM personas ORDER BY usuario').all() as unknown as PersonRow[];
  return rows.map((row) => withoutHash(toPerson(row)));
}

export function countPeople(registry: Registry): number {
  return (registry.db.prepare('SELECT count(*) AS n FROM personas').get() as { n: number }).n;
}

export function findPerson(registry: Registry, username: string): PersonWithHash | undefined {
  const row = registry.db.prepare('SELECT * FROM personas WHERE usuario = ?').get(username) as PersonRow | undefined;
  return row === undefined ? undefined : toPerson(row);
}

export function findPersonById(registry: Registry, id: number): Person | undefined {
  const row = registry.db.prepare('SELECT * FROM personas WHERE id = ?').get(id) as PersonRow | undefined;
  return row === undefined ? undefined : withoutHash(toPerson(row));
}

/** Removes the account and, with it, every session it had open. */
export function removePerson(registry: Registry, username: string): void {
  const removed = registry.immediate(
    (db) => db.prepare('DELETE FROM personas WHERE usuario = ?').run(username).changes,
  );
  if (removed === 0)
    throw new InputError(`No existe la cuenta «${username}». Vea las cuentas con: boletin usuarios listar`);
}

/** A new password ends every session the person had open. */
export async function setPassword(
  registry: Registry,
  username: string,
  password: string,
  now: Date = new Date(),
): Promise<void> {
  checkPassword(password);
  if (findPerson(registry, username) === undefined) {
    throw new InputError(`No existe la cuenta «${username}». Vea las cuentas con: boletin usuarios listar`);
  }
  const hash = await hashPassword(password);
  registry.immediate((db) => {
    db.prepare('UPDATE personas SET hash_contrasena = ?, cambiado_en = ? WHERE usuario = ?').run(
      hash,
      now.toISOString(),
      username,
    );
    db.prepare('DELETE FROM sesiones WHERE persona_id = (SELECT id FROM personas WHERE usuario = ?)').run(username);
  });
}

function checkUsername(username: string): void {
  if (!USERNAME.test(username)) {
    throw new InputError(
      `El usuario «${username}» no sirve: use de 2 a 32 minúsculas sin acentos y cifras, por ejemplo «mgarcia».`,
    );
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new InputError(`La contraseña debe tener de ${MIN_PASSWORD_LENGTH} a ${MAX_PASSWORD_LENGTH} caracteres.`);
  }
}

function toPerson(row: PersonRow): PersonWithHash {
  return {
    id: row.id,
    username: row.usuario,
    name: row.nombre,
    role: row.rol,
    createdAt: row.creado_en,
    passwordHash: row.hash_contrasena,
  };
}

function withoutHash(person: PersonWithHash): Person {
  const { passwordHash: _hash, ...rest } = person;
  return rest;
}
