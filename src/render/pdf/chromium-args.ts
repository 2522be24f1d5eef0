import { existsSync, readFileSync } from 'node:fs';

/** What decides whether Chromium's sandbox can run: it cannot as root, nor in most containers. */
export interface SandboxFacts {
  readonly isRoot: boolean;
  readonly inContainer: boolean;
}

export function systemSandboxFacts(): SandboxFacts {
  return { isRoot: process.getuid?.() === 0, inContainer: detectContainer() };
}

function detectContainer(): boolean {
  if (existsSync('/.dockerenv') || existsSync('/run/.containerenv')) return true;
  try {
    return /docker|kubepods|containerd|lxc|podman/.test(readFileSync('/proc/1/cgroup', 'utf8'));
  } catch {
    return false;
  }
}

/** The sandbox is turned off only when it cannot work (marp-cli does the same). */
export function needsNoSandbox(facts: SandboxFacts): boolean {
  return facts.isRoot || facts.inContainer;
}

/** Flags for a quiet, offline, throwaway Chromium that only prints. */
export function chromiumArgs(noSandbox: boolean): string[] {
  return [
    '--headless',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-dev-shm-usage',
    '--mute-audio',
    ...(noSandbox ? ['--no-sandbox', '--disable-setuid-sandbox'] : []),
  ];
}
