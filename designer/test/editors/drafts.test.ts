import { expect } from '@open-wc/testing';
import type { Procedure } from '@motcua/core';
import { procedure } from './support/fixtures.ts';
import { host, type Editor } from './support/host.ts';
import { fakeClient, settle } from './support/fake-client.ts';

const TAGS = [
  'mc-conditions-editor',
  'mc-documents-editor',
  'mc-fees-editor',
  'mc-deadline-editor',
  'mc-routing-editor',
  'mc-scenarios-editor',
  'mc-publish-panel',
  'mc-history-panel',
];

/** Drafts are saved while incomplete: an editor shows what there is and never throws. */
function broken(): Procedure[] {
  const partial = procedure() as Partial<Procedure>;
  delete partial.workflow;
  delete partial.fees;
  delete partial.deadline;
  const odd = procedure() as unknown as Record<string, any>;
  odd.documents[0].mediaTypes = undefined;
  odd.scenarios = [{ id: 's', title: { vi: 's' }, expect: {} }];
  odd.conditions = [{ id: 'c', title: { vi: 'c' }, when: { properties: { a: { format: 'email' } } } }];
  return [{ code: '1.999001' } as Procedure, partial as Procedure, odd as Procedure];
}

describe('every editor with an incomplete draft', () => {
  for (const tag of TAGS) {
    it(`${tag} renders drafts without throwing`, async () => {
      for (const draft of broken()) {
        const { client } = fakeClient([]);
        const { el } = await host<Editor>(tag, draft, { client, problems: [] });
        await settle(el);
        expect(el.querySelector('section')).to.not.equal(null);
      }
    });
  }
});
