/**
 * `@motcua/core/json-source`: JSON read from its text, keeping where each value is, so that an
 * issue at a JSON pointer can be shown at its line and column (the CLI) or marked in an editor (the
 * designer's Monaco markers), and a syntax error at its own place. Parsing for positions uses
 * jsonc-parser (strict: no comments, no trailing commas); the value itself comes from JSON.parse.
 * Lines and columns count from 1, columns in UTF-16 code units (as editors do). A separate entry:
 * nothing the citizen's browser loads needs the parser.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Message } from '../i18n/text.ts';
import { parsePointer } from '../model/json-pointer.ts';

export interface Position {
  line: number;
  column: number;
}

/** A stretch of the text: `start` inclusive, `end` exclusive, and the same as offsets. */
export interface Span {
  start: Position;
  end: Position;
  offset: number;
  length: number;
}

export type ParsedJson =
  | {
      ok: true;
      value: unknown;
      /** Where the value at `pointer` is shown: its key for a property, else the value itself. */
      locate(pointer: string): Position;
      /** What an editor marks for `pointer`: the property (key and value), or the element. */
      span(pointer: string): Span;
    }
  | { ok: false; position: Position; span: Span; message: Message };

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

/** Parses `text` (a leading byte-order mark is skipped: offsets count from after it). */
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

  const span = (offset: number, length: number): Span => ({
    start: position(offset),
    end: position(offset + length),
    offset,
    length,
  });

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
    const offset = first ? first.offset : source.length;
    return {
      ok: false,
      position: position(offset),
      span: span(offset, first?.length ?? 0),
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
    const offset = at ? Number(at[1]) : 0;
    return {
      ok: false,
      position: position(offset),
      span: span(offset, 0),
      message: { vi: `Lỗi cú pháp JSON: ${text}`, en: `JSON syntax error: ${text}` },
    };
  }
  /** The node `pointer` names, or its nearest existing parent (a missing member, e.g. a required property). */
  const nodeAt = (pointer: string): { node: Node; exact: boolean } => {
    let segments: string[];
    try {
      segments = parsePointer(pointer);
    } catch {
      return { node: root, exact: false };
    }
    for (let n = segments.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, pathFor(root, segments.slice(0, n)));
      if (node) return { node, exact: n === segments.length };
    }
    return { node: root, exact: false };
  };
  return {
    ok: true,
    value,
    locate(pointer: string): Position {
      const { node, exact } = nodeAt(pointer);
      return position(exact ? keyOffset(node) : node.offset);
    },
    span(pointer: string): Span {
      const { node, exact } = nodeAt(pointer);
      // A missing member is marked on its parent's opening bracket, not over the whole parent.
      if (!exact) return span(node.offset, 1);
      const whole = node.parent?.type === 'property' ? node.parent : node;
      return span(whole.offset, whole.length);
    },
  };
}

/** Array indices must be numbers for jsonc-parser. */
function pathFor(root: Node, segments: readonly string[]): (string | number)[] {
  const out: (string | number)[] = [];
  let node: Node | undefined = root;
  for (const s of segments) {
    const seg: string | number = node?.type === 'array' && /^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s;
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
