#!/usr/bin/env node
// The bin shim: everything happens in `main`, which returns the exit code.
import { main } from './cli/main.ts';
import { processIo } from './cli/io.ts';

process.exitCode = await main(process.argv.slice(2), processIo());
