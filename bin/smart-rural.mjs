#!/usr/bin/env node
// The `smart-rural` command (`npx smart-rural --help`). Node 20 cannot run TypeScript itself: tsx loads the CLI.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

process.env.SMART_RURAL_CLI = '1';
await tsImport(join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'main.ts'), import.meta.url);
