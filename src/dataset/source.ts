import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import type { ProblemSink } from './problem.ts';
import { closest } from './text-similarity.ts';

/** Largest dataset file read: a real one is a few kilobytes; anything this big is the wrong file. */
export const maxDatasetBytes = 5 * 1024 * 1024;

export const datasetFormats = { json: 'json', yaml: 'yaml', xlsx: 'xlsx', csv: 'csv' } as const;
export type DatasetFormat = (typeof datasetFormats)[keyof typeof datasetFormats];

const formatByExtension: Readonly<Record<string, DatasetFormat>> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.xlsx': 'xlsx',
  '.csv': 'csv',
};

export interface Source {
  readonly format: DatasetFormat;
  readonly bytes: Buffer;
}

const wholeFile = '(archivo)';

/**
 * Reads a dataset file's bytes after checking it is a file of a known kind and a sane size.
 * Every refusal is a problem in the sink, and the result is undefined.
 */
export async function readSource(path: string, sink: ProblemSink, maxBytes = maxDatasetBytes): Promise<Source | undefined> {
  const extension = extname(path).toLowerCase();
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const near = await nearbyName(path);
      sink.error(wholeFile, 'el archivo no existe', near === undefined ? 'Revise la ruta y el nombre del archivo.' : `¿Quiso decir «${near}»?`);
    } else {
      const { message, fix } = await describeFsError(code, path);
      sink.error(wholeFile, message, fix);
    }
    return undefined;
  }
  if (info.isDirectory()) {
    sink.error(wholeFile, 'es una carpeta, no un archivo', 'Indique un archivo .json, .yaml o .xlsx; por ejemplo, uno de data/jornadas/.');
    return undefined;
  }
  if (!info.isFile()) {
    sink.error(wholeFile, 'no es un archivo común', 'Indique un archivo .json, .yaml, .xlsx o .csv.');
    return undefined;
  }
  if (extension === '.xls') {
    sink.error(wholeFile, 'es un libro de Excel antiguo (.xls), que Boletín no lee', 'Ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)».');
    return undefined;
  }
  const format = formatByExtension[extension];
  if (format === undefined) {
    sink.error(
      wholeFile,
      extension === '' ? 'el archivo no tiene extensión, y Boletín no sabe cómo leerlo' : `Boletín no lee archivos «${extension}»`,
      'Use un archivo .json, .yaml (.yml) o .xlsx con los datos de la jornada (o .csv para una tabla de estados).',
    );
    return undefined;
  }
  if (info.size > maxBytes) {
    sink.error(
      wholeFile,
      `el archivo pesa ${megabytes(info.size)} MB, demasiado para los datos de una jornada (el límite es ${megabytes(maxBytes)} MB)`,
      'Revise que sea el archivo correcto; los datos de una jornada pesan unos pocos kilobytes. Quite del libro imágenes u hojas ajenas.',
    );
    return undefined;
  }
  if (info.size === 0) {
    sink.error(wholeFile, 'el archivo está vacío', 'Escriba los datos de la jornada; parta de un ejemplo de data/jornadas/ o de `boletin plantilla`.');
    return undefined;
  }
  try {
    return { format, bytes: await readFile(path) };
  } catch (error) {
    // stat needs no permission to read: an unreadable file is found only here.
    const { message, fix } = await describeFsError((error as NodeJS.ErrnoException).code, path);
    sink.error(wholeFile, message, fix);
    return undefined;
  }
}

/** What the system said about an input path, in Spanish, with what to do. */
export async function describeFsError(code: string | undefined, path: string): Promise<{ message: string; fix: string }> {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { message: 'no hay permiso para leer el archivo', fix: `Pida acceso de lectura a «${path}» (o cópielo a una carpeta suya) y vuelva a intentarlo.` };
    case 'ENAMETOOLONG':
      return { message: 'la ruta del archivo es demasiado larga para el sistema', fix: 'Mueva el archivo a una carpeta de ruta más corta o acorte su nombre.' };
    case 'ENOTDIR': {
      const file = await fileInPath(path);
      return {
        message: file === undefined ? 'una parte de la ruta no es una carpeta' : `«${file}» es un archivo, pero la ruta lo usa como carpeta`,
        fix: 'Revise la ruta: antes del nombre del archivo sólo van carpetas.',
      };
    }
    case 'ELOOP':
      return { message: 'la ruta tiene enlaces simbólicos que se apuntan entre sí', fix: 'Indique la ruta real del archivo.' };
    case 'EEXIST':
      return { message: 'ya existe algo con ese nombre donde se esperaba otra cosa', fix: 'Revise la ruta, o cambie el nombre del archivo que estorba.' };
    case 'EISDIR':
      return { message: 'es una carpeta, no un archivo', fix: 'Indique un archivo .json, .yaml o .xlsx; por ejemplo, uno de data/jornadas/.' };
    case 'EMFILE':
    case 'ENFILE':
      return { message: 'el sistema tiene demasiados archivos abiertos', fix: 'Cierre otros programas o procese menos archivos a la vez.' };
    case 'EIO':
      return { message: 'el disco no pudo leer el archivo (error de entrada y salida)', fix: 'Revise el disco o la unidad de red, o copie el archivo a otro lugar.' };
    default:
      return { message: `no se pudo abrir el archivo (${code ?? 'error desconocido'})`, fix: 'Revise la ruta y que el archivo se pueda abrir.' };
  }
}

/** The first part of a path that exists and is a file, when a later part treats it as a folder. */
async function fileInPath(path: string): Promise<string | undefined> {
  for (let part = dirname(path); part !== dirname(part); part = dirname(part)) {
    const found = await stat(part).catch(() => undefined);
    if (found?.isFile()) return part;
    if (found !== undefined) return undefined;
  }
  return undefined;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}

async function nearbyName(path: string): Promise<string | undefined> {
  try {
    const entries = await readdir(dirname(path));
    const found = closest(basename(path), entries.map((value) => ({ value, names: [] })));
    return found === undefined ? undefined : `${dirname(path)}/${found}`;
  } catch {
    return undefined;
  }
}

/**
 * The text of a text file, as Windows and other systems write it: UTF-8 with or without a byte-order mark,
 * or UTF-16 with one (Notepad's "Unicode"). Binary files and other encodings are refused.
 */
export function decodeText(bytes: Buffer, sink: ProblemSink): string | undefined {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (looksBinary(bytes)) {
      sink.error(
        wholeFile,
        bytes[0] === 0x50 && bytes[1] === 0x4b
          ? 'el archivo es un ZIP (¿un libro de Excel con otra extensión?), no un archivo de texto'
          : 'el archivo es binario, no un archivo de texto con datos',
        'Indique el archivo de datos correcto (.json, .yaml), o un libro de Excel con extensión .xlsx.',
      );
      return undefined;
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      sink.error(wholeFile, 'el archivo no está en UTF-8 (quizá en Windows-1252 o Latin-1)', 'Guárdelo con codificación UTF-8 (en el Bloc de notas: Guardar como > Codificación: UTF-8).');
      return undefined;
    }
    if (text.startsWith('\uFEFF')) text = text.slice(1);
  }
  if (text.trim() === '') {
    sink.error(wholeFile, 'el archivo sólo tiene espacios en blanco', 'Escriba los datos de la jornada; parta de un ejemplo de data/jornadas/.');
    return undefined;
  }
  return text;
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  return control > sample.length / 20;
}
