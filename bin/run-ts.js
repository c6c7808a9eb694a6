#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, tools) through tsx: node bin/run-ts.js FILE [ARGS…]
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [, , file, ...rest] = process.argv;
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(resolve(file)).href);
