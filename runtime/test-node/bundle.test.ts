import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleText, embedWeights, GOAL_BYTES, LIMIT_BYTES } from './embed-weight.ts';

// Runs after `vite build` (see package.json): checks the bundle that the server will serve.

test(`an embed page loads at most ${LIMIT_BYTES / 1000} KB of JavaScript (gzip) for each example procedure`, async () => {
  const weights = await embedWeights();
  assert.ok(weights.length >= 3, 'the example procedures are measured');
  for (const w of weights) {
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    console.log(`${w.procedure}: runtime ${kb(w.bundle)} + validators ${kb(w.validators)} = ${kb(w.total)} (goal ${kb(GOAL_BYTES)}, limit ${kb(LIMIT_BYTES)})`);
    assert.ok(w.total <= LIMIT_BYTES, `${w.procedure}: ${w.total} bytes > ${LIMIT_BYTES}`);
  }
});

test('the bundle is CSP-safe and self-contained: no eval, no new Function, no ajv, no static imports', () => {
  const js = bundleText();
  assert.doesNotMatch(js, /\bnew Function\b|\beval\(|[^.\w]Function\(/);
  assert.doesNotMatch(js, /must NOT have fewer than|strictTypes|\$async/, 'no ajv compiler in the bundle');
  assert.doesNotMatch(js, /(^|[;\n}])\s*import\s*[\w{*]/, 'one module: nothing imported statically');
  assert.doesNotMatch(js, /\brequire\(/);
  assert.match(js, /customElements/);
});

test('the bundle defines its elements and no other globals than Lit\'s version markers', () => {
  const js = bundleText();
  const globals = [...js.matchAll(/globalThis\.(\w+)|window\.(\w+)\s*=|self\.(\w+)\s*=/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  const unexpected = [...new Set(globals)].filter((g) => !/^(litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata|litHtmlPolyfillSupport|litElementHydrateSupport|litElementPolyfillSupport|reactiveElementPolyfillSupport|ShadyCSS|ShadyDOM|trustedTypes|customElements|document|navigator|location|CSSStyleSheet|ShadowRoot|Symbol|Element)$/.test(g!));
  assert.deepEqual(unexpected, []);
});
