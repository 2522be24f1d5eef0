import type { ApprovalContext } from '../approval/index.ts';
import type { Registry } from '../publish/registry.ts';
import type { RenderQueue } from './render-queue.ts';
import type { VerificationReport } from '../publish/verify-bulletins.ts';
import { verifyBulletins } from '../publish/verify-bulletins.ts';
import type { BrowserOptions } from '../render/pdf/browser-session.ts';
import type { PageRenderer } from './page-renderer.ts';
import type { PdfPageImages } from './pdf-page-images.ts';
import type { RecordedFileReader } from './recorded-files.ts';
import type { FastifyRequest } from 'fastify';

export interface PortalSettings {
  /** The registry (SQLite) the page reads and publishes through. */
  readonly registryPath: string;
  /** Where published bulletins are written (output/ of the project by default). */
  readonly outputDir: string;
  /** The page's own working folder: uploads, drafts, page images (`<datos>/portal`). */
  readonly workDir: string;
  /** No sign-in: everyone who reaches the page is the local user (only on a loopback address). */
  readonly singleUser: boolean;
  /** Largest upload, in bytes. */
  readonly maxUploadBytes: number;
  readonly browser?: Omit<BrowserOptions, 'signal'>;
  readonly now: () => Date;
  /** The scheduler's calendar, whose pending jornadas the list shows; null: none. */
  readonly calendarPath?: string | null;
  /** How long the list may show the archive's last verification (5 s by default; tests use 0). */
  readonly archiveCheckMaxAgeMs?: number;
}

/** What every route shares: settings, the open registry, the page templates and the file readers. */
export interface PortalContext {
  readonly settings: PortalSettings;
  readonly registry: Registry;
  readonly pages: PageRenderer;
  readonly files: RecordedFileReader;
  readonly pageImages: PdfPageImages;
  readonly archiveReport: () => Promise<VerificationReport>;
  /** The approval workflow over the same registry, with the page's clock and browser settings. */
  readonly approval: ApprovalContext;
  /** Drafts and approvals render one at a time. */
  readonly queue: RenderQueue;
}

/**
 * The whole archive's verification, recomputed at most every few seconds: the list shows a missing or
 * altered file without hashing every file on every visit.
 */
export function cachedArchiveReport(
  registry: Registry,
  fallbackOutputDir: string,
  maxAgeMs = 5_000,
): () => Promise<VerificationReport> {
  let cached: { at: number; report: Promise<VerificationReport> } | undefined;
  return () => {
    const now = Date.now();
    if (cached === undefined || now - cached.at >= maxAgeMs) {
      cached = { at: now, report: verifyBulletins(registry, { fallbackOutputDir }) };
      cached.report.catch(() => (cached = undefined));
    }
    return cached.report;
  };
}

/** The frame every page shares: title, who is signed in, what links to show. */
export function frame(request: FastifyRequest, title: string, refreshSeconds: number | null = null): object {
  const { viewer } = request;
  return {
    titulo: title,
    refrescar: refreshSeconds,
    persona:
      viewer.person === null
        ? null
        : { nombre: viewer.person.name, rol: viewer.person.role ?? 'modo de un solo usuario' },
    puedeSalir: viewer.sessionToken !== null,
    puedeSubir: viewer.can('subir'),
    puedeRevisar: viewer.can('revisar'),
    puedeAprobar: viewer.can('aprobar'),
    csrf: viewer.csrf,
  };
}
