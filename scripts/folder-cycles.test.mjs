import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeCycle, folderCycles } from './folder-cycles.mjs';

/** A module graph from "a -> b" lines (every path named becomes a module). */
function graph(...lines) {
  const modules = new Map();
  const add = (path) => modules.get(path) ?? modules.set(path, { source: path, dependencies: [] }).get(path);
  for (const line of lines) {
    const [from, to] = line.split(' -> ');
    add(to);
    add(from).dependencies.push({ resolved: to });
  }
  return [...modules.values()];
}

const entries = (result) => result.cycles.map((c) => `${c.folder}: ${c.entries.join(' ')}`);

test('two sibling folders importing each other are a cycle, named at their parent', () => {
  const result = folderCycles(graph('s/src/a/x.ts -> s/src/b/y.ts', 's/src/b/z.ts -> s/src/a/w.ts'));
  assert.deepEqual(entries(result), ['s/src: a b']);
  assert.deepEqual(result.cycles[0].edges, [
    { from: 'a', to: 'b', imports: ['s/src/a/x.ts -> s/src/b/y.ts'] },
    { from: 'b', to: 'a', imports: ['s/src/b/z.ts -> s/src/a/w.ts'] },
  ]);
});

test('a chain without a way back is no cycle', () => {
  assert.deepEqual(entries(folderCycles(graph('s/a/x.ts -> s/b/y.ts', 's/b/y.ts -> s/c/z.ts'))), []);
});

test('a cycle through three folders is found once, with its three edges', () => {
  const result = folderCycles(graph('s/a/1.ts -> s/b/1.ts', 's/b/2.ts -> s/c/1.ts', 's/c/2.ts -> s/a/2.ts'));
  assert.deepEqual(entries(result), ['s: a b c']);
  assert.equal(result.cycles[0].edges.length, 3);
});

test('files and subfolders of one folder are its entries, at every depth', () => {
  // the index of a folder importing its subfolder, which imports a sibling file of the index: fine
  assert.deepEqual(
    entries(
      folderCycles(graph('s/print/index.ts -> s/print/render/pdf.ts', 's/print/render/pdf.ts -> s/print/fonts.ts')),
    ),
    [],
  );
  // ... unless that file imports the subfolder back
  assert.deepEqual(
    entries(
      folderCycles(
        graph(
          's/print/fonts.ts -> s/print/render/pdf.ts',
          's/print/render/pdf.ts -> s/print/fonts.ts',
          's/x.ts -> s/y.ts',
        ),
      ),
    ),
    ['s/print: fonts.ts render'],
  );
  // a cycle deep down is reported in its own folder
  assert.deepEqual(entries(folderCycles(graph('r/s/t/u/a.ts -> r/s/t/u/b.ts', 'r/s/t/u/b.ts -> r/s/t/u/a.ts'))), [
    'r/s/t/u: a.ts b.ts',
  ]);
});

test('an import into a parent or child folder counts where the two paths part', () => {
  // cases/perform.ts -> context.ts and context.ts -> cases/view.ts tie cases and context.ts
  assert.deepEqual(
    entries(
      folderCycles(graph('s/src/cases/perform.ts -> s/src/context.ts', 's/src/context.ts -> s/src/cases/view.ts')),
    ),
    ['s/src: cases context.ts'],
  );
});

test('each workspace is one entry of the root', () => {
  const modules = graph(
    'packages/cli/src/main.ts -> server/src/index.ts',
    'server/src/index.ts -> packages/core/src/index.ts',
  );
  // without workspaces, packages/ would be one entry and packages <-> server a cycle
  assert.deepEqual(entries(folderCycles(modules)), [': packages server']);
  assert.deepEqual(entries(folderCycles(modules, { workspaces: ['packages/cli', 'packages/core', 'server'] })), []);
  const back = graph('packages/core/src/a.ts -> server/src/b.ts', 'server/src/b.ts -> packages/core/src/a.ts');
  assert.deepEqual(entries(folderCycles(back, { workspaces: ['packages/core', 'server'] })), [
    ': packages/core server',
  ]);
});

test('tests and test helpers are not part of the structure', () => {
  const modules = graph(
    's/src/a/a.test.ts -> s/test/support/server.ts',
    's/test/support/server.ts -> s/src/a/a.ts',
    's/src/print/testing/fixtures.ts -> s/src/slips/data.ts',
    's/src/slips/render.ts -> s/src/print/pdf.ts',
  );
  assert.deepEqual(entries(folderCycles(modules)), []);
});

test('packages, Node built-ins and unresolved imports are not followed', () => {
  const modules = [
    {
      source: 's/a/x.ts',
      dependencies: [
        { resolved: 'node_modules/lit/index.js' },
        { resolved: 'fs', coreModule: true },
        { resolved: 's/b/gone.ts', couldNotResolve: true },
      ],
    },
    { source: 'node_modules/lit/index.js', dependencies: [{ resolved: 's/a/x.ts' }] },
  ];
  assert.deepEqual(entries(folderCycles(modules)), []);
});

test('an exception leaves out the imports it matches; one that matches nothing is reported', () => {
  const modules = graph('s/http/routes.ts -> s/cases/routes.ts', 's/cases/routes.ts -> s/http/route.ts');
  assert.deepEqual(entries(folderCycles(modules)), ['s: cases http']);
  const root = { from: '^s/http/routes\\.ts$', because: 'composition root' };
  const stale = { from: '^s/nowhere/', to: '^s/', because: 'gone' };
  const result = folderCycles(modules, { exceptions: [root, stale] });
  assert.deepEqual(entries(result), []);
  assert.deepEqual(result.unusedExceptions, [stale]);
  // `to` narrows an exception to the imports of some targets
  const narrow = { from: '^s/http/', to: '^s/elsewhere/', because: 'not this one' };
  assert.deepEqual(entries(folderCycles(modules, { exceptions: [narrow] })), ['s: cases http']);
});

test('a cycle reads as its folder, its entries and its imports', () => {
  const [cycle] = folderCycles(
    graph('s/a/1.ts -> s/b/1.ts', 's/a/2.ts -> s/b/1.ts', 's/a/3.ts -> s/b/2.ts', 's/b/1.ts -> s/a/1.ts'),
  ).cycles;
  assert.deepEqual(describeCycle(cycle, 2), [
    'folder cycle among the entries of s/: a, b',
    '  a -> b: s/a/1.ts -> s/b/1.ts; s/a/2.ts -> s/b/1.ts (and 1 more)',
    '  b -> a: s/b/1.ts -> s/a/1.ts',
  ]);
});
