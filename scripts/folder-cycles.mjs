// Cycles between folders, from dependency-cruiser's module graph (`depcruise --output-type json`).
//
// A folder's entries (its files and its subfolders, each subfolder standing for everything below
// it) must import each other without a cycle, at every level of the tree. At the top, each
// workspace is one entry: packages/cli -> server -> packages/core is no cycle although two of them
// sit in packages/. An import from a file to a file in a parent or child folder counts at the
// level where the two paths part: server/src/cases/perform.ts -> server/src/context.ts is the
// edge cases -> context.ts among the entries of server/src.
//
// Tests and the helpers only tests use are leaves of the structure, not part of it: a test beside
// the code it tests, importing shared test support, would otherwise tie its folder to every folder
// the support imports.

const TEST_ONLY = /(^|\/)(test|testing)\/|\.test\.[cm]?[jt]s$/;

/**
 * @typedef {{ resolved: string, coreModule?: boolean, couldNotResolve?: boolean }} Dependency
 * @typedef {{ source: string, dependencies: Dependency[] }} Module
 * @typedef {{ from: string, to?: string, because: string }} Exception
 *   `from` and `to` are regular expressions over module paths; an import matching both is left out.
 * @typedef {{ from: string, to: string, imports: string[] }} FolderEdge
 * @typedef {{ folder: string, entries: string[], edges: FolderEdge[] }} FolderCycle
 */

/** The path split into entries, a workspace (the longest matching folder) being one entry. */
function entriesOf(path, workspaces) {
  const ws = workspaces.filter((w) => path.startsWith(`${w}/`)).sort((a, b) => b.length - a.length)[0];
  return ws ? [ws, ...path.slice(ws.length + 1).split('/')] : path.split('/');
}

/** Strongly connected components of more than one node (Tarjan). */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const indexOf = new Map();
  const low = new Map();
  const found = [];
  const visit = (v) => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indexOf.get(w)));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((targets) => [...targets.keys()])]);
  for (const node of [...nodes].sort()) if (!indexOf.has(node)) visit(node);
  return found;
}

/**
 * The folder cycles of a module graph, and the exceptions that left out no import at all (stale).
 * @param {Module[]} modules
 * @param {{ workspaces?: string[], exceptions?: Exception[] }} [options]
 * @returns {{ cycles: FolderCycle[], unusedExceptions: Exception[] }}
 */
export function folderCycles(modules, { workspaces = [], exceptions = [] } = {}) {
  const known = new Set(modules.map((m) => m.source));
  const rules = exceptions.map((e) => ({ e, from: new RegExp(e.from), to: new RegExp(e.to ?? '') }));
  const used = new Set();
  /** folder -> entry -> entry -> imports */
  const graphs = new Map();
  for (const m of modules) {
    if (TEST_ONLY.test(m.source) || m.source.includes('node_modules/')) continue;
    for (const d of m.dependencies) {
      const to = d.resolved;
      if (d.coreModule || d.couldNotResolve || !known.has(to) || TEST_ONLY.test(to) || to.includes('node_modules/'))
        continue;
      const rule = rules.find((r) => r.from.test(m.source) && r.to.test(to));
      if (rule) {
        used.add(rule.e);
        continue;
      }
      const a = entriesOf(m.source, workspaces);
      const b = entriesOf(to, workspaces);
      let i = 0;
      while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
      if (a[i] === b[i]) continue;
      const folder = a.slice(0, i).join('/');
      if (!graphs.has(folder)) graphs.set(folder, new Map());
      const graph = graphs.get(folder);
      if (!graph.has(a[i])) graph.set(a[i], new Map());
      const targets = graph.get(a[i]);
      if (!targets.has(b[i])) targets.set(b[i], []);
      targets.get(b[i]).push(`${m.source} -> ${to}`);
    }
  }
  const found = [];
  for (const [folder, graph] of [...graphs].sort(([a], [b]) => a.localeCompare(b))) {
    for (const entries of cycles(graph)) {
      const inCycle = new Set(entries);
      const edges = entries.flatMap((from) =>
        [...(graph.get(from) ?? [])].filter(([to]) => inCycle.has(to)).map(([to, imports]) => ({ from, to, imports })),
      );
      found.push({ folder, entries, edges });
    }
  }
  return { cycles: found, unusedExceptions: exceptions.filter((e) => !used.has(e)) };
}

/** Human-readable lines for a cycle: its entries, then each edge with up to `max` imports. */
export function describeCycle({ folder, entries, edges }, max = 3) {
  const lines = [`folder cycle among the entries of ${folder || '(root)'}/: ${entries.join(', ')}`];
  for (const { from, to, imports } of edges) {
    const more = imports.length > max ? ` (and ${imports.length - max} more)` : '';
    lines.push(`  ${from} -> ${to}: ${imports.slice(0, max).join('; ')}${more}`);
  }
  return lines;
}
