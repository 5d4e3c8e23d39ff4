/**
 * Immutable edits of the applicant form (the definition's `form.schema` and `form.uischema`),
 * addressed by JSON pointers into the definition. A UI element's data lives in the schema object
 * of its context: the form's root schema, or the item schema of the repeatable group (an array
 * control's `options.detail`) the element sits in; scopes are relative to that schema.
 * Layouts (groups, pages) bind no data: their fields are properties of the enclosing object.
 */
import {
  getAt,
  parsePointer,
  formatPointer,
  referencesTo,
  splitDoc,
  type FieldReference,
  type JsonSchemaObject,
  type Procedure,
  type UISchemaElement,
} from '@motcua/core';
import { fieldType, newElement, type Text } from './field-types.ts';

export type Definition = Record<string, unknown>;

const ROOT = '/form/uischema';

export interface ElementContext {
  /** Pointer of the schema object holding this element's properties. */
  schemaBase: string;
  /** The data path of that object ('*' for the items of a list). */
  dataBase: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A deep copy whose subtree at `pointer` is replaced by `fn(old)`; the rest shares structure where untouched. */
export function updateAt<T = unknown>(root: Definition, pointer: string, fn: (old: T) => unknown): Definition {
  const segs = parsePointer(pointer);
  const go = (node: unknown, i: number): unknown => {
    if (i === segs.length) return fn(node as T);
    const seg = segs[i]!;
    if (Array.isArray(node)) {
      const copy = node.slice();
      copy[Number(seg)] = go(node[Number(seg)], i + 1);
      return copy;
    }
    const obj = isObj(node) ? node : {};
    const next = go(obj[seg], i + 1);
    const copy = { ...obj };
    if (next === undefined) delete copy[seg];
    else copy[seg] = next;
    return copy;
  };
  return go(root, 0) as Definition;
}

/** Scope "#/properties/a/properties/b" as the data segments ['a', 'b']. */
export function scopeSegments(scope: string): string[] {
  const segs = parsePointer(scope.replace(/^#/, ''));
  const out: string[] = [];
  for (let i = 0; i < segs.length; i += 2)
    if (segs[i] === 'properties' && segs[i + 1] !== undefined) out.push(segs[i + 1]!);
  return out;
}

/** The context of the element at `pointer`: which schema object its scopes are relative to. */
export function contextOf(def: Definition, pointer: string): ElementContext {
  let schemaBase = '/form/schema';
  let dataBase: string[] = [];
  const segs = parsePointer(pointer).slice(2);
  let at = ROOT;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg === 'options' && segs[i + 1] === 'detail') {
      const control = getAt(def, at) as UISchemaElement;
      schemaBase = `${schemaBase}${control.scope!.slice(1)}/items`;
      dataBase = [...dataBase, ...scopeSegments(control.scope!), '*'];
      at += '/options/detail';
      i++;
      continue;
    }
    at += `/${seg}`;
  }
  return { schemaBase, dataBase };
}

/** Where the schema of the control at `pointer` is. */
export function schemaPointerOf(def: Definition, pointer: string): string | null {
  const el = getAt(def, pointer) as UISchemaElement | undefined;
  if (el?.type !== 'Control' || typeof el.scope !== 'string') return null;
  return contextOf(def, pointer).schemaBase + el.scope.slice(1);
}

/** The data pointer of the control at `pointer` ("/owner/fullName", "/members/*\/name"). */
export function dataPointerOf(def: Definition, pointer: string): string | null {
  const el = getAt(def, pointer) as UISchemaElement | undefined;
  if (el?.type !== 'Control' || typeof el.scope !== 'string') return null;
  return formatPointer([...contextOf(def, pointer).dataBase, ...scopeSegments(el.scope)]);
}

/** The `required` list's pointer and the property name of the control at `pointer`. */
function requiredOf(def: Definition, pointer: string): { object: string; name: string } | null {
  const schema = schemaPointerOf(def, pointer);
  if (!schema) return null;
  const segs = parsePointer(schema);
  const name = segs.at(-1)!;
  return { object: formatPointer(segs.slice(0, -2)), name };
}

export function isRequired(def: Definition, pointer: string): boolean {
  const r = requiredOf(def, pointer);
  if (!r) return false;
  const list = (getAt(def, r.object) as JsonSchemaObject | undefined)?.required;
  return Array.isArray(list) && list.includes(r.name);
}

export function setRequired(def: Definition, pointer: string, required: boolean): Definition {
  const r = requiredOf(def, pointer);
  if (!r) return def;
  return updateAt<JsonSchemaObject>(def, r.object, (obj) => {
    const list = (obj.required ?? []).filter((n) => n !== r.name);
    if (required) list.push(r.name);
    const copy = { ...obj };
    if (list.length) copy.required = list;
    else delete copy.required;
    return copy;
  });
}

/** A property name not yet used in the object at `schemaObject`. */
function freeName(def: Definition, schemaObject: string, base: string): string {
  const props = ((getAt(def, schemaObject) as JsonSchemaObject | undefined)?.properties ?? {}) as Record<
    string,
    unknown
  >;
  let n = 1;
  while (`${base}${n}` in props) n++;
  return `${base}${n}`;
}

interface Insertion {
  container: string;
  index: number;
}

/** Where a new element goes: inside a selected layout, or after a selected field; else at the end. */
function insertionFor(def: Definition, selected: string | null, kind: 'control' | 'layout' | 'page'): Insertion {
  const root = getAt(def, ROOT) as UISchemaElement;
  if (kind === 'page')
    return { container: ROOT, index: root.type === 'Categorization' ? (root.elements ?? []).length : 1 };
  if (selected && selected !== ROOT) {
    const el = getAt(def, selected) as UISchemaElement | undefined;
    if (el && el.type !== 'Control' && el.type !== 'Label' && el.type !== 'Categorization') {
      return { container: selected, index: (el.elements ?? []).length };
    }
    if (el?.type === 'Control' && isObj(el.options) && isObj(el.options.detail)) {
      const detail = el.options.detail as UISchemaElement;
      return { container: `${selected}/options/detail`, index: (detail.elements ?? []).length };
    }
    if (el) {
      const segs = parsePointer(selected);
      return { container: formatPointer(segs.slice(0, -2)), index: Number(segs.at(-1)) + 1 };
    }
  }
  if (root.type === 'Categorization') {
    const last = (root.elements ?? []).length - 1;
    const page = `${ROOT}/elements/${Math.max(0, last)}`;
    return { container: page, index: ((getAt(def, page) as UISchemaElement | undefined)?.elements ?? []).length };
  }
  return { container: ROOT, index: (root.elements ?? []).length };
}

const bilingual = (t: Text) => `${t.vi} / ${t.en}`;

/** Adds a field of palette type `typeId`; returns the new definition and the new element's pointer. */
export function addField(
  def: Definition,
  typeId: string,
  selected: string | null,
): { definition: Definition; pointer: string } {
  const type = fieldType(typeId);
  if (!type) throw new Error(`Unknown field type ${typeId}`);
  let next = def;
  if (type.kind === 'page') {
    const root = getAt(def, ROOT) as UISchemaElement;
    if (root.type !== 'Categorization') {
      // The first page takes what the form had; the new page comes after it.
      const first = { type: 'Category', label: 'Trang 1 / Page 1', elements: root.elements ?? [] };
      next = updateAt(next, ROOT, () => ({ type: 'Categorization', elements: [first] }));
    }
  }
  const { container, index } = insertionFor(next, selected, type.kind);
  const containerEl = getAt(next, container) as UISchemaElement;
  let element: UISchemaElement;
  if (type.kind === 'control') {
    const ctx = contextOf(next, container === ROOT ? ROOT : `${container}/elements/0`);
    const name = freeName(next, ctx.schemaBase, 'field');
    const label = { vi: `${type.label.vi} ${name.slice(5)}`, en: `${type.label.en} ${name.slice(5)}` };
    next = updateAt<JsonSchemaObject>(next, `${ctx.schemaBase}/properties`, (props) => ({
      ...(props ?? {}),
      [name]: { ...type.schema!(), title: bilingual(label) },
    }));
    element = newElement(type, `#/properties/${name}`, '');
  } else {
    const count = type.kind === 'page' ? (containerEl.elements ?? []).length + 1 : '';
    element = newElement(
      type,
      undefined,
      bilingual({ vi: `${type.label.vi} ${count}`.trim(), en: `${type.label.en} ${count}`.trim() }),
    );
  }
  next = updateAt<UISchemaElement>(next, container, (c) => {
    const elements = [...(c.elements ?? [])];
    elements.splice(index, 0, element);
    return { ...c, elements };
  });
  const pointer = `${container}/elements/${index}`;
  // A layout must not be empty, nor a list without fields: each starts with one text field.
  if (type.kind !== 'control' || type.id === 'array') next = addField(next, 'text', pointer).definition;
  return { definition: next, pointer };
}

/** Moves the element one place up (-1) or down (+1) among its siblings. */
export function moveElement(
  def: Definition,
  pointer: string,
  delta: -1 | 1,
): { definition: Definition; pointer: string } {
  const segs = parsePointer(pointer);
  const index = Number(segs.at(-1));
  const parent = formatPointer(segs.slice(0, -2));
  const elements = (getAt(def, parent) as UISchemaElement).elements ?? [];
  const to = index + delta;
  if (to < 0 || to >= elements.length) return { definition: def, pointer };
  const next = updateAt<UISchemaElement>(def, parent, (c) => {
    const list = [...(c.elements ?? [])];
    const [el] = list.splice(index, 1);
    list.splice(to, 0, el!);
    return { ...c, elements: list };
  });
  return { definition: next, pointer: `${parent}/elements/${to}` };
}

/** The controls (with their pointers) in the element's subtree that bind its context's data (not inside list details). */
function boundControls(el: UISchemaElement, pointer: string): { el: UISchemaElement; pointer: string }[] {
  if (el.type === 'Control') return [{ el, pointer }];
  return (el.elements ?? []).flatMap((c, i) => boundControls(c, `${pointer}/elements/${i}`));
}

/** Copies the element after itself; each field in it gets a new property (a copy of the schema). */
export function duplicateElement(def: Definition, pointer: string): { definition: Definition; pointer: string } {
  const el = getAt(def, pointer) as UISchemaElement;
  const ctx = contextOf(def, pointer);
  let next = def;
  const copy = structuredClone(el);
  for (const c of boundControls(copy, '')) {
    const oldSchemaPtr = ctx.schemaBase + c.el.scope!.slice(1);
    const segs = scopeSegments(c.el.scope!);
    const objectPtr = formatPointer([...parsePointer(oldSchemaPtr)].slice(0, -2));
    const name = freeName(next, objectPtr, `${segs.at(-1)!.replace(/[0-9]+$/, '')}`);
    const schema = structuredClone(getAt(next, oldSchemaPtr));
    next = updateAt<Record<string, unknown>>(next, `${objectPtr}/properties`, (p) => ({ ...p, [name]: schema }));
    c.el.scope = c.el.scope!.replace(/[^/]+$/, name);
  }
  const segs = parsePointer(pointer);
  const parent = formatPointer(segs.slice(0, -2));
  const index = Number(segs.at(-1)) + 1;
  next = updateAt<UISchemaElement>(next, parent, (c) => {
    const list = [...(c.elements ?? [])];
    list.splice(index, 0, copy);
    return { ...c, elements: list };
  });
  return { definition: next, pointer: `${parent}/elements/${index}` };
}

/** What refers to the fields of the element at `pointer`, outside the element itself. */
export function referencesToElement(def: Definition, pointer: string): FieldReference[] {
  const el = getAt(def, pointer) as UISchemaElement;
  const out: FieldReference[] = [];
  const seen = new Set<string>();
  for (const c of boundControls(el, pointer)) {
    const data = dataPointerOf(def, c.pointer);
    if (!data) continue;
    for (const r of referencesTo(def as unknown as Procedure, data)) {
      if (r.pointer === pointer || r.pointer.startsWith(`${pointer}/`) || seen.has(r.pointer)) continue;
      seen.add(r.pointer);
      out.push(r);
    }
  }
  return out;
}

/** Removes the element and the data of every field in it. */
export function deleteElement(def: Definition, pointer: string): Definition {
  const el = getAt(def, pointer) as UISchemaElement;
  let next = def;
  // Schema first (pointers into the UI schema stay valid until the element goes).
  for (const c of boundControls(el, pointer)) {
    const r = requiredOf(next, c.pointer);
    const schemaPtr = schemaPointerOf(next, c.pointer);
    if (!r || !schemaPtr) continue;
    next = setRequired(next, c.pointer, false);
    next = updateAt(next, schemaPtr, () => undefined);
  }
  const segs = parsePointer(pointer);
  const parent = formatPointer(segs.slice(0, -2));
  const index = Number(segs.at(-1));
  return updateAt<UISchemaElement>(next, parent, (c) => {
    const list = [...(c.elements ?? [])];
    list.splice(index, 1);
    return { ...c, elements: list };
  });
}

/** The two languages of a "vi / en" title. */
export const splitTitle = (title: unknown): Text => splitDoc({ title: typeof title === 'string' ? title : '' }).title;
export const splitHelp = (description: unknown): Text =>
  splitDoc({ description: typeof description === 'string' ? description : '' }).description;
export const joinTitle = (t: Text): string => (t.en && t.en !== t.vi ? `${t.vi} / ${t.en}` : t.vi);
export const joinHelp = (t: Text): string => (t.en && t.en !== t.vi ? `${t.vi}\n\n${t.en}` : t.vi);

/** The label shown for an element in the outline and canvas. */
export function elementLabel(def: Definition, pointer: string): Text {
  const el = getAt(def, pointer) as UISchemaElement | undefined;
  if (!el) return { vi: '', en: '' };
  if (el.type === 'Control') {
    const schema = getAt(def, schemaPointerOf(def, pointer) ?? '') as JsonSchemaObject | undefined;
    const t = splitTitle(schema?.title);
    const name = scopeSegments(el.scope ?? '').at(-1) ?? '';
    return { vi: t.vi || name, en: t.en || name };
  }
  if (el.type === 'Label') return { vi: String(el.text ?? ''), en: String(el.text ?? '') };
  return splitTitle(el.label);
}

/** The palette type a control looks like (for its icon and properties). */
export function typeOfControl(def: Definition, pointer: string): string {
  const el = getAt(def, pointer) as UISchemaElement | undefined;
  if (!el) return 'unknown';
  if (el.type === 'Category') return 'page';
  if (el.type !== 'Control') return el.type === 'Group' ? 'group' : el.type.toLowerCase();
  const s = (getAt(def, schemaPointerOf(def, pointer) ?? '') ?? {}) as JsonSchemaObject;
  const o = el.options ?? {};
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'array') return 'array';
  if (type === 'object') return 'object';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (Array.isArray(s.oneOf) || Array.isArray(s.enum)) return o.format === 'radio' ? 'radio' : 'select';
  if (s.format === 'date' || s.format === 'time' || s.format === 'date-time' || s.format === 'email') return s.format;
  if (o.multi) return 'textarea';
  return 'text';
}
