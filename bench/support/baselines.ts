import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import puppeteer, { type PDFOptions } from 'puppeteer-core';
import { Packer, type Document } from 'docx';

const run = promisify(execFile);

/** One PDF to print: the exact HTML our PDF step prints, with its running header and footer. */
export interface PrintJob {
  readonly html: string;
  readonly header: string;
  readonly footer: string;
}

export interface BareBrowser {
  readonly executablePath: string;
  readonly args: readonly string[];
}

/** The print options of src/render/pdf/render-pdf.ts, so the baselines print the same pages. */
function pdfOptions(job: PrintJob): PDFOptions {
  return {
    format: 'letter',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: job.header,
    footerTemplate: job.footer,
    tagged: true,
    outline: true,
    waitForFonts: true,
  };
}

async function launch(browser: BareBrowser, profile: string) {
  return puppeteer.launch({
    executablePath: browser.executablePath,
    args: [...browser.args],
    userDataDir: profile,
    headless: true,
    pipe: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/**
 * The floor (a): bare puppeteer-core, one browser, `concurrency` pages each reused for the next file,
 * nothing else (no request interception, no properties, no files written). Seconds, launch included.
 */
export async function barePrint(jobs: readonly PrintJob[], concurrency: number, browser: BareBrowser): Promise<number> {
  const profile = await mkdtemp(join(tmpdir(), 'boletin-bench-suelo-'));
  const start = performance.now();
  const chromium = await launch(browser, profile);
  try {
    const pages = await Promise.all(
      Array.from({ length: Math.min(concurrency, jobs.length) }, () => chromium.newPage()),
    );
    let next = 0;
    await Promise.all(
      pages.map(async (page) => {
        while (next < jobs.length) {
          const job = jobs[next] as PrintJob;
          next += 1;
          await page.setContent(job.html, { waitUntil: 'load' });
          await page.pdf(pdfOptions(job));
        }
      }),
    );
    return (performance.now() - start) / 1000;
  } finally {
    await chromium.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * The experiment below the floor: every bulletin in one HTML document, each starting on a new page,
 * printed by one `page.pdf` call. It measures only what Chromium would save; splitting the result back
 * into one PDF per bulletin, and stamping each one's own running header, footer, tags and metadata,
 * would come on top. Seconds, launch included.
 */
export async function oneDocumentPrint(jobs: readonly PrintJob[], browser: BareBrowser): Promise<number> {
  const first = jobs[0];
  if (first === undefined) return 0;
  const body = (html: string): string => /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  const head = first.html.slice(0, first.html.indexOf('<body'));
  const merged = `${head}<body>${jobs
    .map((job, index) => `<div style="${index > 0 ? 'break-before: page' : ''}">${body(job.html)}</div>`)
    .join('')}</body></html>`;
  const profile = await mkdtemp(join(tmpdir(), 'boletin-bench-uno-'));
  const start = performance.now();
  const chromium = await launch(browser, profile);
  try {
    const page = await chromium.newPage();
    await page.setContent(merged, { waitUntil: 'load' });
    await page.pdf(pdfOptions(first));
    return (performance.now() - start) / 1000;
  } finally {
    await chromium.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** The naive way (b): a new browser for every PDF, one after another, as a first script would do. */
export async function naivePrint(jobs: readonly PrintJob[], browser: BareBrowser): Promise<number> {
  const start = performance.now();
  for (const job of jobs) {
    const profile = await mkdtemp(join(tmpdir(), 'boletin-bench-ingenuo-'));
    const chromium = await launch(browser, profile);
    try {
      const page = await chromium.newPage();
      await page.setContent(job.html, { waitUntil: 'load' });
      await page.pdf(pdfOptions(job));
    } finally {
      await chromium.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
  return (performance.now() - start) / 1000;
}

/** The DOCX half of the floor: bare `Packer.toBuffer` on the same document trees, one after another. Seconds. */
export async function barePack(trees: readonly Document[]): Promise<number> {
  const start = performance.now();
  for (const tree of trees) await Packer.toBuffer(tree);
  return (performance.now() - start) / 1000;
}

/**
 * (c) What an office would otherwise run: LibreOffice headless converting the same DOCX files to PDF in
 * one invocation, with its own fresh profile (warmed by one conversion first, as a desk machine's is).
 */
export async function libreOfficeConvert(docxFiles: readonly string[]): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'boletin-bench-lo-'));
  const profile = pathToFileURL(join(folder, 'perfil')).href;
  const outdir = join(folder, 'pdf');
  await mkdir(outdir);
  const soffice = (files: readonly string[]) =>
    run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outdir,
        ...files,
      ],
      {
        timeout: 15 * 60 * 1000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  try {
    await soffice(docxFiles.slice(0, 1));
    const start = performance.now();
    await soffice(docxFiles);
    return (performance.now() - start) / 1000;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export async function commandVersion(command: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(command, [...args], { timeout: 60_000 });
    return stdout.trim().split('\n')[0] ?? '';
  } catch {
    return 'no disponible';
  }
}
