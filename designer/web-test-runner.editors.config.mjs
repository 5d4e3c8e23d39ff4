// Browser tests of the designer's section editors in Debian's Chromium (CHROME_PATH overrides
// /usr/bin/chromium): each editor rendered alone, edited by keyboard and mouse, checked by axe-core.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@motcua/test/chromium';
// The scenario form is the runtime's <motcua-form>, served from its sources as the runtime's tests serve it.
import { jsonFormsBundle } from '../runtime/test/support/wtr-plugins.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default {
  rootDir: repoRoot,
  files: ['test/editors/*.test.ts'],
  nodeResolve: { exportConditions: ['motcua-source', 'development'] },
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    jsonFormsBundle(),
    esbuildPlugin({
      ts: true,
      json: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS } })],
};
