import { join } from 'node:path';
import { InputError } from '../errors.ts';

/** Folder, under a year's folder, where drafts go: they take no number and may be overwritten. */
export const DRAFTS_FOLDER = 'borradores';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// An edition or a companion file may lead the extension: "en.pdf", "verificacion.json", "estatal-jalisco.pdf".
const extensionPattern = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

export interface OutputPathParts {
  readonly year: number;
  readonly slug: string;
  readonly extension: string;
  /** Null for a draft. */
  readonly number: number | null;
  /** Version of a numbered bulletin; corrections are 2, 3... and get a ".v2" before the extension. */
  readonly version?: number;
}

/** "093" for 93, "1000" for 1000: three digits, four from a thousand on. */
export function padBulletinNumber(number: number): string {
  return String(number).padStart(3, '0');
}

/**
 * The path of one output file relative to the output folder:
 * `<año>/<NNN>-<slug>.<ext>`, a correction `<año>/<NNN>-<slug>.v2.<ext>`, a draft `<año>/borradores/<slug>.<ext>`.
 * Always with "/" so that the registry reads the same on every system.
 */
export function relativeOutputPath(parts: OutputPathParts): string {
  assertValidSlug(parts.slug);
  assertValidExtension(parts.extension);
  assertValidYear(parts.year);
  if (parts.number === null) return `${parts.year}/${DRAFTS_FOLDER}/${parts.slug}.${parts.extension}`;
  assertValidNumber(parts.number);
  const version = parts.version ?? 1;
  const suffix = version > 1 ? `.v${version}` : '';
  return `${parts.year}/${padBulletinNumber(parts.number)}-${parts.slug}${suffix}.${parts.extension}`;
}

/** The absolute (or outputDir-relative) path of one output file. */
export function outputPath(outputDir: string, parts: OutputPathParts): string {
  return join(outputDir, ...relativeOutputPath(parts).split('/'));
}

export function assertValidSlug(slug: string): void {
  if (!slugPattern.test(slug)) {
    throw new InputError(
      `El identificador de la jornada «${slug}» no sirve como nombre de archivo: use minúsculas sin acentos, cifras y guiones (por ejemplo «cuarta-jornada-extraordinaria-2023»).`,
    );
  }
}

export function assertValidExtension(extension: string): void {
  if (!extensionPattern.test(extension)) {
    throw new InputError(`La extensión de archivo «${extension}» no es válida: use minúsculas y cifras, sin punto.`);
  }
}

export function assertValidYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new InputError(`El año ${year} no es válido: escriba un año de cuatro cifras.`);
  }
}

export function assertValidNumber(number: number): void {
  if (!Number.isInteger(number) || number < 1 || number > 9999) {
    throw new InputError(`El número de boletín ${number} no es válido: debe ser un entero entre 1 y 9999.`);
  }
}
