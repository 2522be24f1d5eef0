import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DateTime } from 'luxon';
import { afterEach, expect, test } from 'vitest';
import { listRequests } from '../../src/approval/index.ts';
import { listBulletins, openRegistry } from '../../src/publish/index.ts';
import { listJornadaStatuses, loadCalendar, nextWake, runPass } from '../../src/schedule/index.ts';
import { CLI_NODE_ARGS, PROJECT_ROOT } from '../support/run-cli.ts';
import { fortnightCalendar, fortnightEvents, jornadaDataset, mx, writeAt } from '../support/schedule-fixtures.ts';

// The scheduler as an office runs it: `boletin programa pasar` in real processes on one registry,
// killed with SIGKILL in the middle of a render, started twice at once, run from a crontab-like loop.
// The simulated clock is passed with --ahora; nothing waits for the real hours.

const CLI = join(PROJECT_ROOT, 'src', 'cli.ts');
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  // Each pass runs in its own process group (with its Chromium): end the groups this test started.
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid !== undefined) killGroup(child.pid);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The `node src/cli.ts programa correr` process that `npm run programador` started (a descendant of npm). */
function schedulerPid(npmPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let parent = parents.get(pid); parent !== undefined && parent > 1; parent = parents.get(parent))
      if (parent === npmPid) return true;
    return false;
  };
  const found = [...parents.keys()].find(
    (pid) => isDescendant(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('programa\0correr'),
  );
  if (found === undefined) throw new Error('No se encontró el proceso del programador.');
  return found;
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

interface Run {
  readonly child: ChildProcess;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function start(args: readonly string[], cwd: string): Run {
  const child = spawn(process.execPath, [...CLI_NODE_ARGS, ...args], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BOLETIN_DATOS: '' },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    },
  );
  return { child, done };
}

