import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/**
 * The registry's schema, one migration per version. `PRAGMA user_version` holds the version a database
 * is at; opening it applies the missing migrations in order, in one transaction. Never edit a migration
 * that has shipped: add the next one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly up: (db: DatabaseSync) => void;
}

/** Version 1: one row per bulletin, its files, and the year's sequence floor. */
const version1: Migration = {
  version: 1,
  description: 'boletines, archivos y secuencias',
  up: (db) =>
    db.exec(`
      CREATE TABLE boletines (
        id                INTEGER PRIMARY KEY,
        anio              INTEGER NOT NULL,
        numero            INTEGER NOT NULL,
        jornada           TEXT NOT NULL,
        titulo            TEXT NOT NULL,
        fecha             TEXT NOT NULL,
        hash_datos        TEXT NOT NULL,
        edicion           TEXT NOT NULL,
        estilo            TEXT NOT NULL,
        version_plantilla TEXT NOT NULL,
        estado            TEXT NOT NULL CHECK (estado IN ('en-proceso', 'publicado', 'reemplazado')),
        creado_en         TEXT NOT NULL,
        usuario           TEXT NOT NULL,
        UNIQUE (anio, numero)
      );
      CREATE TABLE archivos (
        boletin_id INTEGER NOT NULL REFERENCES boletines (id),
        ruta       TEXT NOT NULL UNIQUE,
        formato    TEXT NOT NULL,
        sha256     TEXT NOT NULL,
        bytes      INTEGER NOT NULL
      );
      CREATE TABLE secuencias (
        anio      INTEGER PRIMARY KEY,
        siguiente INTEGER NOT NULL
      );
    `),
};

/**
 * Version 2: a number (boletines) may have several versions (versiones) when it is corrected; each
 * version keeps its own files, who is publishing it while it is 'en-proceso', and the output folder its
 * paths are relative to. Numbers released by a failed run are kept so the next allocation reuses them.
 * Every version-1 row becomes version 1 of its number, with its files.
 */
const version2: Migration = {
  version: 2,
  description: 'versiones por número, dueño de la publicación en curso, números liberados',
  up: (db) =>
    db.exec(`
      ALTER TABLE archivos RENAME TO archivos_v1;
      ALTER TABLE boletines RENAME TO boletines_v1;

      CREATE TABLE boletines (
        id        INTEGER PRIMARY KEY,
        anio      INTEGER NOT NULL CHECK (anio BETWEEN 1900 AND 9999),
        numero    INTEGER NOT NULL CHECK (numero BETWEEN 1 AND 9999),
        creado_en TEXT NOT NULL,
        UNIQUE (anio, numero)
      );
      CREATE TABLE versiones (
        id                INTEGER PRIMARY KEY,
        boletin_id        INTEGER NOT NULL REFERENCES boletines (id) ON DELETE CASCADE,
        version           INTEGER NOT NULL CHECK (version >= 1),
        jornada           TEXT NOT NULL,
        titulo            TEXT NOT NULL,
        fecha             TEXT NOT NULL,
        hash_datos        TEXT NOT NULL,
        edicion           TEXT NOT NULL,
        estilo            TEXT NOT NULL,
        version_plantilla TEXT NOT NULL,
        estado            TEXT NOT NULL CHECK (estado IN ('en-proceso', 'publicado', 'reemplazado')),
        carpeta_salida    TEXT,
        creado_en         TEXT NOT NULL,
        usuario           TEXT NOT NULL,
        publicado_en      TEXT,
        dueno_pid         INTEGER,
        dueno_host        TEXT,
        dueno_inicio      TEXT,
        dueno_desde       TEXT,
        UNIQUE (boletin_id, version)
      );
      CREATE INDEX versiones_por_datos ON versiones (hash_datos, edicion);
      CREATE TABLE archivos (
        id         INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES versiones (id) ON DELETE CASCADE,
        ruta       TEXT NOT NULL UNIQUE,
        formato    TEXT NOT NULL,
        sha256     TEXT NOT NULL,
        bytes      INTEGER NOT NULL CHECK (bytes >= 0)
      );
      CREATE INDEX archivos_por_version ON archivos (version_id);
      CREATE TABLE numeros_liberados (
        anio        INTEGER NOT NULL,
        numero      INTEGER NOT NULL,
        liberado_en TEXT NOT NULL,
        PRIMARY KEY (anio, numero)
      );

      INSERT INTO boletines (id, anio, numero, creado_en)
        SELECT id, anio, numero, creado_en FROM boletines_v1;
      INSERT INTO versiones (id, boletin_id, version, jornada, titulo, fecha, hash_datos, edicion, estilo,
                             version_plantilla, estado, creado_en, usuario, publicado_en)
        SELECT id, id, 1, jornada, titulo, fecha, hash_datos, edicion, estilo, version_plantilla, estado,
               creado_en, usuario, CASE WHEN estado = 'en-proceso' THEN NULL ELSE creado_en END
        FROM boletines_v1;
      INSERT INTO archivos (version_id, ruta, formato, sha256, bytes)
        SELECT boletin_id, ruta, formato, sha256, bytes FROM archivos_v1;

      DROP TABLE archivos_v1;
      DROP TABLE boletines_v1;
    `),
};

