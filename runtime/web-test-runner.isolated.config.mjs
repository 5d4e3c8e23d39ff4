// Browser tests that need a page where no lazily loaded chunk was fetched yet (test/isolated/):
// the other test files share one page, so they run apart, after the main run (see package.json).
import config from './web-test-runner.config.mjs';

export default { ...config, files: ['test/isolated/*.test.ts'] };
