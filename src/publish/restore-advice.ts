import { dirname } from 'node:path';

/**
 * What to do when the registry is missing, empty, damaged or another archive's. Never "start again":
 * a new empty registry would give No. 001 again beside a published No. 001.
 */
export function restoreAdvice(registryPath: string, outputDir?: string): string {
  const salida = outputDir ?? '<carpeta de salida>';
  return [
    'Para recuperarlo: si tiene un respaldo (los escribe «boletin archivo respaldo»), cópielo como',
    `${registryPath};`,
    'si no, aparte el registro dañado (renómbrelo; no lo borre) y reconstrúyalo desde los boletines publicados con',
    `«boletin archivo reconstruir --salida ${salida} --datos ${dirname(registryPath)}».`,
    'Si se equivocó de carpeta, use la de siempre con --datos o BOLETIN_DATOS.',
  ].join(' ');
}