/**
 * Version 3: the archive knows itself. One row (`archivo`) holds the archive's identity, a random id
 * written once when the registry is created (or migrated); every output folder the registry publishes
 * into carries the same id in its marker file, so a registry and a folder of published files that do not
 * belong together are told apart. `carpetas_salida` lists the folders that carry the marker.
 */
const version3: Migration = {
  version: 3,
  description: 'identidad del archivo y carpetas de salida',
  up: (db) => {
    db.exec(`
      CREATE TABLE archivo (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        identidad  TEXT NOT NULL CHECK (length(identidad) = 36),
        aplicacion TEXT NOT NULL CHECK (aplicacion = 'boletin'),
        creado_en  TEXT NOT NULL
      );
      CREATE TABLE carpetas_salida (
        ruta          TEXT PRIMARY KEY,
        registrada_en TEXT NOT NULL
      );
    `);
    db.prepare(`INSERT INTO archivo (id, identidad, aplicacion, creado_en) VALUES (1, ?, 'boletin', ?)`).run(
      randomUUID(),
      new Date().toISOString(),
    );
  },
};

/**
 * Version 4: approval requests (solicitudes) and the audit log (bitacora). A request keeps the dataset's
 * bytes and their sha256, so approving publishes exactly what was reviewed; its draft files are recorded
 * like a bulletin's, relative to the output folder. The log is append-only: who did what, when, to which
 * request or number. Published numbers are copied, not referenced, so the log outlives any cleanup.
 */
const version4: Migration = {
  version: 4,
  description: 'solicitudes de aprobación y bitácora',
  up: (db) =>
    db.exec(`
      CREATE TABLE solicitudes (
        id             INTEGER PRIMARY KEY,
        estado         TEXT NOT NULL CHECK (estado IN ('borrador', 'por-aprobar', 'aprobado', 'publicado', 'rechazado')),
        nombre_archivo TEXT NOT NULL,
        datos          BLOB NOT NULL,
        sha256_datos   TEXT NOT NULL,
        hash_datos     TEXT NOT NULL,
        jornada        TEXT NOT NULL,
        titulo         TEXT NOT NULL,
        fecha          TEXT NOT NULL,
        opciones       TEXT NOT NULL,
        origen         TEXT NOT NULL,
        carpeta_salida TEXT NOT NULL,
        creado_por     TEXT NOT NULL,
        creado_en      TEXT NOT NULL,
        actualizado_en TEXT NOT NULL,
        motivo_rechazo TEXT,
        aprobado_por   TEXT,
        aprobado_en    TEXT,
        anio           INTEGER,
        numero         INTEGER,
        version        INTEGER
      );
      CREATE INDEX solicitudes_por_estado ON solicitudes (estado);
      CREATE TABLE archivos_borrador (
        id           INTEGER PRIMARY KEY,
        solicitud_id INTEGER NOT NULL REFERENCES solicitudes (id) ON DELETE CASCADE,
        ruta         TEXT NOT NULL,
        formato      TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        bytes        INTEGER NOT NULL CHECK (bytes >= 0)
      );
      CREATE INDEX archivos_borrador_por_solicitud ON archivos_borrador (solicitud_id);
      CREATE TABLE bitacora (
        id           INTEGER PRIMARY KEY,
        momento      TEXT NOT NULL,
        persona      TEXT NOT NULL,
        accion       TEXT NOT NULL,
        solicitud_id INTEGER REFERENCES solicitudes (id),
        anio         INTEGER,
        numero       INTEGER,
        version      INTEGER,
        detalle      TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX bitacora_por_solicitud ON bitacora (solicitud_id);
      CREATE INDEX bitacora_por_numero ON bitacora (anio, numero);
    `),
};

