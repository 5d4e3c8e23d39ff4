/** The Chromium every test and benchmark launches: CHROME_PATH, else Debian's /usr/bin/chromium. */
export declare const CHROMIUM_PATH: string;
/** The launch flags every test and benchmark uses (root, headless, no background activity). */
export declare const CHROMIUM_ARGS: string[];
