import type { DatabaseSync } from 'node:sqlite';
import type { Registry } from './registry.ts';

/** One edition of a package as the registry records it. */
export interface PackagedEdition {
  /** "nacional", "en", "web", "estatal-jalisco", "tarjeta". */
  readonly edition: string;
  readonly lang: string;
  /** Figures its verification proved against the data. */
  readonly figures: number;
}

/**
 * Records which editions a version holds (migration 6), inside the transaction that publishes it (see
 * `PublishRequest.recordOnPublish`), so a version is never published without its package's rows.
 * Publishing the same version again (a repair) replaces its rows.
 */
export function recordEditionPackage(db: DatabaseSync, versionId: number, editions: readonly PackagedEdition[]): void {
  db.prepare('DELETE FROM ediciones WHERE version_id = ?').run(versionId);
  const insert = db.prepare(
    "INSERT INTO ediciones (version_id, edicion, idioma, cifras, veredicto) VALUES (?, ?, ?, ?, 'aprobada')",
  );
  for (const edition of editions) insert.run(versionId, edition.edition, edition.lang, edition.figures);
}

/** The editions a published bulletin's newest version holds, in the order they were recorded. */
export function editionPackage(registry: Registry, year: number, number: number): PackagedEdition[] {
  const rows = registry.db
    .prepare(
      `SELECT e.edicion AS edition, e.idioma AS lang, e.cifras AS figures FROM ediciones e
       JOIN versiones v ON v.id = e.version_id JOIN boletines b ON b.id = v.boletin_id
       WHERE b.anio = ? AND b.numero = ?
         AND v.version = (SELECT MAX(version) FROM versiones WHERE boletin_id = b.id AND estado = 'publicado')
       ORDER BY e.rowid`,
    )
    .all(year, number) as Array<{ edition: string; lang: string; figures: number }>;
  return rows.map((row) => ({ edition: row.edition, lang: row.lang, figures: row.figures }));
}