/**
 * Version 5: the scheduler's state per calendar jornada (programa_jornadas): what it saw last (file,
 * size, time, hash), why it did not render yet, when it looks next, and the request it made. The owner
 * columns are a claim like a publication's: a scheduler takes a jornada in a BEGIN IMMEDIATE transaction
 * before looking, so two schedulers never render one jornada twice, and a dead one's claim is taken over.
 */
const version5: Migration = {
  version: 5,
  description: 'estado del programador por jornada',
  up: (db) =>
    db.exec(`
      CREATE TABLE programa_jornadas (
        jornada            TEXT PRIMARY KEY,
        estado             TEXT NOT NULL CHECK (estado IN ('esperando-datos', 'datos-invalidos', 'generado', 'vencido')),
        intentos           INTEGER NOT NULL DEFAULT 0 CHECK (intentos >= 0),
        ultima_busqueda    TEXT,
        siguiente_busqueda TEXT,
        motivo             TEXT NOT NULL DEFAULT '',
        informe            TEXT,
        archivo            TEXT,
        tamano             INTEGER,
        modificado         TEXT,
        sha256             TEXT,
        solicitud_id       INTEGER REFERENCES solicitudes (id),
        dueno_pid          INTEGER,
        dueno_host         TEXT,
        dueno_inicio       TEXT,
        dueno_desde        TEXT,
        actualizado_en     TEXT NOT NULL
      );
    `),
};

/**
 * Version 7: the people who use the download page (portal), their roles, their sign-in sessions, and the
 * failed sign-ins that slow the next attempt down. A password is kept only as its scrypt hash, a session
 * only as the sha256 of its token, so a copy of the registry signs nobody in.
 */
const version7: Migration = {
  version: 7,
  description: 'personas, roles, sesiones e intentos fallidos del portal',
  up: (db) =>
    db.exec(`
      CREATE TABLE personas (
        id              INTEGER PRIMARY KEY,
        usuario         TEXT NOT NULL UNIQUE CHECK (usuario GLOB '[a-z0-9]*' AND length(usuario) BETWEEN 2 AND 32),
        nombre          TEXT NOT NULL CHECK (length(nombre) BETWEEN 1 AND 120),
        rol             TEXT NOT NULL CHECK (rol IN ('redacción', 'titular', 'consulta')),
        hash_contrasena TEXT NOT NULL,
        creado_en       TEXT NOT NULL,
        cambiado_en     TEXT NOT NULL
      );
      CREATE TABLE sesiones (
        hash_token TEXT PRIMARY KEY,
        persona_id INTEGER NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
        csrf       TEXT NOT NULL,
        creada_en  TEXT NOT NULL,
        vence_en   TEXT NOT NULL
      );
      CREATE INDEX sesiones_por_persona ON sesiones (persona_id);
      CREATE TABLE intentos_fallidos (
        clave     TEXT PRIMARY KEY,
        fallos    INTEGER NOT NULL CHECK (fallos >= 1),
        ultimo_en TEXT NOT NULL
      );
    `),
};

/**
 * Every migration, in ascending version order. Version numbers are reserved ahead for work in progress
 * (3: the archive's identity, 4: approvals and the audit log, 5: the scheduler, 6: edition packages,
 * 7: the portal's people), so a
 * version may be missing while its work has not landed; the newest version present is the schema's.
 */
export const migrations: readonly Migration[] = [version1, version2, version3, version4, version5, version7];

/** Version 3, for a database that a build without it already took past 3 (reserved versions landed out of order). */
export const archiveIdentityMigration: Migration = version3;

export const LATEST_SCHEMA_VERSION = Math.max(...migrations.map((migration) => migration.version));
