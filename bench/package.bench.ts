/**
 * `npm run bench`: the speed of a jornada's whole package, against the floor Chromium and docx set, the
 * naive way, and LibreOffice, measured in the same run on the same content; plus memory, the leak check,
 * cold starts and the phrasing's throughput. Writes bench/resultados.json and bench/resultados.md.
 * `npm run bench -- --rapido`: one run of a smaller package (under a minute), same JSON shape.
 *
 * A script, not a test: timings are never asserted. On a shared machine absolute times are noisy, so the
 * targets are read as ratios of runs made side by side, interleaved, and medians are reported.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { loadTemplateSet } from '../src/compose/load-templates.ts';
import { composeBulletin } from '../src/compose/compose-bulletin.ts';
import { composeStateBulletin, statesWithData } from '../src/compose/compose-state-bulletin.ts';
import { loadCatalog } from '../src/dataset/catalog.ts';
import { loadJornada } from '../src/dataset/load-jornada.ts';
import { resolveIssueDate } from '../src/generate/issue-date.ts';
import { FIGURE_STYLES, phrasingFor, readFigure } from '../src/lang/index.ts';
import type { BulletinDocument } from '../src/model/bulletin-document.ts';
import { openRegistry } from '../src/publish/registry.ts';
import { publishBulletin, type RenderedFile } from '../src/publish/publish-bulletin.ts';
import { docxTree, renderDocx } from '../src/render/docx/render-docx.ts';
import { renderHtml } from '../src/render/html/render-html.ts';
import { defaultMaxPages, launchBrowser } from '../src/render/pdf/browser-session.ts';
import { chromiumArgs, needsNoSandbox, systemSandboxFacts } from '../src/render/pdf/chromium-args.ts';
import { findBrowser } from '../src/render/pdf/find-browser.ts';
import { renderPdf } from '../src/render/pdf/render-pdf.ts';
import { footerTemplate, headerTemplate } from '../src/render/pdf/running-templates.ts';
import { bulletinSlug } from '../src/generate/bulletin-slug.ts';
import { NODE_FLAGS } from '../src/node-flags.ts';
import { writeBenchDatasets } from './support/bench-datasets.ts';
import { writePackageDataset } from './support/package-dataset.ts';
import {
  barePack,
  barePrint,
  commandVersion,
  libreOfficeConvert,
  naivePrint,
  oneDocumentPrint,
  type PrintJob,
} from './support/baselines.ts';

const execFileAsync = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'src', 'cli.ts');
/** The `boletin` command as installed by `npm link` in this checkout: the sources, with the stripped-TypeScript cache. */
const BIN = join(ROOT, 'bin', 'boletin.js');

const rapido = process.argv.includes('--rapido');
/** `--corridas N`: how many interleaved runs the medians take (3 by default; fewer on a crowded machine). */
const runsAsked = Number(process.argv[process.argv.indexOf('--corridas') + 1]);
const SETTINGS = rapido
  ? { states: 5, runs: 1, naiveRuns: 1, leakMarks: [10, 40], coldRuns: 2, figures: 300_000 }
  : {
      states: 35,
      runs: process.argv.includes('--corridas') && runsAsked >= 1 ? runsAsked : 3,
      naiveRuns: 1,
      leakMarks: [50, 500],
      coldRuns: 5,
      figures: 2_000_000,
    };

/** The package's documents: the national bulletin and one local bulletin per state. */
const DOCUMENTS = SETTINGS.states + 1;

