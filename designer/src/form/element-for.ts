/**
 * The form's UI schema as a tree of elements with their pointers (array details included), and
 * the element a problem's pointer is about.
 */
import { getAt, type UISchemaElement } from '@motcua/core';
import type { Definition } from '../store/definition-store.ts';
import { schemaPointerOf } from './form-ops.ts';

const ROOT = '/form/uischema';

export interface Node {
  pointer: string;
  el: UISchemaElement;
  children: Node[];
}

export function tree(el: UISchemaElement, pointer: string): Node {
  const children: Node[] = (el.elements ?? []).map((c, i) => tree(c, `${pointer}/elements/${i}`));
  const detail = el.options?.detail as UISchemaElement | undefined;
  if (el.type === 'Control' && detail && typeof detail === 'object')
    children.push(...(detail.elements ?? []).map((c, i) => tree(c, `${pointer}/options/detail/elements/${i}`)));
  return { pointer, el, children };
}

/** The element a problem's pointer is about: the deepest UI element on its path, or the control of a schema property. */
export function elementFor(def: Definition, pointer: string): string | null {
  if (pointer.startsWith(`${ROOT}/`)) {
    const m = /^(.*\/elements\/\d+)/.exec(pointer);
    return m ? m[1]! : null;
  }
  if (!pointer.startsWith('/form/schema/')) return null;
  let best: string | null = null;
  let bestLength = 0;
  const visit = (n: Node) => {
    const s = schemaPointerOf(def, n.pointer);
    if (s && (pointer === s || pointer.startsWith(`${s}/`)) && s.length > bestLength) {
      best = n.pointer;
      bestLength = s.length;
    }
    n.children.forEach(visit);
  };
  const root = getAt(def, ROOT) as UISchemaElement | undefined;
  if (root) visit(tree(root, ROOT));
  return best;
}
