import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TemplateResult } from 'lit';
import { dueBadge } from './due-badge.ts';

/** The markup a template would write, values in place (enough to read what it shows). */
function markup(v: unknown): string {
  if (Array.isArray(v)) return v.map(markup).join('');
  if (v && typeof v === 'object' && 'strings' in v) {
    const r = v as TemplateResult;
    return r.strings.reduce((out, s, i) => out + s + (i < r.values.length ? markup(r.values[i]) : ''), '');
  }
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

const now = Date.parse('2026-03-02T09:00:00+07:00');

test('a due badge: the severity by a drawn icon and words, no symbol a font may lack', () => {
  for (const [due, cls] of [
    ['2026-02-27T17:00:00+07:00', 'sev-overdue'],
    ['2026-03-04T08:00:00+07:00', 'sev-soon'],
  ] as const) {
    const out = markup(dueBadge(due, now));
    assert.match(out, new RegExp(`class="${cls}"`));
    assert.match(out, /<svg class="sev-icon"[^>]*aria-hidden="true"/);
    assert.match(out, /class="visually-hidden"/);
    assert.doesNotMatch(out, /[\u2600-\u27bf]/u, 'no dingbat or miscellaneous symbol character');
  }
  const ok = markup(dueBadge('2026-03-10T17:00:00+07:00', now));
  assert.doesNotMatch(ok, /<svg/, 'no icon when there is time left');
});
