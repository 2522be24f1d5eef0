import type { DatabaseSync } from 'node:sqlite';
import type { Registry } from './registry.ts';
import { assertValidNumber, assertValidYear } from './output-path.ts';
import { PublishConflictError } from './publish-errors.ts';
import { bulletinLabel } from './registry-records.ts';

/** Where a year's sequence stands. */
export interface SequenceState {
  readonly year: number;
  /** Highest number recorded for the year (any state), or null. */
  readonly highest: number | null;
  /** The floor set by `archivo numeracion`: no automatic number below it. */
  readonly floor: number | null;
  /** Numbers a failed run gave back, which the next allocations take first. */
  readonly released: readonly number[];
  /** The number the next automatic allocation will take. */
  readonly next: number;
}

export function readSequence(db: DatabaseSync, year: number): SequenceState {
  const highest = (
    db.prepare('SELECT MAX(numero) AS n FROM boletines WHERE anio = ?').get(year) as { n: number | null }
  ).n;
  const floorRow = db.prepare('SELECT siguiente FROM secuencias WHERE anio = ?').get(year) as
    { siguiente: number } | undefined;
  const floor = floorRow?.siguiente ?? null;
  const released = (
    db
      .prepare(
        `SELECT numero FROM numeros_liberados l WHERE anio = ? AND numero >= ?
         AND NOT EXISTS (SELECT 1 FROM boletines b WHERE b.anio = l.anio AND b.numero = l.numero)
         ORDER BY numero`,
      )
      .all(year, floor ?? 1) as { numero: number }[]
  ).map((r) => r.numero);
  const next = released[0] ?? Math.max(floor ?? 1, (highest ?? 0) + 1);
  return { year, highest, floor, released, next };
}

/** The number the next automatic allocation of `year` would take (nothing is reserved). */
export function peekSequence(registry: Registry, year: number): SequenceState {
  assertValidYear(year);
  return readSequence(registry.db, year);
}

/**
 * Takes the next number of `year`: a number given back by a failed run if there is one, else the
 * highest recorded plus one, never below the floor. Must run inside the caller's transaction, which
 * then inserts the bulletin with it.
 */
export function takeNextNumber(db: DatabaseSync, year: number): number {
  const { next } = readSequence(db, year);
  assertValidNumber(next);
  db.prepare('DELETE FROM numeros_liberados WHERE anio = ? AND numero = ?').run(year, next);
  return next;
}

/** An explicit number is being used: it is no longer a released one. */
export function forgetReleased(db: DatabaseSync, year: number, number: number): void {
  db.prepare('DELETE FROM numeros_liberados WHERE anio = ? AND numero = ?').run(year, number);
}

/**
 * A number left the registry (its only version was released). If it is below the next automatic number
 * it would be skipped, so it is kept to be taken first.
 */
export function giveBackNumber(db: DatabaseSync, year: number, number: number, now: string): void {
  if (number < readSequence(db, year).next) {
    db.prepare('INSERT OR IGNORE INTO numeros_liberados (anio, numero, liberado_en) VALUES (?, ?, ?)').run(
      year,
      number,
      now,
    );
  }
}

/**
 * "The next number is 94": the office's other bulletins took numbers, so automatic numbering of `year`
 * continues at `next`. It must be above every number already recorded for the year; released numbers
 * below it are dropped.
 */
export function setSequenceFloor(registry: Registry, year: number, next: number): SequenceState {
  assertValidYear(year);
  assertValidNumber(next);
  return registry.immediate((db) => {
    const { highest } = readSequence(db, year);
    if (highest !== null && next <= highest) {
      throw new PublishConflictError(
        `El ${bulletinLabel(highest, year)} ya está en el registro: el siguiente número de ${year} debe ser mayor que ${highest}.`,
      );
    }
    db.prepare(
      'INSERT INTO secuencias (anio, siguiente) VALUES (?, ?) ON CONFLICT (anio) DO UPDATE SET siguiente = excluded.siguiente',
    ).run(year, next);
    db.prepare('DELETE FROM numeros_liberados WHERE anio = ? AND numero < ?').run(year, next);
    return readSequence(db, year);
  });
}