function workspace(calendarText: string) {
  const dir = mkdtempSync(join(tmpdir(), 'boletin-programa-e2e-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'calendario.yaml'), calendarText);
  const common = ['programa', '--calendario', join(dir, 'calendario.yaml'), '--datos', join(dir, 'datos')];
  const registryPath = join(dir, 'datos', 'registro.sqlite');
  return { dir, common, registryPath };
}

/** Polls a condition of the files or the registry (bounded): a sync point on state, not a timed wait. */
async function until(what: string, condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`No llegó a pasar: ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

function count(registryPath: string, sql: string): number {
  if (!existsSync(registryPath)) return 0;
  const db = new DatabaseSync(registryPath, { readOnly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

test('a fortnight of passes in real processes, with direct publishing, survives two SIGKILLs mid-render: consecutive numbers, nothing repeated', async () => {
  const { dir, common, registryPath } = workspace(
    fortnightCalendar({ publicacion: 'directa', formatos: ['html', 'pdf'] }),
  );
  const calendar = await loadCalendar(join(dir, 'calendario.yaml'));
  const events = fortnightEvents(dir);
  const draftFolder = join(dir, 'salida', 'solicitudes');
  const kills: string[] = [];
  let now = mx('2023-03-12T00:00');
  for (;;) {
    const wake = (() => {
      using registry = openRegistry(registryPath);
      return nextWake(registry, calendar, now);
    })();
    const next = Math.min(wake?.getTime() ?? Infinity, events[0]?.at.getTime() ?? Infinity);
    if (next === Infinity) break;
    now = new Date(next);
    while (events[0] !== undefined && events[0].at.getTime() <= now.getTime()) events.shift()?.apply();
    const args = [...common, 'pasar', '--ahora', now.toISOString()];
    const killAt =
      kills.length === 0 ? mx('2023-03-15T14:05') : kills.length === 1 ? mx('2023-03-20T20:05') : undefined;
    if (now.getTime() !== killAt?.getTime()) {
      // An ordinary pass, in this process on the same registry (a process per pass would take minutes).
      using registry = openRegistry(registryPath);
      await runPass({ registry, calendar, clock: () => now, log: () => {}, outputDir: join(dir, 'no-usada') });
      continue;
    }
    const run = start(args, dir);
    // Kill 1: while the first draft is being rendered. Kill 2: while the second bulletin is being published.
    if (kills.length === 0) {
      await until(
        'el borrador de la quinta empieza a escribirse',
        () => existsSync(draftFolder) && readdirSync(draftFolder).length > 0,
      );
      kills.push('borrador');
    } else {
      await until(
        'el boletín de la sexta queda en proceso',
        () => count(registryPath, `SELECT COUNT(*) AS n FROM versiones WHERE estado = 'en-proceso'`) > 0,
      );
      kills.push('publicación');
    }
    killGroup(run.child.pid ?? 0);
    expect((await run.done).signal).toBe('SIGKILL');
    // The restart: the same pass again, in a new process, on a registry left mid-way.
    const restart = await start(args, dir).done;
    expect(restart.code, restart.stderr).toBe(0);
    expect(restart.stdout).toMatch(
      kills.length === 1
        ? /quinta-extraordinaria: publicado: publicado como No\. 001\/2023/
        : /sexta-extraordinaria: publicado: publicado como No\. 002\/2023/,
    );
  }
  expect(kills).toEqual(['borrador', 'publicación']);
  using registry = openRegistry(registryPath);
  const bulletins = listBulletins(registry);
  expect(
    bulletins.map((b) => [
      b.number,
      b.versions.length,
      b.versions[0]?.slug,
      b.versions[0]?.state,
      b.versions[0]?.files.map((f) => f.format).sort(),
    ]),
  ).toEqual([
    [1, 1, 'extraordinaria-continuidad-2023-03-10', 'publicado', ['html', 'pdf', 'verificacion', 'verificacion-html']],
    [2, 1, 'extraordinaria-continuidad-2023-03-17', 'publicado', ['html', 'pdf', 'verificacion', 'verificacion-html']],
    [3, 1, 'extraordinaria-continuidad-2023-03-24', 'publicado', ['html', 'pdf', 'verificacion', 'verificacion-html']],
  ]);
  expect(
    listRequests(registry)
      .map((r) => [r.origin, r.state, r.number])
      .reverse(),
  ).toEqual([
    ['programa:quinta-extraordinaria', 'publicado', 1],
    ['programa:sexta-extraordinaria', 'publicado', 2],
    ['programa:septima-extraordinaria', 'publicado', 3],
  ]);
  expect(listJornadaStatuses(registry, calendar, mx('2023-04-01T00:00')).map((s) => [s.label, s.attempts])).toEqual([
    ['publicado', 9],
    ['publicado', 5],
    ['publicado', 3],
  ]);
  expect(count(registryPath, 'SELECT COUNT(*) AS n FROM programa_jornadas WHERE dueno_pid IS NOT NULL')).toBe(0);
}, 600_000);

test('two schedulers started together on one registry and calendar render each jornada once', async () => {
  const text = fortnightCalendar()
    .replaceAll(
      /carpeta: entrada\/(\w+)\n/g,
      'carpeta: entrada/$1\n    buscar: { desde: "2023-03-27T00:00", hasta: 2023-04-10 }\n',
    )
    .replace('    buscar: { hasta: 2023-03-17 }\n', '');
  const { dir, common, registryPath } = workspace(text);
  for (const [folder, inicio, fin, ordinal] of [
    ['quinta', '2023-03-10', '2023-03-12', 5],
    ['sexta', '2023-03-17', '2023-03-19', 6],
    ['septima', '2023-03-24', '2023-03-26', 7],
  ] as const) {
    writeAt(join(dir, 'entrada', folder, 'datos.json'), jornadaDataset(inicio, fin, ordinal), mx('2023-03-27T07:00'));
    writeFileSync(join(dir, 'entrada', folder, 'datos.json.listo'), '');
  }
  const args = [...common, 'pasar', '--ahora', '2023-03-27T09:00', '--json'];
  const [a, b] = await Promise.all([start(args, dir).done, start(args, dir).done]);
  expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
  const decisions = [...a.stdout.trim().split('\n'), ...b.stdout.trim().split('\n')]
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { jornada: string; decision: string });
  const drafted = decisions
    .filter((d) => d.decision === 'borrador')
    .map((d) => d.jornada)
    .sort();
  expect(drafted).toEqual(['quinta-extraordinaria', 'septima-extraordinaria', 'sexta-extraordinaria']);
  expect(count(registryPath, 'SELECT COUNT(*) AS n FROM solicitudes')).toBe(3);
  expect(count(registryPath, `SELECT COUNT(DISTINCT origen) AS n FROM solicitudes`)).toBe(3);
});

test('a crontab-like loop runs `programa pasar` three times: one draft, then nothing; approving it publishes No. 001', async () => {
  const today = DateTime.now().setZone('America/Mexico_City');
  const calendarText = `horario: "* * * * *"
patron: "*.json"
formatos: [html]
salida: salida
jornadas:
  - id: jornada-de-hoy
    tipo: extraordinaria-continuidad
    ordinal: 5
    fechas: { inicio: 2023-03-10, fin: 2023-03-12 }
    carpeta: entrada
    buscar: { desde: "${today.minus({ days: 1 }).toISODate()}", hasta: "${today.plus({ days: 7 }).toISODate()}" }
`;
  const { dir, common } = workspace(calendarText);
  writeAt(join(dir, 'entrada', 'datos.json'), jornadaDataset('2023-03-10', '2023-03-12', 5), new Date());
  writeFileSync(join(dir, 'entrada', 'datos.json.listo'), '');
  const quoted = [process.execPath, CLI, ...common, 'pasar'].map((part) => `'${part}'`).join(' ');
  const loop = spawn('bash', ['-c', `for i in 1 2 3; do echo "== $i"; ${quoted} 2>&1; echo "== salida $?"; done`], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  loop.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  await new Promise((done) => loop.on('close', done));
  const runs = out.split(/^== \d\n/m).slice(1);
  expect(runs).toHaveLength(3);
  expect(runs[0]).toMatch(
    /jornada-de-hoy: borrador listo: borrador listo para aprobación: .+ \(solicitud 1, datos\.json\)\n== salida 0\n$/,
  );
  expect(runs[1]).toBe('Nada que hacer en esta pasada.\n== salida 0\n');
  expect(runs[2]).toBe('Nada que hacer en esta pasada.\n== salida 0\n');

  const approve = await start(
    ['aprobacion', '--datos', join(dir, 'datos'), '--persona', 'Beatriz Titular', 'aprobar', '1'],
    dir,
  ).done;
  expect(approve.code, approve.stderr).toBe(0);
  expect(approve.stdout).toContain('Publicada como No. 001/2023 (versión 1)');
  const listed = await start([...common, 'listar'], dir).done;
  expect(listed.stdout).toContain('jornada-de-hoy  2023-03-10..2023-03-12  publicado (solicitud 1 No. 001/2023)');
});

test('npm run programador runs the scheduler until SIGTERM: it drafts the due jornada, then stops and exits 0', async () => {
  const today = DateTime.now().setZone('America/Mexico_City');
  const { dir } = workspace(`patron: "*.json"
formatos: [html]
jornadas:
  - id: hoy
    tipo: extraordinaria-continuidad
    fechas: { inicio: 2023-03-10, fin: 2023-03-12 }
    carpeta: entrada
    buscar: { desde: "${today.minus({ days: 1 }).toISODate()}", hasta: "${today.plus({ days: 3 }).toISODate()}" }
`);
  writeAt(join(dir, 'entrada', 'datos.json'), jornadaDataset('2023-03-10', '2023-03-12', 5), new Date());
  writeFileSync(join(dir, 'entrada', 'datos.json.listo'), '');
  const npm = spawn(
    'npm',
    [
      'run',
      '--silent',
      'programador',
      '--',
      '--calendario',
      join(dir, 'calendario.yaml'),
      '--datos',
      join(dir, 'datos'),
      '--json',
    ],
    {
      cwd: PROJECT_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BOLETIN_DATOS: '' },
    },
  );
  children.push(npm);
  let stdout = '';
  let stderr = '';
  npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  npm.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<number | null>((done) => npm.on('close', (code) => done(code)));
  await until('el programador escribe su decisión', () => stdout.includes('"decision":"borrador"'));
  // SIGTERM to the scheduler's own process (as systemd stops a service); npm passes its exit code on.
  process.kill(schedulerPid(npm.pid ?? 0), 'SIGTERM');
  expect(await closed).toBe(0);
  expect(JSON.parse(stdout.trim().split('\n')[0] ?? '{}')).toMatchObject({
    jornada: 'hoy',
    decision: 'borrador',
    estado: 'borrador-listo',
    solicitud: 1,
  });
  expect(stderr).toContain('Programador en marcha (zona America/Mexico_City');
  expect(stderr).toContain('Programador detenido.');
});
