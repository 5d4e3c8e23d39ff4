// Where the bundle's bytes come from: every minified character is attributed to its source file
// through the source map (as source-map-explorer does); per group, the minified bytes and the
// gzip bytes the group costs (gzip of the whole bundle minus gzip of the bundle without it).
// `node --conditions=motcua-source --import tsx bench/bundle-map.ts [--files]` after `npm run build` (runs also in `npm run bench`).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const gz = (s: string) => gzipSync(s, { level: 9 }).length;

/** The group a source file belongs to in the report. */
export function groupOf(source: string): string {
  const s = source.replace(/\\/g, '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1];
  if (pkg === 'lit' || pkg === 'lit-html' || pkg === 'lit-element' || pkg === '@lit/reactive-element') return 'lit';
  if (pkg) return pkg;
  if (s.includes('packages/core/')) return '@motcua/core';
  const m = /(?:^|\/)src\/([^/]+)(?:\/([^/]+))?/.exec(s);
  if (m)
    return m[1] === 'elements'
      ? `runtime/elements/${m[2]?.replace(/\.ts$/, '')}`
      : `runtime/${m[1]!.replace(/\.ts$/, '')}`;
  return s;
}

export interface BundleShare {
  group: string;
  minified: number;
  /** What gzip saves when the group's bytes are removed from the chunk (its marginal cost). */
  gzip: number;
}

/** Per chunk of dist/ (the entry and any lazily loaded chunk): the groups' shares. */
export function bundleShares(
  byFile = false,
): { chunk: string; minified: number; gzip: number; shares: BundleShare[] }[] {
  const out = [];
  for (const chunk of readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const code = readFileSync(dist + chunk, 'utf8');
    const map = new TraceMap(readFileSync(`${dist}${chunk}.map`, 'utf8'));
    const lines = code.split('\n');
    const lineStart: number[] = [];
    let at = 0;
    for (const l of lines) {
      lineStart.push(at);
      at += l.length + 1;
    }
    // owner[i]: the group of the character at offset i ('' = no mapping: glue the bundler wrote).
    const owner: string[] = new Array(code.length).fill('');
    const segs: { pos: number; group: string }[] = [];
    eachMapping(map, (m) => {
      const pos = lineStart[m.generatedLine - 1]! + m.generatedColumn;
      segs.push({
        pos,
        group: m.source
          ? byFile
            ? m.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')
            : groupOf(m.source)
          : '',
      });
    });
    segs.sort((a, b) => a.pos - b.pos);
    for (let i = 0; i < segs.length; i++) {
      const end = i + 1 < segs.length ? segs[i + 1]!.pos : code.length;
      for (let p = segs[i]!.pos; p < end; p++) owner[p] = segs[i]!.group;
    }
    const total = gz(code);
    const groups = new Map<string, number>();
    for (const g of owner) groups.set(g || '(bundler)', (groups.get(g || '(bundler)') ?? 0) + 1);
    const shares: BundleShare[] = [];
    for (const [group, minified] of groups) {
      const key = group === '(bundler)' ? '' : group;
      let without = '';
      for (let p = 0; p < code.length; p++) if (owner[p] !== key) without += code[p];
      shares.push({ group, minified, gzip: total - gz(without) });
    }
    shares.sort((a, b) => b.gzip - a.gzip);
    out.push({ chunk, minified: code.length, gzip: total, shares });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n: number) => `${(n / 1000).toFixed(1).padStart(6)} KB`;
  for (const c of bundleShares(process.argv.includes('--files'))) {
    console.log(`${c.chunk}: ${kb(c.minified)} minified, ${kb(c.gzip)} gzip`);
    for (const s of c.shares) console.log(`  ${s.group.padEnd(60)} ${kb(s.minified)} ${kb(s.gzip)} gzip`);
  }
}
