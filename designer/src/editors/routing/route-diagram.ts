import { svg, html } from 'lit';
import { routeGraph, pick, type Lang, type Procedure } from '@motcua/core';
import { tr, type Key } from '../i18n.ts';

const W = 170;
const H = 56;
const GAP_X = 60;
const GAP_Y = 24;

/**
 * The route as a diagram, drawn from the same graph as the step list (core's `routeGraph`):
 * one column per distance from the start, unreachable steps in a last column with a dashed
 * border, conditional branches dashed. A text list beside it says the same for screen readers.
 */
export function routeDiagram(procedure: Procedure, lang: Lang, agencyName: (step: number) => string) {
  const graph = routeGraph(procedure);
  const steps = procedure.workflow?.steps ?? [];
  const maxLevel = Math.max(0, ...graph.nodes.map((n) => n.level ?? 0));
  const columns = new Map<number, number[]>();
  for (const n of graph.nodes) {
    const col = n.level ?? maxLevel + 1;
    columns.set(col, [...(columns.get(col) ?? []), n.index]);
  }
  const pos = new Map<number, { x: number; y: number }>();
  for (const [col, list] of columns)
    list.forEach((i, row) => pos.set(i, { x: 10 + col * (W + GAP_X), y: 10 + row * (H + GAP_Y) }));
  const width = 20 + (Math.max(...columns.keys(), 0) + 1) * (W + GAP_X);
  const height = 20 + Math.max(1, ...[...columns.values()].map((l) => l.length)) * (H + GAP_Y);
  const title = tr(lang, 'diagramTitle');
  return html`<figure>
    <svg class="mc-diagram" role="img" aria-labelledby="mc-route-svg-title" viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
      <title id="mc-route-svg-title">${title}</title>
      <defs>
        <marker id="mc-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#333"></path>
        </marker>
      </defs>
      ${graph.edges.map((e) => {
        const a = pos.get(e.from)!;
        const b = pos.get(e.to)!;
        const back = b.x <= a.x;
        const x1 = a.x + W;
        const y1 = a.y + H / 2;
        const x2 = back ? b.x + W / 2 : b.x;
        const y2 = back ? b.y + H : b.y + H / 2;
        return svg`<path d="M ${x1} ${y1} C ${x1 + GAP_X / 2} ${y1}, ${x2 - (back ? 0 : GAP_X / 2)} ${y2 + (back ? 30 : 0)}, ${x2} ${y2}"
          fill="none" stroke="#333" stroke-width="1.5" stroke-dasharray=${e.conditional ? '5 4' : 'none'} marker-end="url(#mc-arrow)"></path>`;
      })}
      ${graph.nodes.map((n) => {
        const p = pos.get(n.index)!;
        const s = steps[n.index]!;
        const name = s.title ? pick(s.title, lang) : n.id;
        const outcome = s.outcomes?.length ? ' ✓' : '';
        return svg`<g data-step=${n.id}>
          <rect x=${p.x} y=${p.y} width=${W} height=${H} rx="6" fill=${n.level === null ? '#fff4e5' : n.index === graph.start ? '#e6f0ff' : '#ffffff'}
            stroke=${n.level === null ? '#8b5a00' : '#333'} stroke-width="1.5" stroke-dasharray=${n.level === null ? '6 3' : 'none'}></rect>
          <text x=${p.x + 8} y=${p.y + 20} font-size="13" font-weight="600">${clip(name, 22)}${outcome}</text>
          <text x=${p.x + 8} y=${p.y + 40} font-size="11">${clip(`${s.role ? tr(lang, `role-${s.role}` as Key) : '?'} · ${agencyName(n.index)}`, 28)}</text>
        </g>`;
      })}
    </svg>
    <figcaption>${tr(lang, 'diagramCaption')}</figcaption>
  </figure>`;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
