import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleFiles, bundleText, embedWeights, GOAL_BYTES, LIMIT_BYTES, type EmbedWeight } from './embed-weight.ts';

// Runs after `vite build` (see package.json): checks the bundle that the server will serve.

/** What the embed pages load, measured once in Chromium (see embed-weight.ts). */
let weights: EmbedWeight[] = [];
before(async () => {
  weights = await embedWeights();
});

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

test(`an embed page loads at most ${LIMIT_BYTES / 1000} KB of JavaScript (gzip; the issue's ceiling is 80 KB), a whole session included`, () => {
  assert.ok(weights.filter((w) => w.page !== 'track').length >= 3, 'the example procedures are measured');
  for (const w of weights) {
    console.log(
      `${w.page}: ${w.loaded.map((s) => `${s.name} ${kb(s.gzip)}`).join(' + ')} = ${kb(w.initial)} at first render` +
        (w.later.length
          ? `; + ${w.later.map((s) => `${s.name} ${kb(s.gzip)}`).join(' + ')} later = ${kb(w.session)}`
          : '') +
        ` (goal ${kb(GOAL_BYTES)}, limit ${kb(LIMIT_BYTES)})`,
    );
    assert.ok(w.session <= LIMIT_BYTES, `${w.page}: ${w.session} bytes > ${LIMIT_BYTES}`);
    assert.deepEqual(w.violations, [], `${w.page}: no securitypolicyviolation`);
  }
});

/**
 * Each page's runtime JavaScript at its first render (gzip -9 bytes, validator modules apart: they
 * follow the example procedures), as a ratchet: a page may load less, and more only with this table
 * changed in the same commit, saying why. Before the form took definitions as data the pages loaded
 * 40,257 / 42,350 / 41,859 / 45,601 bytes; the data-in form and the one submission check came back
 * under those. Since then the citizen path's fixes added to the entry (fields named by section and
 * label, dd/mm/yyyy entry, yes/no answered "no", calendars that say which years they cover) and to
 * the tracking views (results to download, fees owed, badges by meaning; then the slips issued to
 * the applicant and opening a dossier from a printed receipt's QR code, +568). Paying online is a
 * chunk of its own; what stays in the entry (fetching it after a submission whose fees are due
 * first, or when the page comes back from a provider) costs +149, and the tracking views' hand-over
 * to it +239. Then the form's choice of notifications (e-mail and/or SMS, two ticks and their words
 * in the entry, +303); the form tells its host the answers as they change (`motcua-input`, which
 * the designer's test scenarios follow, +20). Then the place of the satisfaction rating, whose form
 * is a chunk fetched only for a returned dossier, +115 on tracking, and the entry's exports that
 * chunk imports, +25 on every page.
 * Then the renderer set came to render all that JSON Forms' vanilla set does (+961 in the entry):
 * the views of alternatives, merged parts and ListWithDetail and the interpreted evaluator are
 * chunks a page loads only when it has them, but the entry keeps core's testers of them (the
 * renderability table publishing shares), their lazy stubs, opening a recursive object on request,
 * and the standalone element's schema read off data and evaluator loading; a list without items
 * costs the array views +14. Then derived values (days since the birth and the like, which decide
 * the late charge): the browser computes them as the server does, +358 in the entry, +16 in the
 * tracking views. Then the payment instructions (how much, for what, how and where to pay) on the
 * receipt and in tracking: a chunk of their own, fetched only for a dossier that owes something;
 * the entry waits for it with a receipt that has something to pay and shares `lazy` with the
 * receipt's chunk, +36; the tracking views' fees gave way to it, -188 there. Then UI rules read
 * the derived values as conditions do (the form hands core's withDerived to the renderer set,
 * which gives rules the data with them, computed once per change of the answers), +101. Then
 * documents per channel and documents to show (online the e-form is the declaration; the
 * identity paper is listed apart, without a picker): core's channel check, the reasons and the
 * upload refusals naming the part, the form's channel and its list of documents to show, +648;
 * the tracking views take a supplement's file limits from core's uploadLimits, +25 there.
 * Then the first paint of a form stopped waiting for what it does not show (a page loading a
 * 100-field form took 2.5 times the hand-written form's time): the first check of an untouched
 * form and the expected appointment (core's calendar walk, which starts the browser's time-zone
 * data) wait for the fields to be painted, and checks are made when asked for, +221.
 * Then the form imports the in-force version's validator module while it fetches the procedure
 * (one request less in the chain before the first paint) and checks its version, +19; the
 * wizard's chunk and the tracking controller each compress one byte worse with the renamed
 * chunks they import, +1 there.
 * Then the cold page load of a 100-field form: core's renderer testers share the scope they
 * resolve within one ranking instead of resolving it some twenty-five times per control, and the
 * form opens the page's storage (a synchronous wait on the browser) while the procedure is on its
 * way, +114.
 * Then a send that came right after choosing a file (on a slow phone, before the file's type was
 * read) went without it and the page showed nothing wrong: the form's and the tracking views'
 * sends wait for the files still being read, +48; the tracking controller's own wait, +68 there.
 */
