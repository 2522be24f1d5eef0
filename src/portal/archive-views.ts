import { capitalizeFirst } from '../lang/capitalize-first.ts';
import { DateTime } from 'luxon';
import { phrasingFor } from '../lang/index.ts';
import type { VerificationReport } from '../publish/verify-bulletins.ts';
import {
  BulletinState,
  bulletinLabel,
  currentVersion,
  type BulletinRecord,
  type BulletinVersionRecord,
} from '../publish/registry-records.ts';

/** How the page names a bulletin's state; "borrador" and "por aprobar" come from the approval workflow. */
export const ShownState = {
  draft: 'borrador',
  awaiting: 'por aprobar',
  published: 'publicado',
  corrected: 'corregido',
  inProgress: 'en proceso',
} as const;
export type ShownState = (typeof ShownState)[keyof typeof ShownState];

export const FILTERABLE_STATES: readonly ShownState[] = [
  ShownState.draft,
  ShownState.awaiting,
  ShownState.published,
  ShownState.corrected,
];

const phrasing = phrasingFor('es');
const OFFICE_ZONE = 'America/Mexico_City';

export function shownState(bulletin: BulletinRecord): ShownState {
  const current = currentVersion(bulletin);
  if (
    current?.state === BulletinState.inProgress &&
    !bulletin.versions.some((v) => v.state === BulletinState.published)
  ) {
    return ShownState.inProgress;
  }
  return bulletin.versions.length > 1 ? ShownState.corrected : ShownState.published;
}

export function stateClass(state: ShownState): string {
  return `estado estado-${state.replace(/ /g, '-')}`;
}

/** "1 de marzo de 2023", by the phrasing module. */
export function writtenDate(isoDate: string): string {
  return phrasing.date(isoDate.slice(0, 10));
}

/** "1 de marzo de 2023, 12:05" in the office's time zone. */
export function writtenMoment(isoInstant: string): string {
  const local = DateTime.fromISO(isoInstant, { zone: 'utc' }).setZone(OFFICE_ZONE);
  if (!local.isValid) return isoInstant;
  return `${phrasing.date(local.toISODate() ?? '')}, ${local.toFormat('HH:mm')}`;
}

export function bulletinPath(year: number, number: number): string {
  return `/boletines/${year}/${number}`;
}

export function filePath(version: BulletinVersionRecord, format: string): string {
  return `${bulletinPath(version.year, version.number)}/v${version.version}/${format}`;
}

/** The archive's verdict on one version's files: "bien", or what is missing or altered. */
export function archiveStatus(
  report: VerificationReport | undefined,
  version: BulletinVersionRecord,
): { texto: string; clase: string } {
  const check = report?.versions.find(
    (v) => v.year === version.year && v.number === version.number && v.version === version.version,
  );
  if (check === undefined) return { texto: 'sin verificar', clase: '' };
  if (check.interrupted) return { texto: 'publicación interrumpida', clase: 'archivo-falta' };
  const missing = check.files.filter((file) => file.status === 'falta').length;
  const altered = check.files.filter((file) => file.status === 'alterado').length;
  if (missing === 0 && altered === 0)
    return { texto: check.files.length === 0 ? 'sin archivos aún' : 'archivos íntegros', clase: 'archivo-ok' };
  const parts = [];
  if (missing > 0) parts.push(missing === 1 ? 'falta 1 archivo' : `faltan ${missing} archivos`);
  if (altered > 0) parts.push(altered === 1 ? '1 archivo alterado' : `${altered} archivos alterados`);
  return { texto: parts.join(', '), clase: 'archivo-alterado' };
}

export function fileStatusOf(
  report: VerificationReport | undefined,
  version: BulletinVersionRecord,
  path: string,
): 'ok' | 'falta' | 'alterado' | 'sin verificar' {
  const check = report?.versions.find(
    (v) => v.year === version.year && v.number === version.number && v.version === version.version,
  );
  return check?.files.find((file) => file.path === path)?.status ?? 'sin verificar';
}

export interface ListFilter {
  readonly year?: number | undefined;
  readonly state?: ShownState | undefined;
  readonly text?: string | undefined;
}

/** Newest first: by year, then number. */
export function newestFirst(bulletins: readonly BulletinRecord[]): BulletinRecord[] {
  return [...bulletins].sort((a, b) => b.year - a.year || b.number - a.number);
}

export function matchesFilter(bulletin: BulletinRecord, filter: ListFilter): boolean {
  if (filter.year !== undefined && bulletin.year !== filter.year) return false;
  if (filter.state !== undefined && shownState(bulletin) !== filter.state) return false;
  const text = filter.text?.trim();
  if (text === undefined || text === '') return true;
  const version = currentVersion(bulletin);
  const haystack = [
    bulletinLabel(bulletin.number, bulletin.year),
    version?.title,
    version?.slug,
    version?.issueDate,
    version?.edition,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  return fold(haystack).includes(fold(text));
}

/** Lowercase without accents, so "jornada extraordinaria" finds "Jornada Extraordinaria" and "cirugia" "cirugía". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** What a file is, by the last part of its registry format. */
const FILE_KINDS: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  html: 'HTML',
  md: 'Markdown',
  verificacion: 'comprobación de cifras (JSON)',
  'verificacion-html': 'comprobación de cifras',
  alt: 'texto alternativo',
  'png-1200x675': 'imagen 1200×675',
  'png-1080x1080': 'imagen 1080×1080',
};

/** The other editions, by the first part of a format ("en.pdf"); the Spanish bulletin's formats have none. */
const EDITIONS: Readonly<Record<string, string>> = { en: 'Inglés', web: 'Web', tarjeta: 'Tarjeta' };

/**
 * A file's name on the download list, from its registry format: "pdf" -> "PDF", "verificacion-html" ->
 * "comprobación de cifras", "en.pdf" -> "Inglés: PDF", "estatal-jalisco.pdf" -> "Estatal (jalisco): PDF",
 * "tarjeta.png-1200x675" -> "Tarjeta: imagen 1200×675". An unknown format is shown as it is recorded.
 */
export function formatLabel(format: string): string {
  const dot = format.indexOf('.');
  const edition = dot === -1 ? undefined : format.slice(0, dot);
  const kind = dot === -1 ? format : format.slice(dot + 1);
  const kindLabel = FILE_KINDS[kind] ?? kind.toUpperCase();
  if (edition === undefined) return capitalizeFirst(kindLabel, 'es-MX');
  const state = /^estatal-(.+)$/.exec(edition)?.[1];
  const editionLabel = EDITIONS[edition] ?? (state === undefined ? edition : `Estatal (${state})`);
  return `${editionLabel}: ${kindLabel}`;
}

/** "48 KB": a file's size in digits, as a download list shows it (not a figure of a bulletin's prose). */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}