const median = (values: readonly number[]): number => {
  const sorted = [...values].filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
const log = (text: string): void => void process.stderr.write(`${text}\n`);

/** Runs a command to its end; seconds of wall time and the peak RSS (bytes) the process reported. */
async function timedProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ seconds: number; rss: number; cpu: number; code: number | null; stderr: string }> {
  const rssFile = join(await mkdtemp(join(tmpdir(), 'boletin-bench-rss-')), 'rss');
  const start = performance.now();
  const child = spawn(command, [...args], {
    cwd: ROOT,
    env: { ...process.env, BOLETIN_BENCH_RSS: rssFile, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - start) / 1000;
  const usage = JSON.parse(await readFile(rssFile, 'utf8').catch(() => '{}')) as { rss?: number; cpu?: number };
  await rm(dirname(rssFile), { recursive: true, force: true });
  return { seconds, rss: usage.rss ?? Number.NaN, cpu: usage.cpu ?? Number.NaN, code, stderr };
}

interface Prepared {
  readonly files: string[];
  readonly docs: BulletinDocument[];
  readonly stages: Record<string, number[]>;
}

/**
 * One serial pass over the package, stage by stage, with the library's own functions: the per-document
 * time of each stage (the profile of where a document's time goes), the registry's time for the whole
 * package, and the documents the baselines print.
 */
async function stagePass(file: string, folder: string): Promise<Prepared> {
  const stages: Record<string, number[]> = {
    cargar_validar: [],
    componer: [],
    html: [],
    pdf: [],
    docx: [],
    registro_paquete: [],
  };
  const time = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    stages[stage]?.push(performance.now() - start);
    return result;
  };
  const catalog = loadCatalog();
  const templates = loadTemplateSet('es');
  const phrasing = phrasingFor('es');
  const registry = openRegistry(join(folder, 'registro', 'boletines.sqlite'));
  const browser = await launchBrowser({ maxPages: 1 });
  const docs: BulletinDocument[] = [];
  try {
    const { jornada, hash } = await time('cargar_validar', () => loadJornada(file, { catalog }));
    const issueDate = resolveIssueDate(jornada);
    const options = { templates, catalog, phrasing, number: 1, issueDate, draft: false };
    const composers = [
      () => composeBulletin(jornada, { ...options, edition: 'nacional' }),
      ...statesWithData(jornada).map(
        ({ index }) =>
          () =>
            composeStateBulletin(jornada, index, options),
      ),
    ];
    const rendered: RenderedFile[] = [];
    for (const compose of composers) {
      const doc = await time('componer', compose);
      const prefix = doc.edition === 'nacional' ? '' : `${doc.edition}.`;
      const html = await time('html', () => new TextEncoder().encode(renderHtml(doc)));
      const pdf = await time('pdf', () => renderPdf(doc, { browser }));
      const docx = await time('docx', () => renderDocx(doc));
      rendered.push(
        { format: `${prefix}html`, extension: `${prefix}html`, bytes: html },
        { format: `${prefix}pdf`, extension: `${prefix}pdf`, bytes: pdf },
        { format: `${prefix}docx`, extension: `${prefix}docx`, bytes: docx },
      );
      docs.push(doc);
    }
    await time('registro_paquete', () =>
      publishBulletin({
        registry,
        outputDir: join(folder, 'salida'),
        year: Number(issueDate.slice(0, 4)),
        slug: bulletinSlug(jornada),
        title: docs[0]?.headline ?? '',
        issueDate,
        datasetHash: hash,
        edition: 'nacional',
        style: phrasing.style,
        templateVersion: templates.version,
        render: async () => rendered,
      }),
    );
  } finally {
    await browser.close();
    registry.close();
  }
  return { files: [file], docs, stages };
}

async function writeDocxFiles(docs: readonly BulletinDocument[], folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  return Promise.all(
    docs.map(async (doc, index) => {
      const file = join(folder, `boletin-${String(index + 1).padStart(3, '0')}.docx`);
      await writeFile(file, await renderDocx(doc));
      return file;
    }),
  );
}

/**
 * Our batch as a user runs it: `boletin generar <jornada> --ediciones es,estados` (the national and the
 * state bulletins, each in HTML, PDF and DOCX), a fresh registry each time.
 */
async function ourBatch(files: readonly string[], folder: string) {
  const result = await timedProcess(process.execPath, [
    ...NODE_FLAGS,
    '--import',
    join(ROOT, 'bench', 'support', 'report-rss.js'),
    '--import',
    join(ROOT, 'bin', 'strip-cache.js'),
    CLI,
    'generar',
    ...files,
    '--ediciones',
    'es,estados',
    '--salida',
    join(folder, 'salida'),
    '--datos',
    join(folder, 'registro'),
  ]);
  if (result.code !== 0) throw new Error(`boletin generar terminó con ${String(result.code)}:\n${result.stderr}`);
  return result;
}

const REPORT = ['--import', join(ROOT, 'bench', 'support', 'report-rss.js')];

/**
 * New processes, as a user types the commands. Bare `node -e 0` runs beside them: on a loaded machine
 * it shows what any process start costs there. CPU seconds are measured too, being less load-bound.
 */
async function coldStarts(
  folder: string,
): Promise<{ cifra: number[]; cifraCpu: number[]; node: number[]; single: number[] }> {
  const cifra: number[] = [];
  const cifraCpu: number[] = [];
  const node: number[] = [];
  const single: number[] = [];
  // One run first, as after installing: it fills Node's compile cache and the stripped-TypeScript cache.
  await timedProcess(process.execPath, [BIN, 'cifra', '3729']);
  for (let run = 0; run < SETTINGS.coldRuns; run += 1) {
    node.push((await timedProcess(process.execPath, [...REPORT, '-e', '0'])).seconds);
    const answer = await timedProcess(process.execPath, [...REPORT, BIN, 'cifra', '3729']);
    cifra.push(answer.seconds);
    cifraCpu.push(answer.cpu);
    const where = join(folder, `una-${String(run)}`);
    const result = await timedProcess('npm', [
      'run',
      '--silent',
      'boletin',
      '--',
      '--salida',
      join(where, 'salida'),
      '--datos',
      join(where, 'registro'),
    ]);
    if (result.code !== 0) throw new Error(`npm run boletin terminó con ${String(result.code)}:\n${result.stderr}`);
    single.push(result.seconds);
  }
  return { cifra, cifraCpu, node, single };
}

/**
 * Figures written (and read back) per second, imss style, by the phrasing module alone. Counted per
 * second of this process's CPU time as well as of wall time: on a shared machine the loop gets a slice
 * of a core, and CPU time is what the module itself costs.
 */
function phrasingThroughput(count: number): { write: number; read: number; writeWall: number } {
  const phrasing = phrasingFor('es', FIGURE_STYLES[0]);
  const texts = new Array<string>(count);
  const cpuSeconds = (since: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1e6;
  };
  let cpu = process.cpuUsage();
  const start = performance.now();
  for (let value = 0; value < count; value += 1) texts[value] = phrasing.figure(value * 7);
  const writeWall = count / ((performance.now() - start) / 1000);
  const write = count / cpuSeconds(cpu);
  cpu = process.cpuUsage();
  for (let value = 0; value < count; value += 1) {
    if (readFigure(texts[value] ?? '') !== value * 7)
      throw new Error(`la cifra ${String(value * 7)} no se lee de vuelta`);
  }
  const read = count / cpuSeconds(cpu);
  return { write, read, writeWall };
}

async function leakCheck(
  folder: string,
): Promise<{ rss: Record<string, number>; heap: Record<string, number>; failed: string[] }> {
  const last = SETTINGS.leakMarks.at(-1) ?? 0;
  const files = await writeBenchDatasets(join(folder, 'datos'), last);
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      ...NODE_FLAGS,
      '--expose-gc',
      join(ROOT, 'bench', 'support', 'leak-check.ts'),
      folder,
      SETTINGS.leakMarks.join(','),
      ...files,
    ],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 60 * 60 * 1000 },
  );
  return JSON.parse(stdout) as { rss: Record<string, number>; heap: Record<string, number>; failed: string[] };
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'boletin-bench-'));
  const loadBefore = loadavg();
  const startedAt = new Date();
  try {
    log(
      `Paquete: 1 boletín nacional + ${String(SETTINGS.states)} estatales × HTML, PDF y DOCX; ${String(SETTINGS.runs)} corrida(s)${rapido ? ' (--rapido)' : ''}.`,
    );
    const files = [await writePackageDataset(join(work, 'datos'), SETTINGS.states)];
    const executablePath = findBrowser(undefined);
    const bare = { executablePath, args: chromiumArgs(needsNoSandbox(systemSandboxFacts())) };
    const concurrency = defaultMaxPages();

    const stageRuns: Record<string, number[]> = {};
    const ours: number[] = [];
    const oursRss: number[] = [];
    const oursCpu: number[] = [];
    const floorPrint: number[] = [];
    const floorPack: number[] = [];
    const libreOffice: number[] = [];
    const naive: number[] = [];
    const oneDocument: number[] = [];
    let prepared: Prepared | undefined;
    for (let run = 0; run < SETTINGS.runs; run += 1) {
      log(`Corrida ${String(run + 1)}: etapas…`);
      prepared = await stagePass(files[0] ?? '', join(work, `etapas-${String(run)}`));
      for (const [stage, values] of Object.entries(prepared.stages)) (stageRuns[stage] ??= []).push(...values);
      const jobs: PrintJob[] = prepared.docs.map((doc) => ({
        html: renderHtml(doc, { omitDraftMark: true }),
        header: headerTemplate(doc),
        footer: footerTemplate(doc),
      }));
      const trees = prepared.docs.map((doc) => docxTree(doc));
      // Interleaved, so that the machine's load falls alike on each.
      log('  nuestro lote (boletin generar)…');
      const batch = await ourBatch(files, join(work, `lote-${String(run)}`));
      ours.push(batch.seconds);
      oursRss.push(batch.rss);
      oursCpu.push(batch.cpu);
      log('  suelo: puppeteer-core pelado + Packer.toBuffer…');
      floorPrint.push(await barePrint(jobs, concurrency, bare));
      floorPack.push(await barePack(trees));
      log('  experimento: todo en un documento…');
      oneDocument.push(await oneDocumentPrint(jobs, bare));
      log('  LibreOffice…');
      libreOffice.push(
        await libreOfficeConvert(await writeDocxFiles(prepared.docs, join(work, `docx-${String(run)}`))),
      );
      if (run < SETTINGS.naiveRuns) {
        log('  un navegador por PDF…');
        naive.push(await naivePrint(jobs, bare));
      }
    }
    log('Arranques en frío…');
    const cold = await coldStarts(join(work, 'frio'));
    log('Cifras por segundo…');
    const figures = phrasingThroughput(SETTINGS.figures);
    log(`Fuga de memoria: ${SETTINGS.leakMarks.join(' y ')} boletines en un proceso…`);
    const leak = await leakCheck(join(work, 'fuga'));
    const [firstMark, lastMark] = [SETTINGS.leakMarks[0] ?? 0, SETTINGS.leakMarks.at(-1) ?? 0];

    const oursWall = median(ours);
    const floorWall = median(floorPrint) + median(floorPack);
    const results = {
      fecha: startedAt.toISOString(),
      modo: rapido ? 'rapido' : 'completo',
      maquina: {
        descripcion: `${cpus()[0]?.model ?? 'CPU'}, ${String(availableParallelism())} núcleos, ${String(Math.round(totalmem() / 2 ** 30))} GB, ${platform()} ${release()}`,
        nucleos: availableParallelism(),
        carga_media_1min_antes: round(loadBefore[0] ?? 0, 2),
        carga_media_1min_despues: round(loadavg()[0] ?? 0, 2),
        compartida:
          'sí: otras tareas corren a la vez; los tiempos absolutos varían, las razones medidas lado a lado valen más',
        node: process.version,
        chromium: await commandVersion(executablePath, ['--version']),
        libreoffice: await commandVersion('soffice', ['--version']),
      },
      paquete: {
        descripcion: `1 boletín nacional + ${String(SETTINGS.states)} estatales de una jornada`,
        boletines: DOCUMENTS,
        archivos: DOCUMENTS * 3,
        corridas: SETTINGS.runs,
        paginas_a_la_vez: concurrency,
      },
      etapas_ms_mediana_por_documento: Object.fromEntries(
        Object.entries(stageRuns).map(([stage, values]) => [stage, round(median(values), 1)]),
      ),
      lote_s: round(oursWall),
      boletines_por_s: round(DOCUMENTS / oursWall, 2),
      archivos_por_s: round((DOCUMENTS * 3) / oursWall, 2),
      suelo_s: round(floorWall),
      suelo_impresion_s: round(median(floorPrint)),
      suelo_docx_s: round(median(floorPack)),
      libreoffice_s: round(median(libreOffice)),
      ingenuo_s: round(median(naive)),
      un_documento_s: round(median(oneDocument)),
      ratio_vs_floor: round(oursWall / floorWall, 2),
      speedup_vs_libreoffice: round(median(libreOffice) / oursWall, 2),
      speedup_vs_naive: round(median(naive) / oursWall, 2),
      cold_cifra_s: round(median(cold.cifra)),
      cold_single_s: round(median(cold.single)),
      cold_cifra_cpu_s: round(median(cold.cifraCpu)),
      cold_node_bare_s: round(median(cold.node)),
      lote_cpu_node_s: round(median(oursCpu)),
      peak_rss_mb: round(Math.max(...oursRss) / 2 ** 20, 1),
      fuga: {
        marcas: SETTINGS.leakMarks,
        rss_mb: Object.fromEntries(Object.entries(leak.rss).map(([mark, bytes]) => [mark, round(bytes / 2 ** 20, 1)])),
        heap_usado_mb: Object.fromEntries(
          Object.entries(leak.heap).map(([mark, bytes]) => [mark, round(bytes / 2 ** 20, 1)]),
        ),
        fallidos: leak.failed.length,
      },
      rss_growth_500_vs_50: round(
        (leak.rss[String(lastMark)] ?? Number.NaN) / (leak.rss[String(firstMark)] ?? Number.NaN),
        2,
      ),
      heap_growth_500_vs_50: round(
        (leak.heap[String(lastMark)] ?? Number.NaN) / (leak.heap[String(firstMark)] ?? Number.NaN),
        2,
      ),
      figures_per_s: Math.round(figures.write),
      figures_read_per_s: Math.round(figures.read),
      figures_per_s_reloj: Math.round(figures.writeWall),
    };
    const targets = [
      ['Lote frente al suelo (a)', `${String(results.ratio_vs_floor)}x`, '≤ 1.25x', results.ratio_vs_floor <= 1.25],
      [
        'Más rápido que un navegador por PDF (b)',
        `${String(results.speedup_vs_naive)}x`,
        '≥ 10x',
        results.speedup_vs_naive >= 10,
      ],
      [
        'Más rápido que LibreOffice (c)',
        `${String(results.speedup_vs_libreoffice)}x`,
        '≥ 1.2x',
        results.speedup_vs_libreoffice >= 1.2,
      ],
      [
        '`boletin cifra 3729` en frío',
        `${String(results.cold_cifra_s)} s (CPU ${String(results.cold_cifra_cpu_s)} s; \`node -e 0\`: ${String(results.cold_node_bare_s)} s)`,
        '< 0.4 s',
        results.cold_cifra_s < 0.4,
      ],
      [
        '`npm run boletin` en frío (HTML, PDF, DOCX)',
        `${String(results.cold_single_s)} s`,
        '< 2 s',
        results.cold_single_s < 2,
      ],
      [
        'Cifras escritas por segundo de CPU',
        `${results.figures_per_s.toLocaleString('en-US')} (de reloj: ${results.figures_per_s_reloj.toLocaleString('en-US')})`,
        '≥ 1,000,000',
        results.figures_per_s >= 1_000_000,
      ],
      ['Memoria máxima del proceso (lote)', `${String(results.peak_rss_mb)} MB`, '< 400 MB', results.peak_rss_mb < 400],
      [
        `Memoria tras ${String(lastMark)} / tras ${String(firstMark)}`,
        `${String(results.rss_growth_500_vs_50)}x`,
        '≤ 1.2x',
        results.rss_growth_500_vs_50 <= 1.2,
      ],
      [
        `Objetos vivos (heap usado) tras ${String(lastMark)} / tras ${String(firstMark)}`,
        `${String(results.heap_growth_500_vs_50)}x`,
        '≤ 1.2x (sin fuga)',
        results.heap_growth_500_vs_50 <= 1.2,
      ],
    ] as const;
    const table = [
      `Medido el ${results.fecha.slice(0, 16).replace('T', ' ')} UTC en ${results.maquina.descripcion} (carga media ${String(results.maquina.carga_media_1min_antes)} → ${String(results.maquina.carga_media_1min_despues)}; máquina compartida), Node ${process.version}, ${results.maquina.chromium}, ${results.maquina.libreoffice}. Modo ${results.modo}: el paquete de una jornada, 1 boletín nacional + ${String(SETTINGS.states)} estatales, cada uno en HTML, PDF y DOCX; mediana de ${String(SETTINGS.runs)} corrida(s).`,
      '',
      '| Meta | Medido | Objetivo | ¿Cumple? |',
      '|---|---|---|---|',
      ...targets.map(([name, measured, goal, met]) => `| ${name} | ${measured} | ${goal} | ${met ? 'sí' : 'no'} |`),
      '',
      `| Trabajo | Segundos |`,
      '|---|---|',
      `| Nuestro lote (\`boletin generar --ediciones es,estados\`, ${String(DOCUMENTS)} boletines, 3 formatos) | ${String(results.lote_s)} |`,
      `| Suelo: puppeteer-core pelado, ${String(concurrency)} páginas reutilizadas | ${String(results.suelo_impresion_s)} |`,
      `| Suelo: \`Packer.toBuffer\` pelado | ${String(results.suelo_docx_s)} |`,
      `| LibreOffice, los DOCX a PDF en una invocación | ${String(results.libreoffice_s)} |`,
      `| Un navegador nuevo por PDF, uno tras otro | ${String(results.ingenuo_s)} |`,
      `| Experimento: los ${String(DOCUMENTS)} en un solo documento, una llamada a \`page.pdf\` (sin partir) | ${String(results.un_documento_s)} |`,
      '',
      '| Etapa (un documento, en serie; el registro, el paquete entero) | ms (mediana) |',
      '|---|---|',
      ...Object.entries(results.etapas_ms_mediana_por_documento).map(([stage, ms]) => `| ${stage} | ${String(ms)} |`),
      '',
    ].join('\n');
    const suffix = rapido ? '-rapido' : '';
    await writeFile(join(ROOT, 'bench', `resultados${suffix}.json`), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(join(ROOT, 'bench', `resultados${suffix}.md`), `${table}\n`);
    process.stdout.write(`${table}\n`);
    log(`Escrito bench/resultados${suffix}.json y bench/resultados${suffix}.md`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
