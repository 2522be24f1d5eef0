import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Resolution of the page images: enough to recognise a page, small enough for a phone. */
const DPI = 60;

/**
 * PNG images of a PDF's pages, made with poppler's pdftoppm once per PDF and kept in a folder named after
 * the PDF's sha256 (content-addressed: nothing from a URL names a file). Two requests for the same PDF
 * share one conversion.
 */
export class PdfPageImages {
  readonly #cacheDir: string;
  readonly #pending = new Map<string, Promise<string[]>>();

  constructor(cacheDir: string) {
    this.#cacheDir = cacheDir;
  }

  /** The page images of a PDF, in order, as file names inside its cache folder. */
  async pages(sha256: string, pdf: Uint8Array): Promise<string[]> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('sha256 inválido');
    const folder = join(this.#cacheDir, sha256);
    const cached = await pngsIn(folder);
    if (cached.length > 0) return cached;
    let pending = this.#pending.get(sha256);
    if (pending === undefined) {
      pending = this.#convert(folder, pdf).finally(() => this.#pending.delete(sha256));
      this.#pending.set(sha256, pending);
    }
    return pending;
  }

  async page(sha256: string, pdf: Uint8Array, index: number): Promise<Uint8Array | undefined> {
    const names = await this.pages(sha256, pdf);
    const name = names[index - 1];
    return name === undefined ? undefined : readFile(join(this.#cacheDir, sha256, name));
  }

  async #convert(folder: string, pdf: Uint8Array): Promise<string[]> {
    // Written beside the final folder and renamed into place, so a half-done conversion is never served.
    const work = `${folder}.${process.pid}.${Date.now()}.tmp`;
    await mkdir(work, { recursive: true });
    try {
      await writeFile(join(work, 'boletin.pdf'), pdf);
      await run('pdftoppm', ['-png', '-r', String(DPI), join(work, 'boletin.pdf'), join(work, 'pagina')], {
        timeout: 60_000,
      });
      await rm(join(work, 'boletin.pdf'));
      await rename(work, folder).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
        await rm(work, { recursive: true, force: true });
      });
    } catch (error) {
      await rm(work, { recursive: true, force: true });
      throw error;
    }
    return pngsIn(folder);
  }
}

async function pngsIn(folder: string): Promise<string[]> {
  try {
    // pdftoppm pads the page number to the width of the last one, so the names sort in page order.
    return (await readdir(folder)).filter((name) => /^pagina-\d+\.png$/.test(name)).sort();
  } catch {
    return [];
  }
}
