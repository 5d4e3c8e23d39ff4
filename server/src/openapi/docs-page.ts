/**
 * A human-readable page for the OpenAPI document, rendered on the server (no script, no external
 * request): operations grouped by tag with their parameters, bodies, responses and access rule.
 */
const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
  'x-policy'?: {
    access: string;
    why?: string;
    allow?: { roles: string[]; relations: string[] }[];
    self?: boolean;
  } | null;
}

function policyText(p: Operation['x-policy']): string {
  if (!p) return 'denied (no policy row)';
  if (p.access === 'public') return 'public — công khai';
  if (p.access === 'authenticated') return 'any signed-in staff — mọi cán bộ đã đăng nhập';
  const allow = (p.allow ?? []).map((a) => `${a.roles.join('/')} @ ${a.relations.join('/')}`).join('; ');
  return `${allow}${p.self ? '; or the account itself' : ''}${p.why ? ` — ${p.why}` : ''}`;
}

function schemaBlock(schema: unknown): string {
  if (!schema) return '';
  return `<details><summary>schema</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`;
}

export function renderDocsPage(doc: Record<string, unknown>): string {
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, op });
    }
  }
  const info = doc.info as { title: string; summary?: string; description?: string };
  const sections = [...byTag.entries()].map(([tag, ops]) => {
    const items = ops.map(({ method, path, op }) => {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td>${esc(p.description ?? '')} <code>${esc(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join('');
      const body = op.requestBody
        ? Object.entries(op.requestBody.content)
            .map(([type, c]) => `<p>Body <code>${esc(type)}</code></p>${schemaBlock(c.schema)}`)
            .join('')
        : '';
      const responses = Object.entries(op.responses)
        .map(
          ([status, r]) =>
            `<li><b>${esc(status)}</b> ${esc(r.description)}${Object.values(r.content ?? {})
              .map((c) => schemaBlock(c.schema))
              .join('')}</li>`,
        )
        .join('');
      return `<section class="op" id="${esc(op.operationId)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p><b>${esc(op.summary ?? '')}</b> <small>(${esc(op.operationId)})</small></p>
${op.description ? `<p>${esc(op.description)}</p>` : ''}
<p class="policy">Quyền / access: ${esc(policyText(op['x-policy']))}</p>
${params ? `<table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${params}</table>` : ''}
${body}<ul>${responses}</ul></section>`;
    });
    return `<h2 id="tag-${esc(tag)}">${esc(tag)}</h2>${items.join('\n')}`;
  });
  const toc = [...byTag.keys()].map((t) => `<a href="#tag-${esc(t)}">${esc(t)}</a>`).join(' · ');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:auto;padding:1rem;line-height:1.45}code,pre{font-family:ui-monospace,monospace}
pre{background:#f5f5f5;padding:.5rem;overflow:auto;max-height:24rem}.op{border-top:1px solid #ddd;padding:.5rem 0}
.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#2b6cb0}.post{background:#2f855a}.put,.patch{background:#b7791f}.delete{background:#c53030}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;font-size:.9rem}.policy{color:#444}</style></head>
<body><h1>${esc(info.title)}</h1><p>${esc(info.summary ?? '')}</p><p>${esc(info.description ?? '')}</p>
<p>OpenAPI 3.1: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p><nav>${toc}</nav>
${sections.join('\n')}</body></html>`;
}
