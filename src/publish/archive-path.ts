import { realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { RegistryError } from './publish-errors.ts';

/**
 * The shape of every path the registry records: `<año>/<NNN>-<slug>[.vN].<ext>` (ext may be `en.pdf`), relative to the output
 * folder, with "/" (relativeOutputPath writes them). Anything else in a row was not written by Boletín.
 */
// The extension may name an edition or a companion file first: "en.pdf", "estatal-jalisco.pdf", "verificacion.json".
export const PUBLISHED_PATH_PATTERN =
  /^(\d{4})\/(\d{3,4})-([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.v(\d+))?\.([a-z0-9]+(?:[.-][a-z0-9]+)*)$/;

/**
 * Resolves a path read from the registry against its output folder, and refuses it unless it has the
 * shape Boletín writes and stays inside the folder, symbolic links included: the registry is a file a
 * person can edit, and a crafted row must never make Boletín read, replace or delete a file elsewhere.
 */
export function resolveArchivePath(outputDir: string, relativePath: string): string {
  const root = resolve(outputDir);
  const refuse = (why: string): never => {
    throw new RegistryError(
      `El registro tiene una ruta de archivo que no es de Boletín: «${relativePath}» (${why}; carpeta de salida ${root}). No se tocó ningún archivo. El registro pudo ser alterado: revíselo con «boletin archivo verificar» o restáurelo desde un respaldo.`,
    );
  };
  if (!PUBLISHED_PATH_PATTERN.test(relativePath)) refuse('no tiene la forma <año>/<número>-<jornada>.<extensión>');
  const absolute = join(root, ...relativePath.split('/'));
  if (!absolute.startsWith(root + sep)) refuse('sale de la carpeta de salida');
  // A symbolic link inside the folder may point elsewhere: compare the real folders when they exist.
  const realRoot = realOrSelf(root);
  const realParent = realOrSelf(dirname(absolute));
  if (realParent !== realRoot && !realParent.startsWith(realRoot + sep))
    refuse('un enlace simbólico la lleva fuera de la carpeta de salida');
  return absolute;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
