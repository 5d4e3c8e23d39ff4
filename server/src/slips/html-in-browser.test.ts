import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@motcua/test/chromium';
import { renderSlip } from './render-slip.ts';
import { APPLICANT_NAME, DOSSIER_CODE, slipFixtures } from '../print/testing/fixtures.ts';
import { decodeQrPng, pdfText } from '../print/testing/pdf-tools.ts';

/**
 * The HTML slip in a real browser with every network request made impossible: it prints the
 * Vietnamese text and its QR code scans.
 */
const OFFLINE = [...CHROMIUM_ARGS, '--headless', '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=127.0.0.1:9'];

test(
  'the HTML receipt prints and scans in Chromium offline',
  { skip: !existsSync(CHROMIUM_PATH) && 'no Chromium on this machine' },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-html-'));
    try {
      const slip = await renderSlip('receipt', slipFixtures().receipt, 'html');
      const page = join(dir, 'receipt.html');
      writeFileSync(page, slip.bytes);
      const chrome = (args: string[]) =>
        execFileSync(CHROMIUM_PATH, [...OFFLINE, `--user-data-dir=${join(dir, 'profile')}`, ...args], {
          stdio: 'ignore',
          timeout: 60_000,
        });

      chrome(['--no-pdf-header-footer', `--print-to-pdf=${join(dir, 'printed.pdf')}`, `file://${page}`]);
      const printed = new Uint8Array(readFileSync(join(dir, 'printed.pdf')));
      const text = pdfText(printed);
      assert.ok(text.includes(APPLICANT_NAME), 'Vietnamese prints from the HTML');
      assert.ok(text.includes('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'));

      chrome([
        '--force-device-scale-factor=2',
        '--window-size=900,600',
        `--screenshot=${join(dir, 'shot.png')}`,
        `file://${page}`,
      ]);
      assert.deepEqual(decodeQrPng(join(dir, 'shot.png')), [DOSSIER_CODE]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
