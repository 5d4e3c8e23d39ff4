import { expect } from '@open-wc/testing';
import { innerForm, renderMotcuaForm } from './support/form-helpers.ts';

/** What the page requested for the birth registration under a scenario, by path after the procedure's. */
function requested(scenario: string): Map<string, PerformanceResourceTiming> {
  const base = `/mock/${scenario}/api/v1/public/procedures/1.001193`;
  const out = new Map<string, PerformanceResourceTiming>();
  for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const path = new URL(e.name).pathname;
    if (path.startsWith(base)) out.set(path.slice(base.length), e);
  }
  return out;
}

async function loaded(scenario: string) {
  const el = await renderMotcuaForm(scenario);
  expect(el.shadowRoot!.querySelector('.alert'), 'no error shown').to.equal(null);
  expect(innerForm(el), 'the form').to.exist;
  return requested(scenario);
}

describe('<motcua-form> fetches its validators alongside the procedure', () => {
  before(() => performance.setResourceTimingBufferSize(10_000));
  beforeEach(() => performance.clearResourceTimings());

  it('requests the in-force module before the procedure answers, and nothing more when it is that version', async () => {
    const r = await loaded('slowview');
    const view = r.get('')!;
    expect(view, 'the procedure').to.exist;
    expect(r.get('/validators.js'), 'the in-force module').to.exist;
    expect(r.get('/validators.js')!.startTime).to.be.below(view.responseStart);
    expect(r.has('/versions/1/validators.js'), 'the versioned module: the in-force one is its code').to.equal(false);
  });

  it('a publish in between: the in-force module is another version, so the procedure\u2019s own serves', async () => {
    const r = await loaded('republished');
    expect(r.has('/validators.js'), 'the in-force module (version 2)').to.equal(true);
    expect(r.has('/versions/1/validators.js'), 'the version the procedure names').to.equal(true);
  });

  it('a server without the in-force address: the procedure\u2019s own module serves', async () => {
    const r = await loaded('nocurrent');
    expect(r.get('/validators.js')?.responseStatus).to.equal(404);
    expect(r.has('/versions/1/validators.js')).to.equal(true);
  });
});
