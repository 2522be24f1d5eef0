import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_PREFIX, createProfile, removeStaleProfiles } from '../../../src/render/pdf/browser-profile.ts';

describe('temporary Chromium profiles', () => {
  let folder = '';
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'boletin-perfiles-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('are named after the process that owns them', async () => {
    const profile = await createProfile(folder);
    expect(profile.startsWith(join(folder, `${PROFILE_PREFIX}${process.pid}-`))).toBe(true);
  });

  it("removes the profiles of dead runs, keeps live runs' and this run's, and leaves other folders alone", async () => {
    const alive = new Set([4242, process.pid]);
    const names = [
      `${PROFILE_PREFIX}999999-abc123`, // a run killed outright
      `${PROFILE_PREFIX}4242-def456`, // a run still printing
      `${PROFILE_PREFIX}${process.pid}-ghi789`, // this run
      'otra-carpeta-999999-abc',
    ];
    for (const name of names) await mkdir(join(folder, name));
    const removed = await removeStaleProfiles(folder, (pid) => alive.has(pid));
    expect(removed).toEqual([join(folder, `${PROFILE_PREFIX}999999-abc123`)]);
    expect((await readdir(folder)).sort()).toEqual(names.slice(1).sort());
  });

  it('removes a profile of the old naming (no process id) only once it is a day old', async () => {
    const now = Date.now();
    await mkdir(join(folder, `${PROFILE_PREFIX}viejo`));
    await mkdir(join(folder, `${PROFILE_PREFIX}reciente`));
    const twoDaysAgo = (now - 2 * 24 * 60 * 60 * 1000) / 1000;
    await utimes(join(folder, `${PROFILE_PREFIX}viejo`), twoDaysAgo, twoDaysAgo);
    const removed = await removeStaleProfiles(folder, () => false, now);
    expect(removed).toEqual([join(folder, `${PROFILE_PREFIX}viejo`)]);
    expect(await readdir(folder)).toEqual([`${PROFILE_PREFIX}reciente`]);
  });
});
