// How every test and benchmark launches Chromium: Debian's build (CHROME_PATH overrides its path),
// headless, as root in a container, with nothing running in the background to disturb timings. One
// list, so that a flag a new Chromium needs is added once.
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
