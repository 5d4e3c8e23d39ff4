#!/usr/bin/env node
// The motcua command. Sources are TypeScript, run through tsx's loader (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
// A server keeps running; every other command ends with its exit code.
if (code !== undefined) process.exitCode = code;
