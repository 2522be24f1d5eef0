import { readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';

/** Who holds an entry of the registry while it is being published. */
export interface ProcessOwner {
  readonly pid: number;
  readonly host: string;
  /** The kernel's start time of the process (Linux), so a recycled pid is not mistaken for the owner. */
  readonly start: string;
}

/** Entries owned by a process on another machine are presumed alive for this long. */
export const FOREIGN_OWNER_STALE_MS = 60 * 60 * 1000;

let self: ProcessOwner | undefined;

export function currentOwner(): ProcessOwner {
  self ??= { pid: process.pid, host: hostname(), start: processStartToken(process.pid) ?? '' };
  return self;
}

/** The OS user who runs this process, for the registry's "who made it". */
export function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    // A container without a passwd entry for the uid.
    return process.env['USER'] ?? process.env['USERNAME'] ?? `uid ${process.getuid?.() ?? '?'}`;
  }
}

/**
 * Whether the owner recorded in the registry may still be working. A process on another host cannot be
 * probed, so it counts as alive until its entry is older than FOREIGN_OWNER_STALE_MS.
 */
export function isOwnerAlive(
  owner: {
    readonly pid: number | null;
    readonly host: string | null;
    readonly start: string | null;
    readonly since: string | null;
  },
  now: Date = new Date(),
): boolean {
  if (owner.pid === null || owner.host === null) return false;
  if (owner.host !== currentOwner().host) {
    const since = owner.since === null ? Number.NaN : Date.parse(owner.since);
    return Number.isFinite(since) && now.getTime() - since < FOREIGN_OWNER_STALE_MS;
  }
  if (!isPidAlive(owner.pid)) return false;
  const status = readProcStat(owner.pid);
  if (status === undefined) return true;
  if (status.state === 'Z' || status.state === 'X') return false;
  return owner.start === null || owner.start === '' || owner.start === status.start;
}

/** Whether a process with this pid exists on this machine (a zombie counts as gone on Linux). */
export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const status = readProcStat(pid);
  return status === undefined || (status.state !== 'Z' && status.state !== 'X');
}

function processStartToken(pid: number): string | undefined {
  return readProcStat(pid)?.start;
}

/** State and start time from /proc/<pid>/stat; undefined where there is no /proc. */
function readProcStat(pid: number): { readonly state: string; readonly start: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: fields after the last ')' are plain.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const start = fields[19];
  if (state === undefined || start === undefined) return undefined;
  return { state, start };
}
