import type { Issue } from '@motcua/core';

/**
 * Input no field may hold, whatever its schema says: NUL characters (PostgreSQL's text and jsonb
 * refuse them), lone UTF-16 surrogates (not encodable as UTF-8), numbers JSON.parse made infinite
 * (`1e400`), `__proto__` keys, and nesting deeper than any form needs (each level costs stack in
 * the validators). Found here, they are a 400 naming the field instead of a 500 further down.
 */
export const MAX_INPUT_DEPTH = 64;
/** Enough to show the sender what is wrong without building a huge answer. */
const MAX_ISSUES = 20;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/** A JSON pointer segment, readable even when the key itself is hostile. */
export function pointerSegment(key: string): string {
  return printable(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The text with NUL and lone surrogates made visible, for messages and pointers. */
export function printable(s: string): string {
  return s.replace(/\u0000/g, '\\u0000').replace(LONE_SURROGATE, '\uFFFD');
}

/** What is wrong with one string (a value, a key, a file name), or null. */
export function stringProblem(s: string): (Issue['message'] & { code: string }) | null {
  if (s.includes('\u0000'))
    return {
      code: 'nul-character',
      vi: 'Không được chứa ký tự NUL (\\u0000)',
      en: 'Must not contain a NUL character (\\u0000)',
    };
  if (HAS_LONE_SURROGATE.test(s))
    return {
      code: 'lone-surrogate',
      vi: 'Chứa ký tự Unicode không hợp lệ (surrogate lẻ)',
      en: 'Contains an invalid Unicode character (a lone surrogate)',
    };
  return null;
}

function issue(pointer: string, p: { code: string; vi: string; en: string }): Issue {
  return { pointer, code: p.code, message: { vi: p.vi, en: p.en } };
}

/** Every hostile value in a parsed JSON value or in path/query strings, walked without recursion. */
export function hostileInputIssues(value: unknown, prefix = '', maxDepth = MAX_INPUT_DEPTH): Issue[] {
  const out: Issue[] = [];
  const stack: [unknown, string, number][] = [[value, prefix, 0]];
  while (stack.length && out.length < MAX_ISSUES) {
    const [v, pointer, depth] = stack.pop()!;
    if (typeof v === 'string') {
      const p = stringProblem(v);
      if (p) out.push(issue(pointer, p));
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v))
        out.push(
          issue(pointer, {
            code: 'number-range',
            vi: 'Số quá lớn (vượt phạm vi số thực)',
            en: 'The number is too large (out of the floating-point range)',
          }),
        );
    } else if (v !== null && typeof v === 'object') {
      if (depth >= maxDepth) {
        out.push(
          issue(pointer, {
            code: 'too-deep',
            vi: `Lồng nhau quá ${maxDepth} cấp`,
            en: `Nested more than ${maxDepth} levels deep`,
          }),
        );
        continue;
      }
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${pointer}/${i}`, depth + 1]);
        continue;
      }
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        const at = `${pointer}/${pointerSegment(k)}`;
        const p = stringProblem(k);
        if (p) out.push(issue(at, { ...p, vi: `Tên trường: ${p.vi}`, en: `Field name: ${p.en}` }));
        else if (k === '__proto__')
          out.push(
            issue(at, {
              code: 'reserved-key',
              vi: 'Tên trường "__proto__" không được dùng',
              en: 'The field name "__proto__" is not allowed',
            }),
          );
        else stack.push([(v as Record<string, unknown>)[k], at, depth + 1]);
      }
    }
  }
  return out;
}
