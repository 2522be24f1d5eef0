import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { DEFAULT_CALENDAR_PATH } from '../schedule/load-calendar.ts';
import { join, resolve } from 'node:path';
import { PROJECT_DIR, resolveDataFolder } from '../publish/data-folder.ts';
import { maxDatasetBytes } from '../dataset/source.ts';

/** How `npm run portal` is set up, all from the environment (documented in the README). */
export interface PortalConfig {
  readonly host: string;
  readonly port: number;
  readonly dataFolder: string;
  readonly outputDir: string;
  /** Fastify's trustProxy: off, or the proxy's address(es) or "loopback". */
  readonly trustProxy: boolean | string;
  readonly maxUploadBytes: number;
  /** The scheduler's calendar (BOLETIN_CALENDARIO, or data/calendario.yaml when it exists). */
  readonly calendarPath: string | null;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8370;

export class PortalConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortalConfigError';
  }
}

export function readPortalConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): PortalConfig {
  const host = env['HOST']?.trim() || DEFAULT_HOST;
  const portText = env['PORT']?.trim() || String(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new PortalConfigError(
      `PORT=${portText} no es un puerto: use un número de 0 a 65535, por ejemplo PORT=${DEFAULT_PORT}.`,
    );
  }
  const limitText = env['BOLETIN_LIMITE_SUBIDA']?.trim();
  const maxUploadBytes = limitText === undefined || limitText === '' ? maxDatasetBytes : Number(limitText);
  if (!Number.isSafeInteger(maxUploadBytes) || maxUploadBytes < 1024 || maxUploadBytes > maxDatasetBytes) {
    throw new PortalConfigError(
      `BOLETIN_LIMITE_SUBIDA=${limitText} no sirve: escriba bytes, de 1024 a ${maxDatasetBytes}.`,
    );
  }
  const dataFolder = resolveDataFolder({ env, cwd });
  const output = env['BOLETIN_SALIDA']?.trim();
  return {
    host,
    port: Number(portText),
    dataFolder,
    outputDir: output === undefined || output === '' ? join(PROJECT_DIR, 'output') : resolve(cwd, output),
    trustProxy: parseTrustProxy(env['BOLETIN_PROXY']),
    maxUploadBytes,
    calendarPath: calendarPathFrom(env['BOLETIN_CALENDARIO'], cwd),
  };
}

/**
 * BOLETIN_PROXY: empty (no proxy), or who the reverse proxy is: "loopback", an address, or a comma list.
 * Only then are X-Forwarded-For and X-Forwarded-Proto believed (and cookies marked Secure).
 */
function parseTrustProxy(text: string | undefined): boolean | string {
  const value = text?.trim() ?? '';
  return value === '' || value === 'no' ? false : value;
}

/** 127.0.0.1, ::1 and "localhost": only this machine can reach the page. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function calendarPathFrom(text: string | undefined, cwd: string): string | null {
  const value = text?.trim() ?? '';
  if (value === 'no') return null;
  if (value !== '') return resolve(cwd, value);
  return existsSync(DEFAULT_CALENDAR_PATH) ? DEFAULT_CALENDAR_PATH : null;
}
