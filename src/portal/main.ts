import { join } from 'node:path';
import { countPeople } from '../people/index.ts';
import { openRegistry } from '../publish/registry.ts';
import { REGISTRY_FILE_NAME } from '../publish/data-folder.ts';
import { buildPortal } from './build-portal.ts';
import { PortalConfigError, isLoopback, readPortalConfig } from './portal-config.ts';

/**
 * `npm run portal`: the download page. Listens on HOST:PORT (127.0.0.1:8370 by default) and logs the
 * address. Without accounts it runs in single-user mode on a loopback address and refuses to start on any
 * other, saying how to create one. Exit codes: 0 stopped, 2 bad configuration, 1 could not listen.
 */
async function main(): Promise<number> {
  let config;
  try {
    config = readPortalConfig(process.env, process.cwd());
  } catch (error) {
    if (!(error instanceof PortalConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const registryPath = join(config.dataFolder, REGISTRY_FILE_NAME);
  const people = (() => {
    using registry = openRegistry(registryPath);
    return countPeople(registry);
  })();
  const singleUser = people === 0;
  // Behind a proxy every request comes from the loopback address, whoever sent it: not one user either.
  if (singleUser && (!isLoopback(config.host) || config.trustProxy !== false)) {
    process.stderr.write(
      (isLoopback(config.host)
        ? `El portal no arranca detrás de un proxy (BOLETIN_PROXY) sin cuentas: el proxy lo abre a otras personas, y cada una debe entrar con la suya.\n`
        : `El portal no arranca en ${config.host}: no hay cuentas, y en una dirección que otros alcanzan cada persona debe entrar con la suya.\n`) +
        `Cree una cuenta (la contraseña se lee de la entrada estándar):\n` +
        `  printf '%s\\n' 'una contraseña larga' | npm run --silent boletin -- usuarios agregar mgarcia --nombre "María García" --rol titular\n` +
        `o arranque sólo para esta máquina con HOST=127.0.0.1 y sin BOLETIN_PROXY.\n`,
    );
    return 2;
  }
  const { app } = await buildPortal({
    registryPath,
    outputDir: config.outputDir,
    workDir: join(config.dataFolder, 'portal'),
    singleUser,
    maxUploadBytes: config.maxUploadBytes,
    trustProxy: config.trustProxy,
    calendarPath: config.calendarPath,
    now: () => new Date(),
    logger: { level: process.env['BOLETIN_REGISTRO_NIVEL'] ?? 'info' },
  });
  if (singleUser) app.log.warn('No hay cuentas: modo de un solo usuario, sin inicio de sesión (sólo en esta máquina).');
  const stop = async (): Promise<void> => {
    app.log.info('Deteniendo el portal…');
    await app.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  try {
    await app.listen({
      host: config.host,
      port: config.port,
      listenTextResolver: (address) => `Portal de boletines escuchando en ${address}`,
    });
  } catch (error) {
    process.stderr.write(`El portal no pudo escuchar en ${config.host}:${config.port}: ${(error as Error).message}\n`);
    await app.close();
    return 1;
  }
  return 0;
}

const code = await main();
if (code !== 0) process.exitCode = code;
