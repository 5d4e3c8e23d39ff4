import type { TObject, TSchema } from '@sinclair/typebox';
import { routes } from '../contract.ts';
import { ErrorBody } from '../common.ts';
import { responsesOf } from '../responses.ts';
import type { RouteContract } from '../route.ts';
import { shape } from './shape.ts';

const json = (s: TSchema) => JSON.parse(JSON.stringify(s)) as Record<string, unknown>;

function block(text: string, indent = ''): string[] {
  return ['```ts', ...text.split('\n'), '```'].map((l) => indent + l);
}

function fields(title: string, object: TObject | undefined): string[] {
  if (!object) return [];
  const required = new Set(object.required ?? []);
  return [
    `${title}:`,
    '',
    ...Object.entries(object.properties).map(([name, s]) => {
      const j = json(s);
      const description = typeof j.description === 'string' ? ` — ${j.description}` : '';
      return `- \`${name}\`${required.has(name) ? '' : ' (optional)'}: \`${shape({ ...j, description: undefined })}\`${description}`;
    }),
    '',
  ];
}

function body(r: RouteContract): string[] {
  if (!r.body) return [];
  if ('json' in r.body) return ['Body (`application/json`):', '', ...block(shape(json(r.body.json))), ''];
  const { parts, files } = r.body.multipart;
  const out = ['Body (`multipart/form-data`):', ''];
  const required = new Set(parts.required ?? []);
  for (const [name, s] of Object.entries(parts.properties))
    out.push(
      `- part \`${name}\`${required.has(name) ? '' : ' (optional)'}, JSON:`,
      '',
      ...block(shape(json(s)), '  '),
      '',
    );
  out.push(`- file parts \`${files.name}\` (a name may repeat): ${files.description}`, '');
  return out;
}

function responses(r: RouteContract): string[] {
  const out = ['Responses:', ''];
  for (const [status, spec] of Object.entries(responsesOf(r))) {
    const n = Number(status);
    if (n >= 400 && !spec.json) {
      out.push(`- \`${status}\` ${spec.description} (the error body)`);
      continue;
    }
    const media = spec.files ? ` (${spec.files.map((f) => `\`${f}\``).join(', ')})` : '';
    out.push(`- \`${status}\` ${spec.description}${media}`);
    if (spec.json) out.push('', ...block(shape(json(spec.json)), '  '), '');
  }
  return [...out, ''];
}

function section(r: RouteContract): string[] {
  return [
    `### ${r.method.toUpperCase()} \`${r.path}\``,
    '',
    `**${r.summary}** (\`${r.operationId}\`)`,
    '',
    ...(r.description ? [r.description, ''] : []),
    ...fields('Path parameters', r.params),
    ...fields('Query', r.query),
    ...fields('Headers', r.headers),
    ...body(r),
    ...responses(r),
  ];
}

const INTRO = [
  '# Public (citizen) API — the contract between the server and the runtime',
  '',
  '<!-- Generated from @motcua/api (packages/api): `npm run docs -w @motcua/api`. Do not edit by hand. -->',
  '',
  'The routes anyone may call (no sign-in): what the embeddable runtime and a province\u2019s own site',
  'use. All under `/api/v1/public`, JSON unless stated, CORS for the configured origins. The contract',
  '(`packages/api`) is the authority: the server declares its routes from it and the OpenAPI document at',
  '`/api/v1/openapi.json` is generated from it, as is this page. Shapes are written TypeScript-like;',
  '`?` marks an optional property.',
  '',
  '## Errors (every route)',
  '',
  'Every error answers with one body, whose `status` is the HTTP status. `issues` carry RFC 6901',
  'pointers into the request: `/data/…` (form data), `/documents/<documentId>` (a document\u2019s files;',
  '`/documents/<id>/<n>` for one file), `/agency`.',
  '',
  'Input no field may hold is a 400 on every route, before any other check, with an issue at the',
  'field (`/params/…`, `/query/…`, `/body/…`, `/data/…`): a NUL character (`nul-character`), a lone',
  'UTF-16 surrogate (`lone-surrogate`), a number out of range such as `1e400` (`number-range`), a',
  '`__proto__` key (`reserved-key`), nesting deeper than 64 levels (`too-deep`). Form data properties',
  'the form schema does not declare are refused (`additionalProperties`), not stripped.',
  '',
];

const STATIC = [
  '## Static',
  '',
  '- `/embed/motcua.js` — the runtime bundle (stable URL; CORS; a content-hashed copy is linked from it',
  '  when cache-busting is needed).',
  '- `/site/` — the sample provincial website (`examples/site/`).',
  '',
];

/** docs/public-api.md: the public routes of the contract. */
export function publicApiMarkdown(): string {
  const lines = [...INTRO, ...block(shape(json(ErrorBody))), '', '## Routes', ''];
  for (const r of routes) if (r.auth === 'public' && r.path.startsWith('/api/v1/public/')) lines.push(...section(r));
  lines.push(...STATIC);
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
