// Browser tests of the runtime in Debian's Chromium (CHROME_PATH overrides /usr/bin/chromium).
// Run with `npm test -w @motcua/runtime` (node --import tsx, see package.json).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import {
  jsonFormsBundle,
  fixtureValidators,
  inlineCss,
  jsonModules,
  templateMinify,
} from './test/support/wtr-plugins.mjs';
import { mockServer } from './test/support/mock-server.mjs';
import { mockAdmin } from './test/support/mock-admin.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@motcua/test/chromium';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default {
  rootDir: repoRoot,
  files: ['test/*.test.ts'],
  // The workspaces' sources (see their `exports`); 'development' is the dev server's own default.
  nodeResolve: { exportConditions: ['motcua-source', 'development'] },
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    jsonFormsBundle(),
    fixtureValidators(),
    templateMinify(),
    inlineCss(),
    jsonModules(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [mockAdmin(), mockServer()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
};
