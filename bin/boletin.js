#!/usr/bin/env node
// The installed command. Plain JavaScript on purpose, with no import at the top: on a Node older than 24
// (Debian's is 20) it must run far enough to say so in Spanish, instead of Node's raw
// ERR_UNKNOWN_FILE_EXTENSION or ERR_UNKNOWN_BUILTIN_MODULE (node:sqlite).
const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  process.stderr.write(
    `Boletín necesita Node.js ${REQUIRED_MAJOR} o más nuevo, y este es ${process.version} (${process.execPath}).\n` +
      `Instale Node.js ${REQUIRED_MAJOR} (https://nodejs.org o el gestor de versiones de su sistema), o ejecute ` +
      `Boletín desde su carpeta con «npm run boletin», que usa el Node del proyecto.\n`,
  );
  process.exitCode = 1;
} else {
  // An installed package runs the JavaScript compiled at packing time (Node does not strip types under
  // node_modules); a checkout without a build runs the TypeScript sources directly.
  const { existsSync } = await import('node:fs');
  const compiled = new URL('../dist/cli.js', import.meta.url);
  if (existsSync(compiled)) {
    await import(compiled.href);
  } else {
    await import('./strip-cache.js');
    await import(new URL('../src/cli.ts', import.meta.url).href);
  }
}
