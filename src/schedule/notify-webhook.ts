import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Decision } from './decision-log.ts';

/** What the webhook receives when a draft is ready or a bulletin is published. */
export interface BulletinNotice {
  readonly jornada: string;
  readonly estado: string;
  readonly titulo: string;
  readonly fecha: string;
  readonly solicitud: number;
  readonly numero: string | null;
  readonly archivos: readonly { readonly formato: string; readonly ruta: string; readonly sha256: string }[];
}

export interface NotifierOptions {
  readonly url: string;
  /** Tries in all, 3 by default. */
  readonly attempts?: number | undefined;
  /** Wait before retry n (1-based); 2, 4, 8... seconds by default. */
  readonly retryDelayMs?: ((retry: number) => number) | undefined;
  readonly timeoutMs?: number | undefined;
  readonly fetch?: typeof fetch | undefined;
  readonly sleep?: ((ms: number) => Promise<unknown>) | undefined;
  /** Told how each notice ended. */
  readonly onResult?:
    | ((
        notice: BulletinNotice,
        result: { readonly ok: boolean; readonly attempts: number; readonly error?: string },
      ) => void)
    | undefined;
}

export interface Notifier {
  /** Starts posting in the background: a render never waits for the webhook. */
  readonly notify: (notice: BulletinNotice) => void;
  /** Waits for the notices under way (a one-shot pass does, before it exits). */
  readonly drain: () => Promise<void>;
}

/** A webhook poster with retries; failures are reported to `onResult`, never thrown. */
export function webhookNotifier(options: NotifierOptions): Notifier {
  const pending = new Set<Promise<void>>();
  const attempts = options.attempts ?? 3;
  const delay = options.retryDelayMs ?? ((retry: number) => 2000 * 2 ** (retry - 1));
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  const post = options.fetch ?? fetch;
  const send = async (notice: BulletinNotice): Promise<void> => {
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep(delay(attempt - 1));
      try {
        const response = await post(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(notice),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        await response.body?.cancel();
        if (response.ok) {
          options.onResult?.(notice, { ok: true, attempts: attempt });
          return;
        }
        lastError = `respondió ${response.status}`;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    options.onResult?.(notice, { ok: false, attempts, error: lastError });
  };
  return {
    notify: (notice) => {
      const task = send(notice).catch(() => undefined);
      pending.add(task);
      void task.finally(() => pending.delete(task));
    },
    drain: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

/** The log line of a notice's outcome. */
export function noticeDecision(
  notice: BulletinNotice,
  result: { readonly ok: boolean; readonly attempts: number; readonly error?: string },
  at: Date,
): Decision {
  return {
    at,
    jornada: notice.jornada,
    decision: result.ok ? 'aviso-enviado' : 'aviso-fallido',
    state: undefined,
    reason: result.ok
      ? `aviso enviado al webhook (intento ${result.attempts})`
      : `no se pudo enviar el aviso al webhook tras ${result.attempts} intentos: ${result.error ?? ''}`,
    request: notice.solicitud,
  };
}
