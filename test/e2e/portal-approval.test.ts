import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { checkJornadaFile } from '../../src/dataset/load-jornada.ts';
import { bulletinLabel, currentVersion, listBulletins, openRegistry } from '../../src/publish/index.ts';
import { chromiumArgs, needsNoSandbox, systemSandboxFacts } from '../../src/render/pdf/chromium-args.ts';
import { findBrowser } from '../../src/render/pdf/find-browser.ts';
import { fakeIo } from '../support/fake-io.ts';
import { PROJECT_ROOT, type PortalProcess, startPortal } from '../support/portal-process.ts';

/**
 * The whole office flow through real Chromium, a real portal process and a real registry: the editor
 * uploads the sample workbook, reads the report and the draft, sends it; the head approves it and it takes
 * its number; both download the PDF and the ZIP, checked byte for byte against the registry.
 */
const SAMPLE = join(PROJECT_ROOT, 'data', 'jornadas', '2023-02-cuarta-jornada-extraordinaria.xlsx');
const PASSWORD = 'una clave bastante larga';

let dir: string;
let portal: PortalProcess;
let browser: Browser;
const contexts: Record<'editor' | 'head', { context: BrowserContext; page: Page; downloads: string }> = {} as never;

async function account(datos: string, user: string, name: string, role: string): Promise<void> {
  const io = fakeIo({ stdinLines: [PASSWORD] });
  expect(await main(['usuarios', '--datos', datos, 'agregar', user, '--nombre', name, '--rol', role], io)).toBe(0);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'boletin-portal-e2e-'));
  const datos = join(dir, 'datos');
  await account(datos, 'rosa', 'Rosa Redacción', 'redaccion');
  await account(datos, 'tomas', 'Tomás Titular', 'titular');
  portal = await startPortal({ BOLETIN_DATOS: datos, BOLETIN_SALIDA: join(dir, 'salida') });
  browser = await puppeteer.launch({
    executablePath: findBrowser(undefined),
    args: chromiumArgs(needsNoSandbox(systemSandboxFacts())),
    headless: true,
  });
  for (const who of ['editor', 'head'] as const) {
    const downloads = join(dir, `descargas-${who}`);
    const context = await browser.createBrowserContext({
      downloadBehavior: { policy: 'allow', downloadPath: downloads },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(180_000);
    page.setDefaultNavigationTimeout(180_000);
    contexts[who] = { context, page, downloads };
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page, user: string): Promise<void> {
  await page.goto(`${portal.origin}/entrar`);
  await page.type('#usuario', user);
  await page.type('#contrasena', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/entrar"] button[type="submit"]')]);
}

const text = (page: Page): Promise<string> => page.$eval('main', (element) => element.textContent ?? '');

/** Reloads (as the page's own meta refresh does) until `selector` is there. */
async function until(page: Page, selector: string, deadlineMs = 240_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  const present = () =>
    page.$(selector).then(
      (found) => found !== null,
      () => false,
    );
  while (!(await present())) {
    if (Date.now() > end) throw new Error(`No apareció ${selector}:\n${portal.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await page.reload().catch(() => undefined);
  }
}

/** Clicks a download link and waits for the file to be complete in the context's download folder. */
async function download(who: 'editor' | 'head', href: string, name: string): Promise<Buffer> {
  const { page, downloads } = contexts[who];
  await page.click(`a[href="${href}"]`);
  const path = join(downloads, name);
  const end = Date.now() + 60_000;
  while (!existsSync(path) || readdirSync(downloads).some((file) => file.endsWith('.crdownload'))) {
    if (Date.now() > end)
      throw new Error(
        `No se descargó ${name}: ${existsSync(downloads) ? readdirSync(downloads).join(', ') : '(sin carpeta)'}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return readFileSync(path);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('the download page, two people', () => {
  let requestUrl: string;

  test('the editor signs in, uploads the workbook, reads the report and the draft, and sends it', async () => {
    const { page } = contexts.editor;
    await signIn(page, 'rosa');
    expect(await page.$eval('.persona > span', (element) => element.textContent)).toBe('Rosa Redacción (redacción)');
    await page.goto(`${portal.origin}/subir`);
    const input = await page.$('input[type="file"]#datos');
    await input?.uploadFile(SAMPLE);
    await Promise.all([page.waitForNavigation(), page.click('form[action="/subir"] button[type="submit"]')]);
    // The page refreshes itself while the draft is rendered; once it is there, the page stays.
    await until(page, 'section.borrador iframe');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Subida: 2023-02-cuarta-jornada-extraordinaria.xlsx');
    // The report says what the library's validation says of this file.
    const report = await checkJornadaFile(SAMPLE);
    const shown = await text(page);
    if (report.problems.length === 0) expect(shown).toContain('Informe de validación: los datos no tienen problemas.');
    else for (const problem of report.problems) expect(shown).toContain(problem.message);

    const title = await page.$eval('section.borrador h2', (h) => h.textContent ?? '');
    expect(title).toMatch(/^Borrador: Supera IMSS su meta en la Cuarta Jornada Extraordinaria/);
    const preview = page.frames().find((frame) => frame.url().includes('/borrador/html'));
    expect(preview).toBeDefined();
    // The bulletin ties a figure's words with no-break spaces; the page's title shows plain ones.
    const previewText = ((await preview?.evaluate(() => document.body.textContent ?? '')) ?? '').replace(
      /\u00a0/g,
      ' ',
    );
    expect(previewText).toContain('BORRADOR');
    expect(previewText).toContain(title.replace(/^Borrador: /, ''));

    await Promise.all([page.waitForNavigation(), page.click('section.borrador form button[type="submit"]')]);
    requestUrl = page.url();
    expect(requestUrl).toMatch(/\/solicitudes\/\d+$/);
    expect(await page.$eval('h1 .estado', (span) => span.textContent)).toBe('por aprobar');
  });

  test('the head signs in, approves, and sees it numbered with the names of both', async () => {
    const { page } = contexts.head;
    await signIn(page, 'tomas');
    await page.goto(`${portal.origin}/aprobaciones`);
    const link = new URL(requestUrl).pathname;
    await Promise.all([page.waitForNavigation(), page.click(`a[href="${link}"]`)]);
    await Promise.all([
      page.waitForNavigation({ timeout: 240_000 }),
      page.click(`form[action="${link}/aprobar"] button`),
    ]);

    using registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
    const [bulletin] = listBulletins(registry);
    expect(bulletin).toBeDefined();
    const label = bulletinLabel(bulletin?.number ?? 0, bulletin?.year ?? 0);
    expect(new URL(page.url()).pathname).toBe(`/boletines/${bulletin?.year}/${bulletin?.number}`);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(`${label} publicado`);
    expect(currentVersion(bulletin as never)?.user).toBe('Tomás Titular');
    const history = await page.$$eval('main table:last-of-type tbody tr', (rows) =>
      rows.map((row) => row.textContent ?? ''),
    );
    expect(history.some((row) => row.includes('Rosa Redacción') && row.includes('subió los datos'))).toBe(true);
    expect(history.some((row) => row.includes('Rosa Redacción') && row.includes('envió a aprobación'))).toBe(true);
    expect(history.some((row) => row.includes('Tomás Titular') && row.includes('aprobó'))).toBe(true);
    expect(history.some((row) => row.includes('Tomás Titular') && row.includes(`publicó: ${label} v1`))).toBe(true);
    // The editor sees the same number on the list.
    await contexts.editor.page.goto(`${portal.origin}/`);
    expect(await text(contexts.editor.page)).toContain(label);
  });

  test('both download the PDF and the ZIP: the registry’s bytes, and every file in the ZIP', async () => {
    using registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
    const [bulletin] = listBulletins(registry);
    const version = currentVersion(bulletin as never);
    const files = version?.files ?? [];
    // The three formats and the figure-by-figure verification report (JSON and HTML).
    expect(files.map((file) => file.format).sort()).toEqual([
      'docx',
      'html',
      'pdf',
      'verificacion',
      'verificacion-html',
    ]);
    const pdfRecord = files.find((file) => file.format === 'pdf');
    const base = `/boletines/${version?.year}/${version?.number}/v1`;
    const name = `Boletín ${String(version?.number).padStart(3, '0')}-${version?.year}`;
    for (const who of ['editor', 'head'] as const) {
      await contexts[who].page.goto(`${portal.origin}/boletines/${version?.year}/${version?.number}`);
      const pdf = await download(who, `${base}/pdf`, `${name}.pdf`);
      expect(sha256(pdf)).toBe(pdfRecord?.sha256);
      const zip = unzipSync(await download(who, `${base}/zip`, `${name}.zip`));
      const expected = Object.fromEntries(files.map((file) => [file.path.split('/').at(-1), file.sha256]));
      expect(Object.keys(zip).sort()).toEqual([...Object.keys(expected), 'SHA256SUMS.txt'].sort());
      for (const [entry, hash] of Object.entries(expected))
        expect(sha256(zip[entry as string] as Uint8Array)).toBe(hash);
      const sums = new TextDecoder().decode(zip['SHA256SUMS.txt']);
      for (const [entry, hash] of Object.entries(expected)) expect(sums).toContain(`${hash}  ${entry}\n`);
    }
  });
});
