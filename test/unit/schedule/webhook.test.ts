import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openRegistry, type Registry } from '../../../src/publish/index.ts';
import {
  type BulletinNotice,
  type Decision,
  loadCalendar,
  noticeDecision,
  runPass,
  webhookNotifier,
} from '../../../src/schedule/index.ts';
import { fortnightCalendar, jornadaDataset, mx, writeAt } from '../../support/schedule-fixtures.ts';

// A real HTTP server on 127.0.0.1 that fails the first posts: the notice is retried, and the render
// never waits for it.

const servers: Server[] = [];
const dirs: string[] = [];
const registries: Registry[] = [];
afterEach(async () => {
  for (const registry of registries.splice(0)) registry.close();
  for (const server of servers.splice(0)) await new Promise((done) => server.close(done));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function flakyServer(failures: number): Promise<{ url: string; bodies: unknown[]; hits: () => number }> {
  const bodies: unknown[] = [];
  let hits = 0;
  const server = createServer(async (request: IncomingMessage, response) => {
    hits++;
    let body = '';
    for await (const chunk of request) body += String(chunk);
    if (hits <= failures) {
      response.writeHead(503).end();
      return;
    }
    bodies.push(JSON.parse(body));
    response.writeHead(204).end();
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/avisos`, bodies, hits: () => hits };
}

test('a notice is retried after failures and logged once it is through', async () => {
  const server = await flakyServer(2);
  const decisions: Decision[] = [];
  const notifier = webhookNotifier({
    url: server.url,
    attempts: 3,
    sleep: async () => undefined,
    onResult: (notice, result) => decisions.push(noticeDecision(notice, result, mx('2023-03-13T08:00'))),
  });
  const notice: BulletinNotice = {
    jornada: 'quinta',
    estado: 'borrador-listo',
    titulo: 'Título',
    fecha: '2023-03-13',
    solicitud: 1,
    numero: null,
    archivos: [],
  };
  notifier.notify(notice);
  await notifier.drain();
  expect(server.hits()).toBe(3);
  expect(server.bodies).toEqual([notice]);
  expect(decisions.map((d) => [d.decision, d.reason])).toEqual([
    ['aviso-enviado', 'aviso enviado al webhook (intento 3)'],
  ]);
});

test('a webhook that never answers well is given up after its attempts, without an error', async () => {
  const server = await flakyServer(99);
  const results: boolean[] = [];
  const notifier = webhookNotifier({
    url: server.url,
    attempts: 2,
    sleep: async () => undefined,
    onResult: (_n, r) => results.push(r.ok),
  });
  notifier.notify({
    jornada: 'q',
    estado: 'borrador-listo',
    titulo: 't',
    fecha: '2023-03-13',
    solicitud: 1,
    numero: null,
    archivos: [],
  });
  await notifier.drain();
  expect([server.hits(), results]).toEqual([2, [false]]);
});

test('a pass renders the draft first and posts the summary of the bulletin after, in the background', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-aviso-'));
  dirs.push(dir);
  const server = await flakyServer(1);
  writeFileSync(join(dir, 'calendario.yaml'), fortnightCalendar({ extra: `aviso: { url: "${server.url}" }` }));
  const calendar = await loadCalendar(join(dir, 'calendario.yaml'));
  const registry = openRegistry(join(dir, 'datos', 'registro.sqlite'));
  registries.push(registry);
  writeAt(
    join(dir, 'entrada', 'quinta', 'datos.json'),
    jornadaDataset('2023-03-10', '2023-03-12', 5),
    mx('2023-03-12T20:00'),
  );
  writeFileSync(join(dir, 'entrada', 'quinta', 'datos.json.listo'), '');
  const order: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((done) => (release = done));
  const notifier = webhookNotifier({
    url: calendar.webhook?.url ?? '',
    attempts: calendar.webhook?.attempts,
    // Every post waits until the pass is over: were the render waiting for the webhook, it would never end.
    fetch: async (...args: Parameters<typeof fetch>) => {
      await gate;
      return fetch(...args);
    },
    sleep: async () => order.push('reintento'),
    onResult: (_notice, result) => order.push(result.ok ? 'aviso' : 'fallo'),
  });
  const summary = await runPass({
    registry,
    calendar,
    clock: () => mx('2023-03-13T00:00'),
    log: () => {},
    outputDir: dir,
    notifier,
  });
  order.push('pasada terminada');
  release();
  await notifier.drain();
  expect(summary.decisions.map((d) => d.decision)).toEqual(['borrador']);
  expect(order).toEqual(['pasada terminada', 'reintento', 'aviso']);
  expect(server.hits()).toBe(2);
  expect(server.bodies).toEqual([
    {
      jornada: 'quinta-extraordinaria',
      estado: 'borrador-listo',
      titulo: summary.decisions[0]?.reason.split(': ')[1]?.split(' (solicitud')[0],
      fecha: '2023-03-13',
      solicitud: 1,
      numero: null,
      // The draft in HTML and its figure-by-figure verification report.
      archivos: [
        expect.objectContaining({ formato: 'html' }),
        expect.objectContaining({ formato: 'verificacion-html' }),
        expect.objectContaining({ formato: 'verificacion' }),
      ],
    },
  ]);
});
