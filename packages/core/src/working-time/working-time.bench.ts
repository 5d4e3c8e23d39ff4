/**
 * Benchmark of the working-time engine (not a test: speed is measured, never asserted in tests).
 * Run: npx tsx -e "import('./packages/core/src/working-time/working-time.bench.ts').then(async (m) => console.table(m.benchWorkingTime()))"
 * A root `npm run bench` runner can import benchWorkingTime() and print or compare its results.
 */
import type { Calendar } from './calendar-schema.ts';
import { computeDue, shiftDue } from './due.ts';
import { workingMinutesBetween } from './working-time.ts';
import { zonedInstant } from './zoned-time.ts';

const VN: Calendar = {
  timeZone: 'Asia/Ho_Chi_Minh',
  workingHours: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  weekend: [0, 6],
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-08-31',
    '2026-09-01',
    '2026-09-02',
  ],
  extraWorkingDays: ['2026-01-10', '2026-08-22'],
};

export interface BenchResult {
  name: string;
  opsPerSecond: number;
  microsecondsPerOp: number;
}

function measure(name: string, fn: (i: number) => unknown, minMs = 300): BenchResult {
  for (let i = 0; i < 50; i++) fn(i); // warm up (and fill the per-date memo, as a server would)
  let ops = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < minMs) {
    for (let k = 0; k < 20; k++) fn(ops++);
  }
  const ms = Date.now() - t0;
  return { name, opsPerSecond: Math.round((ops * 1000) / ms), microsecondsPerOp: Math.round((ms * 1000) / ops) };
}

export function benchWorkingTime(): BenchResult[] {
  const start = zonedInstant('2026-01-05', '09:17', VN.timeZone);
  const minute = 60_000;
  return [
    measure('computeDue 1 working day', (i) =>
      computeDue(VN, start + (i % 5000) * minute, { unit: 'working-days', value: 1 }),
    ),
    measure('computeDue 60 working days', (i) =>
      computeDue(VN, start + (i % 5000) * minute, { unit: 'working-days', value: 60 }),
    ),
    measure('computeDue 15 working days, 2 pauses', (i) => {
      const s = start + (i % 5000) * minute;
      return computeDue(VN, s, { unit: 'working-days', value: 15 }, [
        { from: s + 86_400_000, to: s + 4 * 86_400_000 },
        { from: s + 10 * 86_400_000, to: s + 11 * 86_400_000 },
      ]);
    }),
    measure('computeDue same day, cut-off 15:00', (i) =>
      computeDue(VN, start + (i % 5000) * minute, { unit: 'same-day', cutoff: '15:00' }),
    ),
    measure('shiftDue after a 3-day pause', (i) =>
      shiftDue(VN, start + 20 * 86_400_000, {
        from: start + (i % 5000) * minute,
        to: start + (i % 5000) * minute + 3 * 86_400_000,
      }),
    ),
    measure('workingMinutesBetween over a year', (i) =>
      workingMinutesBetween(VN, start + (i % 5000) * minute, start + 365 * 86_400_000),
    ),
  ];
}
