// `node --import ./module-log.mjs …`: appends the URL of every module the process resolves to the
// file named by MOTCUA_MODULE_LOG, one per line. It observes only (it changes no resolution), so a
// test can tell which files a command loads.
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url, { data: { file: process.env.MOTCUA_MODULE_LOG } });
