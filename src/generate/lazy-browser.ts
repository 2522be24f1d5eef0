import type { BrowserOptions, BrowserSession } from '../render/pdf/browser-session.ts';

/**
 * One browser for a whole batch, launched only when the first PDF needs it (so HTML-only runs and
 * reruns that find their files published never start Chromium), and closed by `close()` in the
 * caller's `finally`.
 */
export interface LazyBrowser {
  get(): Promise<BrowserSession>;
  /** Starts the launch now, for a batch that will surely print; a failure is reported by `get()`. */
  startEarly(): void;
  close(): Promise<void>;
}

export function lazyBrowser(options: BrowserOptions): LazyBrowser {
  let launching: Promise<BrowserSession> | undefined;
  const get = (): Promise<BrowserSession> => {
    launching ??= import('../render/pdf/browser-session.ts').then((module) => module.launchBrowser(options));
    return launching;
  };
  return {
    get,
    startEarly() {
      // The same promise is awaited by get() and close(), which report or swallow a failed launch.
      get().catch(() => undefined);
    },
    async close() {
      if (launching === undefined) return;
      const session = await launching.catch(() => undefined);
      await session?.close();
    },
  };
}
