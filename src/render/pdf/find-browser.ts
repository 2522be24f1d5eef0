import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { RenderError } from '../../errors.ts';

/**
 * Finds Chrome or Chromium the way marp-cli does: the explicit option, then PUPPETEER_EXECUTABLE_PATH and
 * CHROME_PATH (only when they name an executable), then the usual names on PATH and the usual install
 * locations of the platform. Nothing is downloaded. Everything it touches is injected, so tests can
 * describe any machine.
 */
export interface DiscoveryEnvironment {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isExecutable: (file: string) => boolean;
}

export function systemDiscoveryEnvironment(): DiscoveryEnvironment {
  return {
    platform: process.platform,
    env: process.env,
    isExecutable: (file) => isExecutableFile(file, process.platform),
  };
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const ENV_VARIABLES = ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

const LINUX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'chrome',
  'microsoft-edge',
];
const LINUX_LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/usr/lib/chromium/chromium',
];
const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];
const WINDOWS_SUFFIXES = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Google\\Chrome SxS\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

/** The command that installs a browser, by platform, for the error message. */
export const INSTALL_HINTS: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  linux: 'sudo apt-get install chromium',
  darwin: 'brew install --cask google-chrome',
  win32: 'winget install Google.Chrome',
};

/** Every candidate, in the order tried, with where it came from (for the error message). */
export function browserCandidates(environment: DiscoveryEnvironment): { file: string; source: string }[] {
  const { platform, env } = environment;
  const candidates: { file: string; source: string }[] = [];
  for (const name of ENV_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') candidates.push({ file: value, source: name });
  }
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const separator = platform === 'win32' ? ';' : ':';
  const pathDirectories = (env['PATH'] ?? env['Path'] ?? '').split(separator).filter((directory) => directory !== '');
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (root): root is string => root !== undefined && root !== '',
    );
    for (const root of roots)
      for (const suffix of WINDOWS_SUFFIXES) candidates.push({ file: join(root, suffix), source: root });
    for (const directory of pathDirectories) {
      for (const name of ['chrome.exe', 'msedge.exe']) candidates.push({ file: join(directory, name), source: 'PATH' });
    }
    return candidates;
  }
  if (platform === 'darwin') {
    const home = env['HOME'];
    const applications = ['/Applications', ...(home === undefined ? [] : [join(home, 'Applications')])];
    for (const folder of applications)
      for (const app of MAC_APPS) candidates.push({ file: join(folder, app), source: folder });
  }
  for (const directory of pathDirectories) {
    for (const name of LINUX_NAMES) candidates.push({ file: join(directory, name), source: 'PATH' });
  }
  if (platform !== 'darwin')
    for (const file of LINUX_LOCATIONS) candidates.push({ file, source: 'ubicación habitual' });
  return candidates;
}

/**
 * The browser to launch. An explicit path must be an executable (it is an error otherwise, not a
 * reason to look elsewhere); without one, the first executable candidate wins.
 */
export function findBrowser(
  explicitPath: string | undefined,
  environment: DiscoveryEnvironment = systemDiscoveryEnvironment(),
): string {
  if (explicitPath !== undefined && explicitPath !== '') {
    if (environment.isExecutable(explicitPath)) return explicitPath;
    throw new RenderError(`El navegador indicado no existe o no es ejecutable: «${explicitPath}».`);
  }
  const candidates = browserCandidates(environment);
  const seen = new Set<string>();
  for (const { file } of candidates) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (environment.isExecutable(file)) return file;
  }
  throw new RenderError(notFoundMessage(environment, [...seen]));
}

function notFoundMessage(environment: DiscoveryEnvironment, tried: readonly string[]): string {
  const variables = ENV_VARIABLES.map((name) => {
    const value = environment.env[name];
    return value === undefined || value === '' ? `${name} (sin definir)` : `${name}=${value} (no es un ejecutable)`;
  });
  const install = INSTALL_HINTS[environment.platform] ?? INSTALL_HINTS.linux ?? '';
  return [
    'No se encontró Chrome ni Chromium para generar el PDF.',
    `Variables consultadas: ${variables.join(', ')}.`,
    'Rutas probadas:',
    ...tried.map((file) => `  - ${file}`),
    `Instale Chromium con: ${install}`,
    'o indique la ruta del navegador en PUPPETEER_EXECUTABLE_PATH.',
  ].join('\n');
}
