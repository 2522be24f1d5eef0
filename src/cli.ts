#!/usr/bin/env node
// The bin shim: everything happens in `main`, which returns the exit code.
import { enableCompileCache } from 'node:module';

// Before any other module loads, so that later runs reuse V8's compiled code (and the stripped
// TypeScript) from Node's cache folder instead of parsing everything again: a noticeable share of a
// short command's start-up. The imports below are dynamic for that reason.
enableCompileCache();
const { main } = await import('./cli/main.ts');
const { processIo } = await import('./cli/io.ts');

process.exitCode = await main(process.argv.slice(2), processIo());
