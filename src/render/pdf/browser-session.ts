import { availableParallelism } from 'node:os';
import { debuglog } from 'node:util';
import type { Browser, Page } from 'puppeteer-core';
import { RenderError } from '../../errors.ts';
import { createProfile, removeProfile, removeStaleProfiles } from './browser-profile.ts';
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
  /** Longest Chromium may take to start and answer, in milliseconds (30 s by default). */
  readonly launchTimeoutMs?: number;
  /** At most this many pages open at once; further documents wait their turn (by default, one per core, at least 2). */
  readonly maxPages?: number;
  /** A fresh Chromium replaces the running one after this many prints (200 by default), to bound its memory. */
  readonly restartAfterPrints?: number;
  /** Told (in Spanish) when a dead or hung Chromium was replaced and the work goes on. */
  readonly onRelaunch?: (reason: string) => void;
  /** Injected for tests: where to look for the browser and whether the sandbox can run. */
  readonly discovery?: DiscoveryEnvironment;
  readonly sandbox?: SandboxFacts;
}

/** One running browser that serves a whole batch of documents; pages are reused from one document to the next. */
export interface BrowserSession {
  readonly executablePath: string;
  /** Whether Chromium runs without its sandbox (as root or in a container). */
  readonly noSandbox: boolean;
  /** The temporary profile folder of the running Chromium, deleted when it closes. */
  readonly profileDir: string;
  /** How many times a dead or hung Chromium was replaced. */
  readonly relaunches: number;
  /**
   * Runs `work` on a page under the page timeout. The page may have served an earlier document and
   * serves the next one after it. When Chromium dies or hangs during the work, it is replaced and the
   * work is tried once more; when only the page is stuck, the page is thrown away and the error passed on.
   */
  withPage<T>(work: (page: Page) => Promise<T>): Promise<T>;
  /**
   * A PNG of `clip` on `page` (one given by withPage), taken with the page in front and one at a time.
   * Chromium draws a background tab's frame only when it must: a capture on a reused page behind
   * others that are printing could wait for a frame that never comes (puppeteer/puppeteer#4431).
   */
  screenshot(page: Page, clip: ScreenshotClip): Promise<Uint8Array>;
  /** Closes the browser and deletes its temporary profile; safe to call more than once. */
  close(): Promise<void>;
}

/** The area of a page to capture, in CSS pixels. */
export interface ScreenshotClip {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const DEFAULT_PAGE_TIMEOUT_MS = 60_000;
const DEFAULT_LAUNCH_TIMEOUT_MS = 30_000;
const DEFAULT_RESTART_AFTER_PRINTS = 200;
/** How long a page, or Chromium itself, may take to close or to answer a health check. */
const CLOSE_TIMEOUT_MS = 5_000;
/** A batch that kills Chromium again and again stops instead of relaunching without end. */
const MAX_RELAUNCHES = 3;

/** Pages in flight by default: one per core, and at least two (one composes while the other prints). */
export function defaultMaxPages(): number {
  return Math.max(2, availableParallelism());
}

/**
 * Runs `work` with a browser launched for it, and closes the browser in `finally`: after success,
 * after an error, and when the signal aborts (Ctrl-C), which also interrupts the work.
 */
export async function withBrowser<T>(
  work: (session: BrowserSession) => Promise<T>,
  options: BrowserOptions = {},
): Promise<T> {
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
  await removeStaleProfiles();
  const session = new PuppeteerSession(executablePath, noSandbox, options);
  // The first Chromium starts now, so a browser that cannot run fails the batch before any work.
  await session.start();
  return session;
}

/** One Chromium process with its profile, the pages it keeps for reuse, and how much it has printed. */
class Chromium {
  readonly idlePages: Page[] = [];
  inFlight = 0;
  prints = 0;
  retiring = false;
  private closing: Promise<void> | undefined;
  readonly browser: Browser;
  readonly profileDir: string;

  constructor(browser: Browser, profileDir: string) {
    this.browser = browser;
    this.profileDir = profileDir;
  }

  /** A page to work on: one kept from an earlier document, or a new one. */
  async takePage(timeoutMs: number): Promise<Page> {
    const kept = this.idlePages.pop();
    if (kept !== undefined && !kept.isClosed()) return kept;
    return withTimeout(
      this.browser.newPage(),
      timeoutMs,
      `El navegador no abrió una página en ${seconds(timeoutMs)} s.`,
    );
  }

