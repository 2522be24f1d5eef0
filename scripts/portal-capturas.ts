/**
 * Screenshots of the download page for docs/: the list and a bulletin's page, at 1280 and 390 px wide.
 * Usage: node scripts/portal-capturas.ts http://127.0.0.1:8370 /boletines/2023/93
 * (a running portal, in single-user mode or with BOLETIN_COOKIE set to a session cookie).
 */
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, needsNoSandbox, systemSandboxFacts } from '../src/render/pdf/chromium-args.ts';
import { findBrowser } from '../src/render/pdf/find-browser.ts';

const [origin = 'http://127.0.0.1:8370', bulletin = '/boletines/2023/93'] = process.argv.slice(2);
const docs = join(import.meta.dirname, '..', 'docs');
const browser = await puppeteer.launch({
  executablePath: findBrowser(undefined),
  args: chromiumArgs(needsNoSandbox(systemSandboxFacts())),
  headless: true,
});
try {
  for (const [name, path] of [
    ['lista', '/'],
    ['boletin', bulletin],
  ] as const) {
    for (const width of [1280, 390]) {
      const page = await browser.newPage();
      await page.setViewport({
        width,
        height: width === 390 ? 844 : 900,
        deviceScaleFactor: 1,
        isMobile: width === 390,
      });
      await page.goto(`${origin}${path}`, { waitUntil: 'networkidle0', timeout: 180_000 });
      const file = join(docs, `portal-${name}-${width}.png`);
      await page.screenshot({ path: file as `${string}.png`, fullPage: name === 'lista' });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
