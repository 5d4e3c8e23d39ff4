import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CHANNEL_NAMES, documentsOnChannel, requiredDocuments } from '../index.ts';
import { createAjvEvaluator } from '../conditions/ajv-evaluator.ts';
import { exampleProcedure, minimalProcedure } from '../testing/procedures.ts';

const ids = (docs: { id: string }[]) => docs.map((d) => d.id);
const birth = exampleProcedure('1.001193');

test('birth registration: the paper declaration at the counter and by post, the ID shown online and at the counter', () => {
  const direct = documentsOnChannel(birth, 'direct');
  assert.deepEqual(ids(direct.handIn), [
    'to-khai',
    'giay-chung-sinh',
    'van-ban-lam-chung',
    'giay-cam-doan',
    'giay-to-mien-le-phi',
    'van-ban-uy-quyen',
  ]);
  assert.deepEqual(ids(direct.show), ['giay-to-tuy-than']);
  const postal = documentsOnChannel(birth, 'postal');
  assert.deepEqual(ids(postal.handIn), ids(direct.handIn));
  assert.deepEqual(ids(postal.show), []);
  const online = documentsOnChannel(birth, 'online');
  assert.deepEqual(ids(online.handIn), ids(direct.handIn).slice(1));
  assert.deepEqual(ids(online.show), ['giay-to-tuy-than']);
});

test('property: the documents listed are exactly those core asks on the channel, each in one list', () => {
  const ev = createAjvEvaluator();
  fc.assert(
    fc.property(
      fc.constantFrom(...CHANNEL_NAMES),
      fc.array(fc.record({ channels: fc.option(fc.subarray(CHANNEL_NAMES, { minLength: 1 })), show: fc.boolean() }), {
        maxLength: 6,
      }),
      (channel, shapes) => {
        const p = minimalProcedure();
        const don = p.documents[0]!;
        p.documents = shapes.map((s, n) => {
          const base = s.show
            ? { id: `d${n}`, title: don.title, show: true, originals: 1, copies: 0 }
            : { ...don, id: `d${n}` };
          return s.channels ? { ...base, channels: s.channels } : base;
        });
        const { handIn, show } = documentsOnChannel(p, channel);
        const checks = requiredDocuments(p, {}, ev, channel).filter((c) => c.asked);
        assert.deepEqual(ids(handIn), ids(checks.filter((c) => !c.show).map((c) => c.document)));
        assert.deepEqual(ids(show), ids(checks.filter((c) => c.show).map((c) => c.document)));
      },
    ),
  );
});
