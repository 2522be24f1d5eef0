import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const index = fileURLToPath(new URL('../../../src/render/index.ts', import.meta.url));

/** Imports the render index in a fresh Node and lists the packages it resolved on the way. */
async function packagesLoadedBy(code: string): Promise<string[]> {
  const script = `
import { registerHooks } from 'node:module';
const seen = new Set();
registerHooks({ resolve(specifier, context, next) { if (!/^[./]|^node:|^file:/.test(specifier)) seen.add(specifier.split('/')[0]); return next(specifier, context); } });
const render = await import(${JSON.stringify(index)});
${code}
process.stdout.write(JSON.stringify([...seen].sort()));
`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout) as string[];
}

describe('the render index', () => {
  it('does not load puppeteer, pdf-lib or docx for HTML and Markdown', async () => {
    const loaded = await packagesLoadedBy('void render.renderHtml;');
    expect(loaded).toContain('handlebars');
    expect(loaded).not.toContain('puppeteer-core');
    expect(loaded).not.toContain('@cantoo/pdf-lib');
    expect(loaded).not.toContain('docx');
  });

  it('loads docx when a DOCX is asked for', async () => {
    const sample = fileURLToPath(new URL('../../support/sample-document.ts', import.meta.url));
    const loaded = await packagesLoadedBy(
      `const { sampleDocument } = await import(${JSON.stringify(sample)}); await render.renderDocx(sampleDocument());`,
    );
    expect(loaded).toContain('docx');
    expect(loaded).not.toContain('puppeteer-core');
  });
});
