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
 * Records which editions a published version holds (migration 6). Called once the version is
 * published; recording the same package again (a re-run of the same data) replaces its rows.
 */
export function recordEditionPackage(
  registry: Registry,
  bulletin: { readonly year: number; readonly number: number; readonly version: number },
  editions: readonly PackagedEdition[],
): void {
  registry.immediate((db) => {
    const row = db
      .prepare(
        `SELECT v.id AS id FROM versiones v JOIN boletines b ON b.id = v.boletin_id
         WHERE b.anio = ? AND b.numero = ? AND v.version = ? AND v.estado = 'publicado'`,
      )
      .get(bulletin.year, bulletin.number, bulletin.version) as { id: number } | undefined;
    if (row === undefined)
      throw new Error(
        `No hay una versión publicada ${String(bulletin.version)} del boletín ${String(bulletin.number)}/${String(bulletin.year)}.`,
      );
    db.prepare('DELETE FROM ediciones WHERE version_id = ?').run(row.id);
    const insert = db.prepare(
      "INSERT INTO ediciones (version_id, edicion, idioma, cifras, veredicto) VALUES (?, ?, ?, ?, 'aprobada')",
    );
    for (const edition of editions) insert.run(row.id, edition.edition, edition.lang, edition.figures);
  });
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
