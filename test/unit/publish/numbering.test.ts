import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  PublishConflictError,
  openRegistry,
  peekSequence,
  publishBulletin,
  setSequenceFloor,
} from '../../../src/publish/index.ts';
import { baseRequest, countingRenderer, useTempDirs } from './helpers.ts';

const tempDir = useTempDirs();

function setup() {
  const dir = tempDir();
  const registry = openRegistry(join(dir, 'registro.sqlite'));
  const out = join(dir, 'salida');
  const publish = (hash: string, extra: Partial<Parameters<typeof publishBulletin>[0]> = {}) =>
    publishBulletin({
      ...baseRequest(registry, out, countingRenderer().render),
      datasetHash: hash,
      slug: `jornada-${hash}`,
      ...extra,
    });
  return { registry, publish };
}

describe('number allocation', () => {
  test('a new year starts at 1 and goes up by one', async () => {
    const { registry, publish } = setup();
    expect(peekSequence(registry, 2023)).toMatchObject({ next: 1, highest: null, floor: null });
    expect((await publish('a')).number).toBe(1);
    expect((await publish('b')).number).toBe(2);
    expect((await publish('c', { year: 2024, issueDate: '2024-01-05' })).number).toBe(1);
    registry.close();
  });

  test('"the next number is 94" moves the sequence; it must be above the highest recorded', async () => {
    const { registry, publish } = setup();
    expect(setSequenceFloor(registry, 2023, 94).next).toBe(94);
    expect((await publish('a')).number).toBe(94);
    expect((await publish('b')).number).toBe(95);
    expect(() => setSequenceFloor(registry, 2023, 95)).toThrow(PublishConflictError);
    expect(() => setSequenceFloor(registry, 2023, 95)).toThrow('debe ser mayor que 95');
    expect(setSequenceFloor(registry, 2023, 120).next).toBe(120);
    expect((await publish('c')).number).toBe(120);
    registry.close();
  });

  test('an explicit number is used as given; the automatic ones continue after the highest', async () => {
    const { registry, publish } = setup();
    expect((await publish('a', { explicitNumber: 93 })).number).toBe(93);
    expect((await publish('b')).number).toBe(94);
    expect((await publish('c', { explicitNumber: 50 })).number).toBe(50);
    expect((await publish('d')).number).toBe(95);
    registry.close();
  });

  test('a number a failed run gave back is taken first, so none is skipped', async () => {
    const { registry, publish } = setup();
    await publish('a');
    const failing = publish('b', {
      render: async () => {
        // Another bulletin takes number 3 while this one (number 2) is rendering.
        await publish('c');
        throw new Error('render roto');
      },
    });
    await expect(failing).rejects.toThrow('render roto');
    expect(peekSequence(registry, 2023)).toMatchObject({ highest: 3, released: [2], next: 2 });
    expect((await publish('d')).number).toBe(2);
    expect((await publish('e')).number).toBe(4);
    registry.close();
  });

  test('the highest number released simply becomes the next again', async () => {
    const { registry, publish } = setup();
    await publish('a');
    await expect(publish('b', { render: () => Promise.reject(new Error('no')) })).rejects.toThrow('no');
    expect(peekSequence(registry, 2023)).toMatchObject({ highest: 1, released: [], next: 2 });
    registry.close();
  });

  test('moving the floor drops released numbers below it', async () => {
    const { registry, publish } = setup();
    await publish('a');
    await expect(
      publish('b', {
        render: async () => {
          await publish('c');
          throw new Error('no');
        },
      }),
    ).rejects.toThrow('no El número 002/2023 quedó libre: lo tomará el siguiente boletín de 2023.');
    expect(peekSequence(registry, 2023).released).toEqual([2]);
    setSequenceFloor(registry, 2023, 10);
    expect(peekSequence(registry, 2023)).toMatchObject({ released: [], next: 10 });
    registry.close();
  });
});
