import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/errors.ts';
import { launchBrowser, withBrowser, type BrowserSession } from '../../src/render/pdf/browser-session.ts';
import { needsNoSandbox, systemSandboxFacts } from '../../src/render/pdf/chromium-args.ts';

/** Process ids whose command line mentions the profile folder: the Chromium of that session. */
async function chromiumProcesses(profileDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(profileDir)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Polls until `check` holds or the deadline passes; returns whether it held. */
async function eventually(check: () => Promise<boolean>, deadlineMs = 15_000): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

const gone = (profileDir: string) => async (): Promise<boolean> =>
  !existsSync(profileDir) && (await chromiumProcesses(profileDir)).length === 0;

describe('browser session', () => {
  it('launches one Chromium with a temporary profile and removes both on close', async () => {
    const session = await launchBrowser();
    expect(existsSync(session.profileDir)).toBe(true);
    expect((await chromiumProcesses(session.profileDir)).length).toBeGreaterThan(0);
    expect(session.noSandbox).toBe(needsNoSandbox(systemSandboxFacts()));
    await session.close();
    await session.close();
    expect(await gone(session.profileDir)()).toBe(true);
  });

  it('closes the browser when the work fails, and passes the error on', async () => {
    let seen: BrowserSession | undefined;
    await expect(
      withBrowser(async (session) => {
        seen = session;
        await session.withPage(async (page) => page.setContent('<p>x</p>'));
        throw new Error('fallo del lote');
      }),
    ).rejects.toThrow('fallo del lote');
    expect(await gone(seen?.profileDir ?? '')()).toBe(true);
  });

  it('fails a stuck page with a RenderError after the page timeout, and stays usable', async () => {
    await withBrowser(
      async (session) => {
        await expect(session.withPage((page) => page.evaluate('for (;;) {}'))).rejects.toThrow(RenderError);
        await expect(session.withPage((page) => page.evaluate('for (;;) {}'))).rejects.toThrow(/no terminó/);
        expect(await session.withPage(async (page) => page.evaluate('1 + 1'))).toBe(2);
      },
      { pageTimeoutMs: 2_000 },
    );
  });

  it('stops at once when the signal aborts (Ctrl-C): the work fails and the browser is gone', async () => {
    const controller = new AbortController();
    let seen: BrowserSession | undefined;
    const batch = withBrowser(
      async (session) => {
        seen = session;
        await session.withPage(async (page) => {
          setTimeout(() => controller.abort(new Error('SIGINT')), 300);
          await page.evaluate('new Promise(() => {})');
        });
      },
      { signal: controller.signal },
    );
    await expect(batch).rejects.toThrow(/Se interrumpió/);
    expect(await eventually(gone(seen?.profileDir ?? ''))).toBe(true);
    await expect(withBrowser(async () => 1, { signal: controller.signal })).rejects.toThrow(RenderError);
  });

  it('opens at most maxPages pages at once, the rest wait their turn', async () => {
    for (const maxPages of [1, 2]) {
      let open = 0;
      let most = 0;
      let done = 0;
      await withBrowser(
        async (session) => {
          await Promise.all(
            Array.from({ length: 4 }, () =>
              session.withPage(async () => {
                open += 1;
                most = Math.max(most, open);
                // Each holds its page until as many as allowed are open (opening a page takes its time on
                // a loaded machine), so the count shows the limit, not the machine's speed.
                await eventually(async () => open >= Math.min(maxPages, 4 - done), 20_000);
                await new Promise((resolve) => setTimeout(resolve, 50));
                open -= 1;
                done += 1;
              }),
            ),
          );
        },
        { maxPages },
      );
      expect(most).toBe(maxPages);
    }
  });

  it('reuses a page from one document to the next', async () => {
    await withBrowser(
      async (session) => {
        const first = await session.withPage(async (page) => page);
        const second = await session.withPage(async (page) => page);
        expect(second).toBe(first);
        expect(second.isClosed()).toBe(false);
      },
      { maxPages: 1 },
    );
  });

  it('replaces Chromium after the configured number of prints, and removes the old one with its profile', async () => {
    await withBrowser(
      async (session) => {
        const profiles: string[] = [];
        for (let print = 0; print < 3; print += 1) {
          await session.withPage(async (page) => page.setContent('<p>x</p>'));
          profiles.push(session.profileDir);
        }
        expect(profiles[1]).toBe(profiles[0]);
        expect(profiles[2]).not.toBe(profiles[0]);
        expect(await eventually(gone(profiles[0] ?? ''))).toBe(true);
        expect(session.relaunches).toBe(0);
      },
      { restartAfterPrints: 2, maxPages: 1 },
    );
  });

  it('relaunches a Chromium killed in the middle of a page once, and the work is done on the new one', async () => {
    const notices: string[] = [];
    await withBrowser(
      async (session) => {
        const first = session.profileDir;
        let tries = 0;
        const answer = await session.withPage(async (page) => {
          tries += 1;
          if (tries === 1) {
            for (const pid of await chromiumProcesses(first)) process.kill(pid, 'SIGKILL');
            await page.evaluate('new Promise(() => {})');
          }
          return page.evaluate('6 * 7');
        });
        expect(answer).toBe(42);
        expect(tries).toBe(2);
        expect(session.relaunches).toBe(1);
        expect(session.profileDir).not.toBe(first);
        expect(await eventually(gone(first))).toBe(true);
      },
      { onRelaunch: (reason) => notices.push(reason), pageTimeoutMs: 20_000 },
    );
    expect(notices).toEqual(['el navegador se cerró inesperadamente; se abrió otro y el trabajo sigue.']);
  });

  it('fails with the Spanish discovery message when there is no browser, launching nothing', async () => {
    const discovery = { platform: 'linux' as const, env: { PATH: '/nada' }, isExecutable: () => false };
    await expect(launchBrowser({ discovery })).rejects.toThrow(/sudo apt-get install chromium/);
  });
});

describe('a process that dies in the middle of a PDF', () => {
  const sessionModule = pathToFileURL(
    fileURLToPath(new URL('../../src/render/pdf/browser-session.ts', import.meta.url)),
  ).href;
  const renderModule = pathToFileURL(
    fileURLToPath(new URL('../../src/render/pdf/render-pdf.ts', import.meta.url)),
  ).href;
  const sampleModule = pathToFileURL(fileURLToPath(new URL('../support/sample-document.ts', import.meta.url))).href;

  /** A child that renders PDFs in a loop, the way a CLI would wire Ctrl-C and SIGTERM to an AbortController. */
  const script = `
import { withBrowser } from ${JSON.stringify(sessionModule)};
import { renderPdf } from ${JSON.stringify(renderModule)};
import { sampleDocument } from ${JSON.stringify(sampleModule)};
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => controller.abort(new Error(signal)));
try {
  await withBrowser(async (browser) => {
    process.stdout.write('PERFIL ' + browser.profileDir + '\\n');
    for (;;) await renderPdf(sampleDocument(), { browser });
  }, { signal: controller.signal });
} catch (error) {
  process.stdout.write('FIN ' + error.name + '\\n');
  process.exitCode = 1;
}
`;

  async function startChild(): Promise<{ child: ReturnType<typeof spawn>; profileDir: string; output: () => string }> {
    const folder = await mkdtemp(join(tmpdir(), 'boletin-child-'));
    const file = join(folder, 'hijo.ts');
    await writeFile(file, script);
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', () => void rm(folder, { recursive: true, force: true }));
    const started = await eventually(async () => /PERFIL (\S+)\n/.test(output), 60_000);
    if (!started) throw new Error(`el proceso hijo no arrancó: ${output}`);
    // Let it get into the middle of a PDF.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return { child, profileDir: /PERFIL (\S+)\n/.exec(output)?.[1] ?? '', output: () => output };
  }

  const exited = (child: ReturnType<typeof spawn>): Promise<number | null> =>
    new Promise((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code)),
    );

  it('on Ctrl-C or SIGTERM closes Chromium and deletes the profile before exiting', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const { child, profileDir, output } = await startChild();
      expect((await chromiumProcesses(profileDir)).length).toBeGreaterThan(0);
      child.kill(signal);
      expect(await exited(child)).toBe(1);
      expect(output()).toContain('FIN RenderError');
      expect(await gone(profileDir)()).toBe(true);
    }
  });

  it('when killed outright (SIGKILL) leaves no Chromium behind: the pipe closes and Chromium quits', async () => {
    const { child, profileDir } = await startChild();
    expect((await chromiumProcesses(profileDir)).length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await exited(child);
    expect(await eventually(async () => (await chromiumProcesses(profileDir)).length === 0)).toBe(true);
    // Nothing can delete the profile of a killed process; the test does.
    await rm(profileDir, { recursive: true, force: true });
  });
});
