/** RFC 6901 JSON pointers: "" is the whole document, "/a/0/b~1c" is a → 0 → "b/c". */

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new SyntaxError(`Invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The value at `pointer`, or undefined when any step is missing. */
export function getAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const seg of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(seg)) return undefined;
      cur = cur[Number(seg)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return cur;
}

/** Converts a JSON Forms scope ("#/properties/a/properties/b") to a data pointer ("/a/b"). */
export function scopeToPointer(scope: string): string {
  if (scope === '#' || scope === '#/') return '';
  if (!scope.startsWith('#/')) throw new SyntaxError(`Invalid scope: ${scope}`);
  const segs = parsePointer(scope.slice(1));
  const out: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s === 'properties') {
      const name = segs[++i];
      if (name === undefined) throw new SyntaxError(`Invalid scope: ${scope}`);
      out.push(name);
    } else {
      throw new SyntaxError(`Unsupported scope segment "${s}" in ${scope}`);
    }
  }
  return formatPointer(out);
}

/** Converts a data pointer ("/a/b") to the scope of its schema ("#/properties/a/properties/b"). */
export function pointerToScope(pointer: string): string {
  return (
    '#' +
    parsePointer(pointer)
      .map((s) => '/properties/' + s.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('')
  );
}
