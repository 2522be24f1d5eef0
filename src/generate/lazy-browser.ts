import type { BrowserOptions, BrowserSession } from '../render/pdf/browser-session.ts';

/**
 * One browser for a whole batch, launched only when the first PDF needs it (so HTML-only runs and
 * reruns that find their files published never start Chromium), and closed by `close()` in the
 * caller's `finally`.
 */
export interface LazyBrowser {
  get(): Promise<BrowserSession>;
  close(): Promise<void>;
}

export function lazyBrowser(options: BrowserOptions): LazyBrowser {
  let launching: Promise<BrowserSession> | undefined;
  return {
    get() {
      launching ??= import('../render/pdf/browser-session.ts').then((module) => module.launchBrowser(options));
      return launching;
    },
    async close() {
      if (launching === undefined) return;
      const session = await launching.catch(() => undefined);
      await session?.close();
    },
  };
}
