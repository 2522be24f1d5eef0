import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Registry } from '../publish/registry.ts';
import type { Person } from './accounts.ts';
import { findPersonById } from './accounts.ts';

/** A signed-in person: who, and the token every changing form must send back. */
export interface Session {
  readonly person: Person;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** A working day and a bit: a session does not outlive the day it was opened in by much. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** Opens a session and returns its token (for the cookie); only the token's sha256 is stored. */
export function openSession(
  registry: Registry,
  personId: number,
  now: Date = new Date(),
): { token: string; session: Session } {
  const token = randomToken();
  const csrf = randomToken();
  const expires = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
  registry.immediate((db) => {
    db.prepare('DELETE FROM sesiones WHERE vence_en <= ?').run(now.toISOString());
    db.prepare('INSERT INTO sesiones (hash_token, persona_id, csrf, creada_en, vence_en) VALUES (?, ?, ?, ?, ?)').run(
      tokenHash(token),
      personId,
      csrf,
      now.toISOString(),
      expires,
    );
  });
  const person = findPersonById(registry, personId);
  if (person === undefined) throw new Error(`La persona ${personId} no existe.`);
  return { token, session: { person, csrfToken: csrf, expiresAt: expires } };
}

/** The live session a cookie's token stands for, or undefined (unknown, expired, or its person removed). */
export function readSession(registry: Registry, token: string, now: Date = new Date()): Session | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = registry.db
    .prepare('SELECT persona_id, csrf, vence_en FROM sesiones WHERE hash_token = ?')
    .get(tokenHash(token)) as { persona_id: number; csrf: string; vence_en: string } | undefined;
  if (row === undefined || row.vence_en <= now.toISOString()) return undefined;
  const person = findPersonById(registry, row.persona_id);
  return person === undefined ? undefined : { person, csrfToken: row.csrf, expiresAt: row.vence_en };
}

export function closeSession(registry: Registry, token: string): void {
  registry.immediate((db) => db.prepare('DELETE FROM sesiones WHERE hash_token = ?').run(tokenHash(token)));
}

/** Constant-time comparison of a form's token with the session's. */
export function sameToken(sent: unknown, expected: string): boolean {
  // A form field sent as JSON can be anything: only a string is a token.
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 32 random bytes in base64url: 43 characters. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
