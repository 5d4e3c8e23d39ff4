#!/usr/bin/env node
// The motcua command. It runs the compiled JavaScript of dist/ (`npm run build`; `npm install` in the
// repository builds it too): no TypeScript loader in production. Tests and development run the
// sources instead: `node --conditions=motcua-source --import tsx packages/cli/bin/motcua.js …`.
let main;
try {
  ({ main } = await import('@motcua/cli'));
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !/[\\/]dist[\\/]/.test(String(err.message))) throw err;
  process.stderr.write(
    `motcua chưa được biên dịch, hãy chạy "npm run build" / motcua is not built yet: run "npm run build"\n(${err.message})\n`,
  );
  process.exit(1);
}
const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
// A server keeps running; every other command ends with its exit code.
if (code !== undefined) process.exitCode = code;
