// Packs Boletín as npm would publish it, installs the tarball in a fresh folder and runs the installed
// command: `npx boletin cifra 3729` must print «3 mil 729» on Node 24, and Node 20 must get the Spanish
// message instead of a raw error. Slow (a build and an install: minutes), so a script and not a test:
//   npm run check:package
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const project = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'boletin-paquete-'));
const node24 = dirname(process.execPath);
const env = { ...process.env, PATH: `${node24}:${process.env['PATH'] ?? ''}` };
const started = Date.now();
const step = (what: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${what}`);
let failed = false;
try {
  step('npm pack (compila dist/ en prepack)');
  execFileSync('npm', ['pack', '--pack-destination', work], {
    cwd: project,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack no dejó ningún .tgz');
  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), '{ "name": "prueba-boletin", "private": true }\n');
  step(`npm install ${tarball} (caché local primero)`);
  execFileSync('npm', ['install', join(work, tarball), '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: app,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  step('npx boletin cifra 3729 con Node 24');
  const ok = spawnSync('npx', ['--no-install', 'boletin', 'cifra', '3729'], { cwd: app, env, encoding: 'utf8' });
  console.log(`  salida ${ok.status}: ${JSON.stringify(ok.stdout)} ${ok.stderr}`);
  if (ok.status !== 0 || ok.stdout.trim() !== '3 mil 729') failed = true;
  step('el mismo comando con /usr/bin/node (20)');
  const old = spawnSync('/usr/bin/node', [join(app, 'node_modules', 'boletin', 'bin', 'boletin.js'), 'cifra', '3729'], {
    cwd: app,
    encoding: 'utf8',
  });
  console.log(`  salida ${old.status}: ${old.stderr.trim()}`);
  if (old.status !== 1 || !old.stderr.startsWith('Boletín necesita Node.js 24 o más nuevo')) failed = true;
} finally {
  rmSync(work, { recursive: true, force: true });
}
step(failed ? 'FALLÓ' : 'todo en orden');
process.exitCode = failed ? 1 : 0;