  /** Whether Chromium still answers: it may be dead (disconnected) or hung (stopped, out of memory). */
  async responds(): Promise<boolean> {
    if (!this.browser.connected) return false;
    try {
      await withTimeout(this.browser.version(), CLOSE_TIMEOUT_MS, 'sin respuesta');
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    try {
      if (!this.browser.connected) throw new Error('desconectado');
      await withTimeout(this.browser.close(), CLOSE_TIMEOUT_MS, 'no cerró');
    } catch {
      debug('el navegador no cerró a tiempo: se termina el proceso');
      killProcessGroup(this.browser);
    }
    await removeProfile(this.profileDir);
  }
}

class PuppeteerSession implements BrowserSession {
  relaunches = 0;
  private current: Chromium | undefined;
  private launching: Promise<Chromium> | undefined;
  private readonly running = new Set<Chromium>();
  /** Set when a relaunch failed: every later document fails at once with the same error. */
  private broken: Error | undefined;
  private readonly pageTimeoutMs: number;
  private readonly launchTimeoutMs: number;
  private readonly restartAfterPrints: number;
  private readonly slots: Semaphore;
  /** One capture at a time: bringing a page to front sends the others back. */
  private readonly captures = new Semaphore(1);
  private closing: Promise<void> | undefined;
  private lastProfileDir = '';
  private readonly onAbort = (): void => void this.close();

  readonly executablePath: string;
  readonly noSandbox: boolean;
  private readonly options: BrowserOptions;

