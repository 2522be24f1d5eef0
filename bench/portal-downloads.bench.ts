/**
 * `npm run bench:portal`: the download page under load. Publishes one bulletin, starts the portal on
 * 127.0.0.1 (single-user mode), then holds 200 concurrent downloads (PDF, Word, HTML and the ZIP in turn)
 * while `boletin` renders two other bulletins into the same registry, and checks the sha256 of every
 * response against the registry. Prints requests per second and latency percentiles; writes
 * bench/portal-resultados.json. A script, not a test: nothing here is asserted against a time.
 *
 * Bounded: loopback only, 200 clients, at most 90 seconds of load (it stops when the render ends, after
 * at least 10 seconds).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBulletins } from '../src/generate/generate-bulletins.ts';
import { currentVersion, listBulletins, openRegistry } from '../src/publish/index.ts';

const CLIENTS = 200;
const MIN_MS = 10_000;
const MAX_MS = 90_000;
const ROOT = join(import.meta.dirname, '..');

const dir = await mkdtemp(join(tmpdir(), 'boletin-bench-portal-'));
const datos = join(dir, 'datos');
const salida = join(dir, 'salida');
const children: ChildProcess[] = [];
try {
  console.log('Publicando el boletín que se descargará…');
  const [published] = await generateBulletins({
    files: [join(ROOT, 'data', 'jornadas', '2023-02-cuarta-jornada-extraordinaria.json')],
    outputDir: salida,
    registryPath: join(datos, 'registro.sqlite'),
  });
  if (published?.error !== undefined) throw published.error;
  const expected = expectedHashes(join(datos, 'registro.sqlite'));
  console.log('Publicado; arrancando el portal…');

  const portal = spawn(process.execPath, ['src/portal/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', BOLETIN_DATOS: datos, BOLETIN_SALIDA: salida },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(portal);
  const origin = await addressOf(portal);
  console.log(`Portal en ${origin}`);
  // The ZIP is built on the fly: its expected hash is the first one served, checked against every later one
  // (and its entries were checked by the e2e test).
  const zipUrl = `${origin}${expected.base}/zip`;
  const firstZip = await fetchBytes(zipUrl);
  const targets = [
    ...expected.files.map((file) => ({ url: `${origin}${expected.base}/${file.format}`, sha256: file.sha256 })),
    { url: zipUrl, sha256: sha256(firstZip.bytes) },
  ];

  console.log('Renderizando dos boletines más mientras tanto (boletin generar)…');
  const render = spawn(
    process.execPath,
    [
      'src/cli.ts',
      join(ROOT, 'data', 'jornadas', '2021-05-segunda-jornada-nacional.json'),
      join(ROOT, 'data', 'jornadas', '2021-12-decima-cuarta-jornada-nacional.json'),
      '--salida',
      salida,
      '--datos',
      datos,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  children.push(render);
  let renderDone = false;
  let renderCode: number | null = null;
  const renderStart = Date.now();
  let renderMs = 0;
  render.once('exit', (code) => {
    renderDone = true;
    renderCode = code;
    renderMs = Date.now() - renderStart;
  });

  const latencies: number[] = [];
  let bad = 0;
  let failed = 0;
  let bytes = 0;
  const start = Date.now();
  const keepGoing = (): boolean => {
    const elapsed = Date.now() - start;
    return elapsed < MAX_MS && (elapsed < MIN_MS || !renderDone);
  };
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_unused, client) => {
      for (let round = client; keepGoing(); round += 1) {
        const target = targets[round % targets.length] as { url: string; sha256: string };
        const begin = performance.now();
        try {
          const response = await fetchBytes(target.url);
          latencies.push(performance.now() - begin);
          bytes += response.bytes.byteLength;
          if (response.status !== 200 || sha256(response.bytes) !== target.sha256) bad += 1;
        } catch {
          failed += 1;
        }
      }
    }),
  );
  const seconds = (Date.now() - start) / 1000;
  if (!renderDone) await new Promise((resolve) => render.once('exit', resolve));
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  const result = {
    fecha: new Date().toISOString(),
    clientes: CLIENTS,
    segundos: Math.round(seconds * 10) / 10,
    peticiones: latencies.length,
    peticionesPorSegundo: Math.round(latencies.length / seconds),
    megabytesPorSegundo: Math.round((bytes / seconds / 1e6) * 10) / 10,
    latenciaMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: Math.round(latencies.at(-1) ?? 0) },
    sha256Incorrectos: bad,
    fallidas: failed,
    render: { codigo: renderCode, segundos: Math.round(renderMs / 100) / 10 },
    nucleos: availableParallelism(),
    cargaAntes: loadavg().map((value) => Math.round(value * 100) / 100),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `${result.peticiones} descargas en ${result.segundos} s con ${CLIENTS} clientes a la vez: ${result.peticionesPorSegundo} por segundo, ` +
      `p50 ${result.latenciaMs.p50} ms, p99 ${result.latenciaMs.p99} ms; sha256 incorrectos: ${bad}; fallidas: ${failed}; ` +
      `el render de dos boletines terminó con código ${renderCode} en ${result.render.segundos} s.`,
  );
  await writeFile(join(ROOT, 'bench', 'portal-resultados.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (bad > 0 || failed > 0 || renderCode !== 0) process.exitCode = 1;
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}

function expectedHashes(registryPath: string): { base: string; files: { format: string; sha256: string }[] } {
  using registry = openRegistry(registryPath);
  const [bulletin] = listBulletins(registry);
  const version = bulletin === undefined ? undefined : currentVersion(bulletin);
  if (version === undefined) throw new Error('No se publicó el boletín de prueba.');
  return {
    base: `/boletines/${version.year}/${version.number}/v${version.version}`,
    files: version.files.map((f) => ({ format: f.format, sha256: f.sha256 })),
  };
}

/** Node's fetch keeps one pool per origin with no cap on connections: 200 clients are 200 sockets. */
async function fetchBytes(url: string): Promise<{ status: number; bytes: Uint8Array }> {
  const response = await fetch(url);
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function addressOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const look = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Portal de boletines escuchando en (http:\/\/[^"\s]+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => reject(new Error(`El portal terminó (código ${code}):\n${output}`)));
  });
}