const ENTRY = 41_961 + 25 + 961 + 358 + 36 + 101 + 648 + 221 + 19 + 114 + 48;
const FIRST_RENDER_MAX: Record<string, number> = {
  '1.001193': ENTRY,
  '1.001612': ENTRY + 2_206,
  '1.013225': ENTRY + 1_787,
  track: ENTRY + 7_470 + 68,
};

test('no page loads more runtime JavaScript at its first render than recorded', () => {
  for (const w of weights) {
    const runtime = w.loaded.filter((s) => !s.name.startsWith('validators')).reduce((n, s) => n + s.gzip, 0);
    const max = FIRST_RENDER_MAX[w.page];
    assert.ok(max !== undefined, `${w.page}: a page without a recorded weight`);
    console.log(`${w.page}: ${runtime} bytes of runtime JavaScript at first render (recorded: ${max})`);
  }
  for (const w of weights) {
    const runtime = w.loaded.filter((s) => !s.name.startsWith('validators')).reduce((n, s) => n + s.gzip, 0);
    assert.ok(runtime <= FIRST_RENDER_MAX[w.page]!, `${w.page}: ${runtime} bytes > ${FIRST_RENDER_MAX[w.page]}`);
  }
});

// The in-force validator module is the version's own code: a page whose procedure is in force
// loads it and not the versioned address.
test('a page loads the entry, its validator module and only the chunks it needs', () => {
  const names = (w: EmbedWeight) => w.loaded.map((s) => s.name.replace(/-[\w-]{8}\.js$/, '')).sort();
  const byPage = new Map(weights.map((w) => [w.page, names(w)]));
  assert.deepEqual(
    byPage.get('1.001193'),
    ['motcua.js', 'validators.in-force.js'],
    'birth registration: no wizard, no arrays',
  );
  assert.deepEqual(
    byPage.get('1.001612'),
    ['array-views', 'motcua.js', 'validators.in-force.js'],
    'household business: arrays',
  );
  assert.deepEqual(
    byPage.get('1.013225'),
    ['motcua.js', 'validators.in-force.js', 'wizard-view'],
    'construction permit: a wizard',
  );
  assert.deepEqual(
    byPage.get('track'),
    ['motcua.js', 'track-controller'],
    'the tracking page: its views, no validators',
  );
});

test('the bundle is CSP-safe and self-contained: no eval, no new Function, no ajv; the entry imports nothing statically', () => {
  for (const { name, text } of bundleFiles()) {
    assert.doesNotMatch(text, /\bnew Function\b|\beval\(|[^.\w]Function\(/, name);
    assert.doesNotMatch(text, /must NOT have fewer than|strictTypes|\$async/, `${name}: no ajv compiler in the bundle`);
    assert.doesNotMatch(text, /\brequire\(/, name);
    // A chunk imports only the entry (what it shares with it), never a third file.
    for (const m of text.matchAll(/(?:^|[;\n}])\s*import\s*[\w{*][^"'`]*from\s*["'`]([^"'`]+)["'`]/g))
      assert.equal(m[1], './motcua.js', `${name} imports ${m[1]}`);
  }
  const js = bundleText();
  assert.doesNotMatch(js, /(^|[;\n}])\s*import\s*[\w{*]/, 'one module: the entry imports nothing statically');
  assert.match(js, /customElements/);
});

test("the bundle defines its elements and no other globals than Lit's version markers", () => {
  for (const { name, text } of bundleFiles()) {
    const globals = [...text.matchAll(/globalThis\.(\w+)|window\.(\w+)\s*=|self\.(\w+)\s*=/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    const unexpected = [...new Set(globals)].filter(
      (g) =>
        !/^(litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata|litHtmlPolyfillSupport|litElementHydrateSupport|litElementPolyfillSupport|reactiveElementPolyfillSupport|ShadyCSS|ShadyDOM|trustedTypes|customElements|document|navigator|location|CSSStyleSheet|ShadowRoot|Symbol|Element)$/.test(
          g!,
        ),
    );
    assert.deepEqual(unexpected, [], name);
  }
});

after(() => undefined);
