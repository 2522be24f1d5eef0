import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { RenderError } from '../../errors.ts';

/** The files around the content that the office may restyle: page template, stylesheet, logo. */
export interface LayoutAssets {
  /** Handlebars source of the HTML page (templates/layout/pagina.html.hbs). */
  readonly pageTemplate: string;
  /** Screen and print stylesheet, inlined into the page (templates/layout/estilo.css). */
  readonly stylesheet: string;
  /** The placeholder logo used when the document brings none (templates/logo.svg)... */
  readonly logoSvg: Uint8Array;
  /** ...and its PNG rendition for Word versions that cannot show SVG (templates/logo.png). */
  readonly logoPng: Uint8Array;
}

/** templates/ at the root of the project, found from this file so that any working directory works. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

const cache = new Map<string, LayoutAssets>();

/** Reads the layout files once per folder; a missing file is a RenderError naming it. */
export function loadLayoutAssets(templatesDir: string = DEFAULT_TEMPLATES_DIR): LayoutAssets {
  const cached = cache.get(templatesDir);
  if (cached !== undefined) return cached;
  const assets: LayoutAssets = {
    pageTemplate: readText(join(templatesDir, 'layout', 'pagina.html.hbs')),
    stylesheet: readText(join(templatesDir, 'layout', 'estilo.css')),
    logoSvg: readBytes(join(templatesDir, 'logo.svg')),
    logoPng: readBytes(join(templatesDir, 'logo.png')),
  };
  cache.set(templatesDir, assets);
  return assets;
}

function readText(path: string): string {
  return new TextDecoder().decode(readBytes(path));
}

function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new RenderError(`No se pudo leer el archivo de diseño «${path}»: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
