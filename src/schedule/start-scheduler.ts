import { Cron } from 'croner';
import { type Registry, openRegistry } from '../publish/registry.ts';
import { SCHEDULE_ZONE } from './calendar-schema.ts';
import type { DecisionLog } from './decision-log.ts';
import { type Calendar, loadCalendar } from './load-calendar.ts';
import { nextWake } from './next-wake.ts';
import { type Notifier, noticeDecision, webhookNotifier } from './notify-webhook.ts';
import { type PassOptions, type PassSummary, runPass } from './run-pass.ts';

/** Even with nothing due, the scheduler reads the calendar again this often (editors add jornadas). */
const MAX_SLEEP_MS = 15 * 60 * 1000;

export interface SchedulerOptions {
  readonly registryPath: string;
  readonly calendarPath: string;
  readonly outputDir: string;
  readonly log: DecisionLog;
  /** Told of a pass that failed (a bad calendar, a registry error); the scheduler keeps going. */
  readonly onError: (error: unknown) => void;
  readonly publishMode?: PassOptions['publishMode'];
  readonly browser?: PassOptions['browser'];
}

export interface RunningScheduler {
  /** Runs a pass now (after the one under way, if any). */
  readonly passNow: () => Promise<PassSummary | undefined>;
  /** Stops waking up, waits for the pass under way and the notices, and closes the registry. */
  readonly stop: () => Promise<void>;
}

/**
 * Starts the scheduler inside this process (`npm run programador`, or the download page's server):
 * a pass now, then one each time something is due, woken by croner in America/Mexico_City. Passes never
 * overlap; the calendar is read again before each, so edits take effect without a restart.
 */
export function startScheduler(options: SchedulerOptions): RunningScheduler {
  const registry: Registry = openRegistry(options.registryPath);
  const controller = new AbortController();
  let timer: Cron | undefined;
  let running: Promise<PassSummary | undefined> = Promise.resolve(undefined);
  let stopped = false;
  let notifier: { url: string; notifier: Notifier } | undefined;

  const notifierFor = (calendar: Calendar): Notifier | undefined => {
    if (calendar.webhook === undefined) return undefined;
    if (notifier?.url !== calendar.webhook.url) {
      notifier = {
        url: calendar.webhook.url,
        notifier: webhookNotifier({
          url: calendar.webhook.url,
          attempts: calendar.webhook.attempts,
          onResult: (notice, result) => options.log(noticeDecision(notice, result, new Date())),
        }),
      };
    }
    return notifier.notifier;
  };

  const pass = async (): Promise<PassSummary | undefined> => {
    if (stopped) return undefined;
    let calendar: Calendar | undefined;
    try {
      calendar = await loadCalendar(options.calendarPath);
      return await runPass({
        registry,
        calendar,
        log: options.log,
        outputDir: options.outputDir,
        publishMode: options.publishMode,
        notifier: notifierFor(calendar),
        browser: options.browser,
        signal: controller.signal,
      });
    } catch (error) {
      if (!stopped) options.onError(error);
      return undefined;
    } finally {
      if (!stopped) schedule(calendar);
    }
  };

  const schedule = (calendar: Calendar | undefined): void => {
    timer?.stop();
    const now = new Date();
    const due = calendar === undefined ? null : nextWake(registry, calendar, now);
    const wake = Math.min(due?.getTime() ?? Infinity, now.getTime() + MAX_SLEEP_MS);
    // A one-shot croner job at the instant (croner copes with waits longer than setTimeout's 24.8 days).
    timer = new Cron(new Date(Math.max(wake, now.getTime() + 1000)), { timezone: SCHEDULE_ZONE, maxRuns: 1 }, () => {
      void passNow();
    });
  };

  const passNow = (): Promise<PassSummary | undefined> => {
    running = running.then(pass, pass);
    return running;
  };

  void passNow();
  return {
    passNow,
    stop: async () => {
      stopped = true;
      timer?.stop();
      controller.abort();
      await running.catch(() => undefined);
      await notifier?.notifier.drain();
      registry.close();
    },
  };
}
