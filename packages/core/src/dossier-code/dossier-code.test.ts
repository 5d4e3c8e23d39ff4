import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatDossierCode, parseDossierCode } from './dossier-code.ts';
import { localDate } from '../working-time/zoned-time.ts';

const HCM = 'Asia/Ho_Chi_Minh';

test('format: {agency}-{yyMMdd}-{sequence of at least 4 digits}', () => {
  assert.equal(formatDossierCode('000.17.22.H56', Date.UTC(2021, 4, 31, 3), HCM, 1), '000.17.22.H56-210531-0001');
  assert.equal(formatDossierCode('000.00.00.H56', Date.UTC(2026, 11, 2, 9), HCM, 9999), '000.00.00.H56-261202-9999');
  assert.equal(formatDossierCode('000.00.00.H56', Date.UTC(2026, 11, 2, 9), HCM, 12345), '000.00.00.H56-261202-12345');
});

test('the date is the agency\u2019s, not the server\u2019s: 06:30 in Hà Nội is still the previous day in UTC', () => {
  const t = Date.UTC(2026, 11, 1, 23, 30);
  const saved = process.env.TZ;
  try {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      assert.equal(formatDossierCode('H56', t, HCM, 7), 'H56-261202-0007', `server in ${tz}`);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
  assert.equal(formatDossierCode('H56', t, 'UTC', 7), 'H56-261201-0007');
});

test('format refuses what could not be parsed back', () => {
  assert.throws(() => formatDossierCode('H-56', 0, HCM, 1), RangeError);
  assert.throws(() => formatDossierCode('', 0, HCM, 1), RangeError);
  assert.throws(() => formatDossierCode('H56', Date.UTC(2026, 0, 1), HCM, 0), RangeError);
  assert.throws(() => formatDossierCode('H56', Date.UTC(2026, 0, 1), HCM, 1.5), RangeError);
  assert.throws(() => formatDossierCode('H56', Date.UTC(2100, 0, 1), HCM, 1), RangeError);
});

test('parse: parts of a code; null for anything else', () => {
  assert.deepEqual(parseDossierCode('000.17.22.H56-210531-0001'), {
    agencyCode: '000.17.22.H56',
    date: '2021-05-31',
    sequence: 1,
  });
  assert.deepEqual(parseDossierCode('H56-261202-12345'), { agencyCode: 'H56', date: '2026-12-02', sequence: 12345 });
  for (const bad of [
    '',
    'H56-261202-001',
    'H56-261302-0001',
    'H56-260230-0001',
    'H56-261202-0000',
    'H56-261202-00001',
    '-261202-0001',
    'H 56-261202-0001',
    'H56-261202-0001 ',
    'H56_261202_0001',
  ]) {
    assert.equal(parseDossierCode(bad), null, bad);
  }
  assert.equal(parseDossierCode(42 as unknown as string), null);
});

test('property: format then parse gives back the agency, the local date and the sequence', () => {
  const agency = fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z._]{0,20}$/);
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31, 9, 59) }); // still 2099 at +14:00;
  const zone = fc.constantFrom(HCM, 'UTC', 'Europe/Berlin', 'Pacific/Kiritimati');
  fc.assert(
    fc.property(agency, instant, zone, fc.integer({ min: 1, max: 10_000_000 }), (a, t, tz, seq) => {
      const code = formatDossierCode(a, t, tz, seq);
      assert.deepEqual(parseDossierCode(code), { agencyCode: a, date: localDate(t, tz), sequence: seq });
      // Codes of one agency and day sort by sequence up to 9999 (fixed width).
      if (seq < 9999) assert.ok(code < formatDossierCode(a, t, tz, seq + 1));
    }),
    { numRuns: 1000 },
  );
});
