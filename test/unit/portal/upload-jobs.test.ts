import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { UploadJobs, UploadState } from '../../../src/portal/upload-jobs.ts';

/**
 * Found in review: every upload's folder stayed on disk and its job in memory for as long as the page
 * ran (weeks), refused ones included.
 */
const dir = mkdtempSync(join(tmpdir(), 'boletin-subidas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('UploadJobs keeps nothing it no longer needs', () => {
  test('a previous run’s folders are removed before the first upload', async () => {
    const work = join(dir, 'arranque');
    mkdirSync(join(work, 'subidas', 'f'.repeat(32)), { recursive: true });
    const jobs = new UploadJobs(work);
    const job = await jobs.create('redaccion', 'Rosa Redacción', new Date());
    expect(readdirSync(join(work, 'subidas'))).toEqual([job.id]);
  });

  test('a refused upload keeps its report, not its files', async () => {
    const jobs = new UploadJobs(join(dir, 'rechazo'));
    const job = await jobs.create('redaccion', 'Rosa Redacción', new Date());
    const path = join(job.folder, 'mala.json');
    writeFileSync(path, '{');
    expect(await jobs.validate(job, [{ name: 'mala.json', path }])).toBe(false);
    expect(job.state).toBe(UploadState.refused);
    expect(job.problems.length).toBeGreaterThan(0);
    expect(existsSync(job.folder)).toBe(false);
    expect(jobs.get(job.id)).toBe(job);
  });

  test('a report is forgotten a day later', async () => {
    const jobs = new UploadJobs(join(dir, 'olvido'));
    const monday = new Date('2026-12-07T10:00:00Z');
    const old = await jobs.create('redaccion', 'Rosa Redacción', monday);
    old.state = UploadState.ready;
    const sameDay = await jobs.create('redaccion', 'Rosa Redacción', new Date('2026-12-07T20:00:00Z'));
    sameDay.state = UploadState.ready;
    expect(jobs.get(old.id)).toBe(old);
    await jobs.create('redaccion', 'Rosa Redacción', new Date('2026-12-08T10:00:01Z'));
    expect(jobs.get(old.id)).toBeUndefined();
    expect(existsSync(old.folder)).toBe(false);
    expect(jobs.get(sameDay.id)).toBe(sameDay);
  });
});
