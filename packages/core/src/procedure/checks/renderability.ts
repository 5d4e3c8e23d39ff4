import type { Procedure } from '../../model/procedure.ts';
import type { Issue } from '../../model/issue.ts';
import { rendererFor, type RendererName } from '../../form/renderability.ts';
import { deriveTypes, resolveSchema } from '../../form/resolve-schema.ts';
import { generateUiSchema } from '../../form/generate-ui-schema.ts';
import { alternativesOf, mergeAllOf } from '../../form/combinators.ts';
import { isObject } from '../ui-schema.ts';
import { issue } from './issue.ts';

/**
 * Every element the applicant's form will show must have a renderer: the form is walked as the
 * runtime renders it — layouts' children, and inside an object or array control the layout it
 * lays out (its `options.detail`, or the one generated from the schema) against the nested
 * schema — and each element is put to the runtime's own testers (form/renderability.ts). An
 * element none of them takes would reach a citizen as an "unsupported" box. Elements generated
 * from the schema have no place in the UI schema: they are reported at the control that holds
 * them, naming their scope. Assumes a UI schema that passed checkUiSchema.
 */
export function checkRenderability(p: Procedure): Issue[] {
  const root = p.form.schema;
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const report = (found: Issue) => {
    const key = `${found.pointer}\u0000${found.message.en}`;
    // The same generated element is met once per layout that holds it: report it once.
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(found);
  };

  const visit = (el: unknown, schema: unknown, at: string, generated: boolean, nested: readonly unknown[]): void => {
    const name = rendererOf(el, schema, root);
    if (name === null) {
      report(unrenderable(el, schema, root, at, generated));
      return;
    }
    if (isObject(el) && Array.isArray(el.elements)) {
      el.elements.forEach((child, i) =>
        visit(child, schema, generated ? at : `${at}/elements/${i}`, generated, nested),
      );
    }
    const control = el as { scope?: unknown; options?: { detail?: unknown } };
    const own = resolveSchema(schema, control.scope, root);
    // A recursive definition (a tree of objects): each schema is checked once on the way down.
    if (nested.includes(own)) return;
    const deeper = [...nested, own];
    const laidOut = (inner: unknown) => {
      let layout: unknown;
      try {
        layout = generateUiSchema(inner, root);
      } catch {
        layout = null;
      }
      // A part with no field of its own (e.g. only `required`) lays out nothing.
      if (layout !== null) visit(layout, inner, at, true, deeper);
    };
    if (name === 'all-of') return laidOut(mergeAllOf(own, root));
    if (name === 'one-of' || name === 'any-of') {
      for (const alternative of alternativesOf(own, name === 'one-of' ? 'oneOf' : 'anyOf', root))
        // "None" (`type: null`) is chosen, not filled in: it has no field.
        if (deriveTypes(alternative).join() !== 'null') laidOut(alternative);
      return;
    }
    if (name !== 'object' && name !== 'object-array' && name !== 'primitive-array' && name !== 'list-with-detail')
      return;
    const inner = name === 'object' ? own : resolveSchema(own, 'items', root);
    const detail = control.options?.detail;
    if (name !== 'primitive-array' && isObject(detail) && typeof detail.type === 'string') {
      visit(detail, inner, generated ? at : `${at}/options/detail`, generated, deeper);
      return;
    }
    let layout: unknown;
    try {
      layout = name === 'primitive-array' ? { type: 'Control', scope: '#' } : generateUiSchema(inner, root);
    } catch {
      layout = null;
    }
    visit(layout, inner, at, true, deeper);
  };

  visit(p.form.uischema, root, '/form/uischema', false, []);
  return issues;
}

/** Past this many distinct controls, start again. */
const LIMIT = 5000;
const known = new Map<string, RendererName | null>();

/**
 * The renderer of one element, remembered for controls by their JSON and that of the schema
 * their scope denotes: a designer validates the whole form on every edit, and putting each of
 * 150 fields to every tester again took tens of milliseconds, for the one field that changed.
 * A schema with a reference depends on the root too: it is not remembered.
 */
function rendererOf(el: unknown, schema: unknown, root: unknown): RendererName | null {
  const run = () => {
    try {
      return rendererFor(el, schema, { rootSchema: root });
    } catch {
      return null;
    }
  };
  if (!isObject(el) || typeof el.scope !== 'string') return run();
  let key: string;
  try {
    key = `${JSON.stringify(el)}\u0000${JSON.stringify(resolveSchema(schema, el.scope, root)) ?? ''}`;
  } catch {
    return run();
  }
  if (key.includes('"$ref"')) return run();
  const found = known.get(key);
  if (found !== undefined) return found;
  const name = run();
  if (known.size >= LIMIT) known.clear();
  known.set(key, name);
  return name;
}

function unrenderable(el: unknown, schema: unknown, root: unknown, at: string, generated: boolean): Issue {
  const type = isObject(el) && typeof el.type === 'string' ? el.type : '?';
  const scope = isObject(el) && typeof el.scope === 'string' ? el.scope : null;
  const what = scope === null ? `"${type}"` : `${type} "${scope}"`;
  const kind = scope === null ? null : schemaKind(resolveSchema(schema, scope, root));
  const of = kind ? { vi: ` (lược đồ: ${kind.vi})`, en: ` (schema: ${kind.en})` } : { vi: '', en: '' };
  const where = generated
    ? {
        vi: `Phần tử ${what}${of.vi}, do biểu mẫu tự sinh bên trong phần tử này,`,
        en: `The element ${what}${of.en}, which the form generates inside this element,`,
      }
    : { vi: `Phần tử ${what}${of.vi}`, en: `The element ${what}${of.en}` };
  return issue(
    at,
    'no-renderer',
    `${where.vi} không có bộ hiển thị nào: người nộp sẽ chỉ thấy ô "không hỗ trợ". Dùng trường chữ, số, đúng/sai, ngày/giờ, danh sách chọn (enum hoặc oneOf các const), đối tượng hoặc danh sách`,
    `${where.en} has no renderer: the applicant would see an "unsupported" box. Use a text, number, yes/no, date/time, choice (enum or oneOf of consts), object or list field`,
  );
}

/** What kind of schema a control denotes, for the message. */
function schemaKind(schema: unknown): { vi: string; en: string } | null {
  if (schema === undefined) return null;
  const types = deriveTypes(schema);
  if (types.length > 0) return { vi: `kiểu ${types.join(' | ')}`, en: `type ${types.join(' | ')}` };
  for (const k of ['oneOf', 'anyOf', 'allOf'])
    if (isObject(schema) && schema[k] !== undefined)
      return { vi: `${k} không phải danh sách chọn`, en: `${k} that is not a choice list` };
  return { vi: 'không có kiểu', en: 'no type' };
}
