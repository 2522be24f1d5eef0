import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debuglog } from 'node:util';
import type { Browser, Page } from 'puppeteer-core';
import { RenderError } from '../../errors.ts';
import { chromiumArgs, needsNoSandbox, systemSandboxFacts, type SandboxFacts } from './chromium-args.ts';
import { findBrowser, systemDiscoveryEnvironment, type DiscoveryEnvironment } from './find-browser.ts';

const debug = debuglog('boletin:pdf');

export interface BrowserOptions {
  /** Path of Chrome or Chromium; otherwise it is looked for (see find-browser.ts). */
  readonly executablePath?: string;
  /** Aborting closes the browser at once: pages in progress fail with a RenderError. */
  readonly signal?: AbortSignal;
  /** Longest one page may take to load and print, in milliseconds (60 s by default). */
  readonly pageTimeoutMs?: number;
  /** At most this many pages open at once; further documents wait their turn (2 by default). */
  readonly maxPages?: number;
  /** Injected for tests: where to look for the browser and whether the sandbox can run. */
  readonly discovery?: DiscoveryEnvironment;
  readonly sandbox?: SandboxFacts;
}

/** One running browser that serves a whole batch of documents, one page each. */
export interface BrowserSession {
  readonly executablePath: string;
  /** Whether Chromium runs without its sandbox (as root or in a container). */
  readonly noSandbox: boolean;
  /** The temporary profile folder, deleted by close(). */
  readonly profileDir: string;
  /** Opens a page, runs `work` on it under the page timeout, and always closes the page. */
  withPage<T>(work: (page: Page) => Promise<T>): Promise<T>;
  /** Closes the browser and deletes its temporary profile; safe to call more than once. */
  close(): Promise<void>;
}

const DEFAULT_PAGE_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_PAGES = 2;
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Runs `work` with a browser launched for it, and closes the browser in `finally`: after success,
 * after an error, and when the signal aborts (Ctrl-C), which also interrupts the work.
 */
export async function withBrowser<T>(work: (session: BrowserSession) => Promise<T>, options: BrowserOptions = {}): Promise<T> {
  const session = await launchBrowser(options);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

/** Launches a browser; the caller must `close()` it (prefer `withBrowser`). */
export async function launchBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  throwIfAborted(options.signal);
  const executablePath = findBrowser(options.executablePath, options.discovery ?? systemDiscoveryEnvironment());
  const noSandbox = needsNoSandbox(options.sandbox ?? systemSandboxFacts());
  debug('navegador %s%s', executablePath, noSandbox ? ' sin sandbox (root o contenedor)' : '');
  const userDataDir = await mkdtemp(join(tmpdir(), 'boletin-chromium-'));
  let browser: Browser;
  try {
    // Loaded here, not at the top: HTML-only runs and --help never pay for puppeteer.
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath,
      userDataDir,
      headless: true,
      // A pipe, not a socket: if this process dies, Chromium sees the pipe close and quits too.
      pipe: true,
      args: chromiumArgs(noSandbox),
      // Puppeteer's own SIGINT handler calls process.exit; the library leaves signals to its caller.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS,
    });
  } catch (error) {
    await removeProfile(userDataDir);
    throw new RenderError(`No se pudo iniciar el navegador «${executablePath}»: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return new PuppeteerSession(browser, executablePath, noSandbox, userDataDir, options);
}

class PuppeteerSession implements BrowserSession {
  readonly executablePath: string;
  readonly noSandbox: boolean;
  readonly profileDir: string;
  private readonly browser: Browser;
  private readonly signal: AbortSignal | undefined;
  private readonly pageTimeoutMs: number;
  private readonly slots: Semaphore;
  private closing: Promise<void> | undefined;
  private readonly onAbort = (): void => void this.close();

  constructor(browser: Browser, executablePath: string, noSandbox: boolean, userDataDir: string, options: BrowserOptions) {
    this.browser = browser;
    this.executablePath = executablePath;
    this.noSandbox = noSandbox;
    this.profileDir = userDataDir;
    this.signal = options.signal;
    this.pageTimeoutMs = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
    this.slots = new Semaphore(Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES));
    this.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const release = await this.slots.acquire();
    try {
      this.throwIfUnusable();
      const page = await withTimeout(this.browser.newPage(), this.pageTimeoutMs);
      try {
        page.setDefaultTimeout(this.pageTimeoutMs);
        return await withTimeout(work(page), this.pageTimeoutMs);
      } finally {
        await withTimeout(page.close(), CLOSE_TIMEOUT_MS).catch(() => undefined);
      }
    } catch (error) {
      if (this.signal?.aborted === true) throw abortError(this.signal);
      if (error instanceof RenderError) throw error;
      throw new RenderError(`El navegador falló al generar el PDF: ${(error as Error).message}`, { cause: error });
    } finally {
      release();
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.signal?.removeEventListener('abort', this.onAbort);
    try {
      await withTimeout(this.browser.close(), CLOSE_TIMEOUT_MS);
    } catch {
      debug('el navegador no cerró a tiempo: se termina el proceso');
      this.browser.process()?.kill('SIGKILL');
    }
    await removeProfile(this.profileDir);
  }

  private throwIfUnusable(): void {
    throwIfAborted(this.signal);
    if (this.closing !== undefined) throw new RenderError('El navegador ya se cerró.');
  }
}

/** Bounded concurrency: at most `size` pages at once, the rest wait in order. */
class Semaphore {
  private available: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.available = size;
  }

  async acquire(): Promise<() => void> {
    if (this.available > 0) this.available -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next === undefined) this.available += 1;
      else next();
    };
  }
}

/** Rejects with a RenderError when `promise` takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RenderError(`La página no terminó en ${Math.round(ms / 1000)} s: se canceló.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortError(signal);
}

function abortError(signal: AbortSignal): RenderError {
  return new RenderError('Se interrumpió la generación del PDF.', { cause: signal.reason });
}

async function removeProfile(userDataDir: string): Promise<void> {
  await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch((error: unknown) =>
    debug('no se pudo borrar el perfil temporal %s: %s', userDataDir, String(error)),
  );
}