  constructor(executablePath: string, noSandbox: boolean, options: BrowserOptions) {
    this.executablePath = executablePath;
    this.noSandbox = noSandbox;
    this.options = options;
    this.pageTimeoutMs = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
    this.launchTimeoutMs = options.launchTimeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS;
    this.restartAfterPrints = Math.max(1, options.restartAfterPrints ?? DEFAULT_RESTART_AFTER_PRINTS);
    this.slots = new Semaphore(Math.max(1, options.maxPages ?? defaultMaxPages()));
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get profileDir(): string {
    return this.current?.profileDir ?? this.lastProfileDir;
  }

  async start(): Promise<void> {
    try {
      await this.chromium();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const release = await this.slots.acquire();
    try {
      return await this.attempt(work, true);
    } catch (error) {
      if (this.options.signal?.aborted === true) throw abortError(this.options.signal);
      if (error instanceof RenderError) throw error;
      throw new RenderError(`El navegador falló al generar el PDF: ${(error as Error).message}`, { cause: error });
    } finally {
      release();
    }
  }

  async screenshot(page: Page, clip: ScreenshotClip): Promise<Uint8Array> {
    const release = await this.captures.acquire();
    try {
      // Bounded here too, so that a capture that never ends cannot keep the others waiting for their turn.
      const capture = page.bringToFront().then(() => page.screenshot({ type: 'png', clip: { ...clip } }));
      const png = await withTimeout(
        capture,
        this.pageTimeoutMs,
        `La imagen no se capturó en ${seconds(this.pageTimeoutMs)} s: se canceló.`,
      );
      return new Uint8Array(png);
    } finally {
      release();
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async attempt<T>(work: (page: Page) => Promise<T>, mayRetry: boolean): Promise<T> {
    const chromium = await this.chromium();
    chromium.inFlight += 1;
    let page: Page | undefined;
    try {
      page = await chromium.takePage(this.pageTimeoutMs);
      page.setDefaultTimeout(this.pageTimeoutMs);
      const result = await withTimeout(
        work(page),
        this.pageTimeoutMs,
        `La página no terminó en ${seconds(this.pageTimeoutMs)} s: se canceló.`,
      );
      chromium.prints += 1;
      if (chromium.prints >= this.restartAfterPrints) chromium.retiring = true;
      chromium.idlePages.push(page);
      return result;
    } catch (error) {
      throwIfAborted(this.options.signal);
      if (this.closing !== undefined) throw new RenderError('El navegador ya se cerró.', { cause: error });
      if (await chromium.responds()) {
        // Only this page is stuck or broken: it is not reused, and the browser serves the others.
        // Closed before the next page opens: a new page may share the stuck page's renderer process.
        if (page !== undefined) await withTimeout(page.close(), CLOSE_TIMEOUT_MS, '').catch(() => undefined);
        throw error;
      }
      const reason = chromium.browser.connected
        ? `el navegador dejó de responder durante ${seconds(CLOSE_TIMEOUT_MS)} s`
        : 'el navegador se cerró inesperadamente';
      // Another page on the same Chromium may have found it dead first and replaced it already.
      const replacedAlready = chromium.retiring;
      this.discard(chromium);
      if (!mayRetry || this.relaunches >= MAX_RELAUNCHES) {
        throw new RenderError(`No se pudo generar el PDF: ${reason}.`, { cause: error });
      }
      if (!replacedAlready) this.noteRelaunch(reason);
      return await this.attempt(work, false);
    } finally {
      chromium.inFlight -= 1;
      if (chromium.retiring && chromium.inFlight === 0 && chromium !== this.current) void this.retire(chromium);
    }
  }

  /** The Chromium that takes new work: the running one, or a new one when it is gone or has printed its share. */
  private async chromium(): Promise<Chromium> {
    this.throwIfUnusable();
    const current = this.current;
    if (current !== undefined && !current.retiring && current.browser.connected) return current;
    if (current !== undefined) {
      this.current = undefined;
      if (!current.browser.connected && !current.retiring) this.noteRelaunch('el navegador se cerró inesperadamente');
      if (current.inFlight === 0) void this.retire(current);
    }
    this.launching ??= this.launch().finally(() => (this.launching = undefined));
    const launched = await this.launching;
    this.throwIfUnusable();
    return launched;
  }

  private async launch(): Promise<Chromium> {
    try {
      const chromium = await launchChromium(
        this.executablePath,
        this.noSandbox,
        this.launchTimeoutMs,
        Math.max(this.pageTimeoutMs, this.launchTimeoutMs),
      );
      this.running.add(chromium);
      this.current = chromium;
      this.lastProfileDir = chromium.profileDir;
      // Closing may have begun while Chromium started: it must not outlive the session.
      if (this.closing !== undefined) await this.retire(chromium);
      return chromium;
    } catch (error) {
      this.broken = error as Error;
      throw error;
    }
  }

  private noteRelaunch(reason: string): void {
    this.relaunches += 1;
    debug('%s: se abre otro (%d)', reason, this.relaunches);
    this.options.onRelaunch?.(`${reason}; se abrió otro y el trabajo sigue.`);
  }

  /** A dead or hung Chromium: killed now, and never given work again. */
  private discard(chromium: Chromium): void {
    if (this.current === chromium) this.current = undefined;
    chromium.retiring = true;
    killProcessGroup(chromium.browser);
    void this.retire(chromium);
  }

  private async retire(chromium: Chromium): Promise<void> {
    await chromium.close();
    this.running.delete(chromium);
  }

  private async shutDown(): Promise<void> {
    this.options.signal?.removeEventListener('abort', this.onAbort);
    await this.launching?.catch(() => undefined);
    this.current = undefined;
    await Promise.all([...this.running].map((chromium) => this.retire(chromium)));
  }

  private throwIfUnusable(): void {
    throwIfAborted(this.options.signal);
    if (this.closing !== undefined) throw new RenderError('El navegador ya se cerró.');
    if (this.broken !== undefined) throw this.broken;
  }
}

/** Starts one Chromium with a fresh profile; every wait is bounded, and a failure leaves neither process nor profile. */
async function launchChromium(
  executablePath: string,
  noSandbox: boolean,
  launchTimeoutMs: number,
  protocolTimeoutMs: number,
): Promise<Chromium> {
  const profileDir = await createProfile();
  try {
    // Loaded here, not at the top: HTML-only runs and --help never pay for puppeteer.
    const { default: puppeteer } = await import('puppeteer-core');
    // Aborted when the start takes too long: puppeteer then kills whatever it started.
    const giveUp = new AbortController();
    const launching = puppeteer.launch({
      executablePath,
      userDataDir: profileDir,
      headless: true,
      // A pipe, not a socket: if this process dies, Chromium sees the pipe close and quits too.
      pipe: true,
      args: chromiumArgs(noSandbox),
      // Puppeteer's own SIGINT handler calls process.exit; the library leaves signals to its caller.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: launchTimeoutMs,
      // Without it, one unanswered call to a hung Chromium waits three minutes.
      protocolTimeout: protocolTimeoutMs,
      signal: giveUp.signal,
    });
    // Puppeteer's launch timeout does not cover a pipe that is never answered (a hung program): this does.
    const browser = await withTimeout(launching, launchTimeoutMs, 'sin respuesta').catch((error: unknown) => {
      giveUp.abort();
      void launching.then(
        (late) => killProcessGroup(late),
        () => undefined,
      );
      throw error;
    });
    return new Chromium(browser, profileDir);
  } catch (error) {
    await removeProfile(profileDir);
    throw new RenderError(launchFailure(executablePath, launchTimeoutMs, error), { cause: error });
  }
}

function launchFailure(executablePath: string, launchTimeoutMs: number, error: unknown): string {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  debug('el navegador no arrancó: %s', text);
  if (/Timeout|timed out|sin respuesta/i.test(text)) {
    return (
      `El navegador «${executablePath}» no respondió en ${seconds(launchTimeoutMs)} s al arrancar: se detuvo. ` +
      'Compruebe que sea Chrome o Chromium y que funcione (pruebe a abrirlo con --headless), o indique otro con --navegador.'
    );
  }
  return (
    `No se pudo iniciar el navegador «${executablePath}»: el programa terminó sin abrirse. ` +
    'Compruebe que sea Chrome o Chromium y que funcione (pruebe a abrirlo con --headless), o indique otro con --navegador.'
  );
}

/**
 * Kills Chromium and every process it started. Puppeteer starts it as the leader of its own process
 * group, so the group's id is its pid; a wrapper script's children (a fake browser's `sleep`) go too.
 */
function killProcessGroup(browser: Browser): void {
  const child = browser.process();
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
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

/** Rejects with a RenderError carrying `message` when `promise` takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RenderError(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortError(signal);
}

function abortError(signal: AbortSignal): RenderError {
  return new RenderError('Se interrumpió la generación del PDF.', { cause: signal.reason });
}
