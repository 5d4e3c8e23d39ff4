/**
 * JSON read from a file, keeping where each value is, so that an error at a JSON pointer can be
 * shown at its line and column, and a syntax error at its own. Parsing for positions uses
 * jsonc-parser (strict: no comments, no trailing commas); the value itself comes from JSON.parse.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Message } from '@motcua/core';
import { parsePointer } from '@motcua/core';

export interface Position {
  line: number;
  column: number;
}

export type ParsedJson =
  { ok: true; value: unknown; locate(pointer: string): Position } | { ok: false; position: Position; message: Message };

const SYNTAX: Record<string, Message> = {
  InvalidSymbol: { vi: 'ký tự không hợp lệ', en: 'invalid symbol' },
  InvalidNumberFormat: { vi: 'số viết sai', en: 'invalid number' },
  PropertyNameExpected: {
    vi: 'cần tên thuộc tính trong dấu ngoặc kép (dấu phẩy thừa?)',
    en: 'property name in double quotes expected (trailing comma?)',
  },
  ValueExpected: { vi: 'thiếu giá trị', en: 'value expected' },
  ColonExpected: { vi: 'thiếu dấu hai chấm', en: 'colon expected' },
  CommaExpected: { vi: 'thiếu dấu phẩy', en: 'comma expected' },
  CloseBraceExpected: { vi: 'thiếu dấu }', en: '"}" expected' },
  CloseBracketExpected: { vi: 'thiếu dấu ]', en: '"]" expected' },
  EndOfFileExpected: { vi: 'còn nội dung sau khi JSON đã kết thúc', en: 'content after the end of the JSON value' },
  InvalidCommentToken: { vi: 'JSON không cho phép chú thích', en: 'comments are not allowed in JSON' },
  UnexpectedEndOfComment: { vi: 'chú thích chưa đóng', en: 'unterminated comment' },
  UnexpectedEndOfString: { vi: 'chuỗi chưa đóng dấu ngoặc kép', en: 'unterminated string' },
  UnexpectedEndOfNumber: { vi: 'số chưa kết thúc', en: 'unterminated number' },
  InvalidUnicode: { vi: 'mã Unicode không hợp lệ', en: 'invalid Unicode escape' },
  InvalidEscapeCharacter: { vi: 'ký tự thoát không hợp lệ', en: 'invalid escape character' },
  InvalidCharacter: { vi: 'ký tự không được phép trong chuỗi', en: 'character not allowed in a string' },
};

export function parseJsonSource(text: string): ParsedJson {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };

  const errors: ParseError[] = [];
  const root = parseTree(source, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0 || root === undefined) {
    const first = errors[0];
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
    const what = SYNTAX[code] ?? { vi: code, en: code };
    return {
      ok: false,
      position: position(first ? first.offset : source.length),
      message: { vi: `Lỗi cú pháp JSON: ${what.vi}`, en: `JSON syntax error: ${what.en}` },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    // jsonc-parser accepted what JSON.parse refuses: report JSON.parse's own words.
    const text = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(text);
    return {
      ok: false,
      position: position(at ? Number(at[1]) : 0),
      message: { vi: `Lỗi cú pháp JSON: ${text}`, en: `JSON syntax error: ${text}` },
    };
  }
  return {
    ok: true,
    value,
    locate(pointer: string): Position {
      let segments: (string | number)[];
      try {
        segments = parsePointer(pointer);
      } catch {
        return position(root.offset);
      }
      // A pointer to a missing member (e.g. a required property) is shown at its nearest parent.
      for (let n = segments.length; n >= 0; n--) {
        const node = findNodeAtLocation(root, pathFor(root, segments.slice(0, n)));
        if (node) return position(n === segments.length ? keyOffset(node) : node.offset);
      }
      return position(root.offset);
    },
  };
}

/** Array indices must be numbers for jsonc-parser. */
function pathFor(root: Node, segments: readonly (string | number)[]): (string | number)[] {
  const out: (string | number)[] = [];
  let node: Node | undefined = root;
  for (const s of segments) {
    const seg: string | number = node?.type === 'array' && /^(0|[1-9][0-9]*)$/.test(String(s)) ? Number(s) : String(s);
    out.push(seg);
    node = node ? findNodeAtLocation(node, [seg]) : undefined;
  }
  return out;
}

/** A property's value is shown at its key ("name": …), where an editor would put the cursor. */
function keyOffset(node: Node): number {
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[0]) return parent.children[0].offset;
  return node.offset;
}
