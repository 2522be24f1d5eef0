/**
 * Errors from the operating system (and SQLite's file errors) told in Spanish, with the path and what
 * to do. Node's own messages ("EACCES: permission denied, open '…'") are English and say nothing of the
 * fix; users read these.
 */

interface SystemErrorLike {
  readonly code?: unknown;
  readonly errcode?: unknown;
  readonly path?: unknown;
  readonly dest?: unknown;
  readonly message?: unknown;
}

const advice: Readonly<Record<string, (path: string) => string>> = {
  EACCES: (path) => `no hay permiso para usar «${path}»: revise los permisos (ls -l) o elija otra carpeta`,
  EPERM: (path) => `el sistema no permite esta operación sobre «${path}»: revise los permisos o elija otra carpeta`,
  ENOSPC: (path) => `no queda espacio en el disco de «${path}»: libere espacio (df -h) y vuelva a intentarlo`,
  EDQUOT: (path) => `se agotó la cuota de disco del usuario en «${path}»: libere espacio y vuelva a intentarlo`,
  EROFS: (path) => `«${path}» está en un disco de sólo lectura: elija una carpeta donde se pueda escribir`,
  ENAMETOOLONG: (path) =>
    `la ruta «${shorten(path)}» es demasiado larga para el sistema: use una carpeta con una ruta más corta`,
  ENOTDIR: (path) =>
    `una parte de la ruta «${path}» es un archivo y no una carpeta: revise la ruta o elija otra carpeta`,
  EISDIR: (path) => `«${path}» es una carpeta y se esperaba un archivo: indique el archivo`,
  EEXIST: (path) =>
    `ya existe «${path}» (un archivo donde hacía falta una carpeta, o uno que no se reemplaza): muévalo o elija otra ruta`,
  ENOENT: (path) => `no existe «${path}»: revise la ruta`,
  EMFILE: (path) => `hay demasiados archivos abiertos al usar «${path}»: cierre otros programas y vuelva a intentarlo`,
  EBUSY: (path) => `«${path}» está en uso por otro programa: ciérrelo y vuelva a intentarlo`,
  EIO: (path) => `error de lectura o escritura del disco en «${path}»: revise el disco`,
};

/** SQLite result codes (primary, low byte) that mean a file problem; the registry named when its path is known. */
const named = (path: string | undefined): string => (path === undefined ? 'el registro' : `el registro «${path}»`);
const sqliteAdvice: Readonly<Record<number, (path: string | undefined) => string>> = {
  8: (path) => `${named(path)} sólo se puede leer: revise los permisos del archivo y de su carpeta`,
  13: (path) =>
    `no queda espacio en el disco del registro${path === undefined ? '' : ` «${path}»`}: libere espacio y vuelva a intentarlo`,
  14: (path) => `no se pudo abrir ${named(path)}: revise que la carpeta exista y que se pueda escribir en ella`,
  10: (path) => `error de lectura o escritura del disco en ${named(path)}: revise el disco y los permisos`,
};

/** The system error code ("ENOSPC"), if the error is one. */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as SystemErrorLike | undefined)?.code;
  return typeof code === 'string' && code in advice ? code : undefined;
}

/**
 * A Spanish sentence for a system error, naming the path (the error's own, else `fallbackPath`) and
 * the fix; for any other error, its own message.
 */
export function describeSystemError(error: unknown, fallbackPath?: string, registryPath?: string): string {
  const like = (error ?? {}) as SystemErrorLike;
  const path = typeof like.path === 'string' ? like.path : fallbackPath;
  const message = typeof like.message === 'string' ? like.message : String(error);
  const code = systemErrorCode(error);
  if (code !== undefined) {
    if (path !== undefined) return (advice[code] as (path: string) => string)(path);
    // No path to name: an error that already says it in Spanish (PublishIoError names its folder) keeps its
    // words; only Node's own ("EACCES: permission denied…") is replaced, without a made-up path.
    return message.startsWith(`${code}:`) ? (advice[code] as (path: string) => string)('(sin ruta)') : message;
  }
  // A SQLite file error is the registry's: named by `registryPath` when the caller knows it.
  const sqlite = typeof like.errcode === 'number' ? sqliteAdvice[like.errcode & 0xff] : undefined;
  if (sqlite !== undefined) return sqlite(registryPath ?? path);
  return message;
}

/** Long paths are cut in the middle so that the message stays readable. */
function shorten(path: string): string {
  return path.length <= 160 ? path : `${path.slice(0, 70)}…${path.slice(-70)}`;
}

/** A path the user gave that cannot be one (too long, a file where a folder goes): bad input, exit 2. */
export function isPathMistake(error: unknown): boolean {
  const code = systemErrorCode(error) ?? systemErrorCode((error as { cause?: unknown } | undefined)?.cause);
  return code === 'ENOTDIR' || code === 'EEXIST' || code === 'ENAMETOOLONG' || code === 'EISDIR';
}
