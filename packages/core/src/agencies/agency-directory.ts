import type { LocalizedText } from '../i18n/text.ts';
import type { Issue } from '../model/issue.ts';
import type { AgencyKind } from '../vocabulary/agency-kinds.ts';

/**
 * One agency of the province's tree. Kinds are data (see vocabulary/agency-kinds.ts): the same
 * model holds the pre-2025 province/district/commune tree and today's province/commune one.
 */
export interface Agency {
  /** QCVN 102:2016 code, e.g. "000.00.00.H56". */
  code: string;
  name: LocalizedText;
  /** An agency kind id ("province", "commune", "district-office", …). */
  kind: string;
  /** The parent's code; null for a root (the province). */
  parent: string | null;
  /** IANA zone the agency's days are counted in (reports, dossier codes). */
  timeZone: string;
}

/** Read-only queries over one agency tree. All lists keep the order the agencies were given in. */
export interface AgencyDirectory {
  get(code: string): Agency | undefined;
  has(code: string): boolean;
  /** Every agency, in input order. */
  list(): readonly Agency[];
  parentOf(code: string): Agency | undefined;
  childrenOf(code: string): Agency[];
  /** The ancestors of `code`, nearest first (parent, grandparent, …); empty for a root or an unknown code. */
  ancestors(code: string): Agency[];
  /** The agency and everything below it, depth first; empty for an unknown code. */
  subtree(code: string): Agency[];
  /** Agencies of `kind`, optionally only inside the subtree of `within` (inclusive). */
  ofKind(kind: string, within?: string): Agency[];
  /** True when `code` is `rootCode` or one of its descendants. */
  isInSubtree(code: string, rootCode: string): boolean;
}

/** Thrown by `createAgencyDirectory` when the tree is inconsistent; `issues` point into the input array. */
export class AgencyDirectoryError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`Invalid agency tree: ${issues.map((i) => `${i.pointer}: ${i.message.en}`).join('; ')}`);
    this.name = 'AgencyDirectoryError';
  }
}

export interface AgencyDirectoryOptions {
  /** When given, every agency's kind must be one of these (e.g. AGENCY_KINDS_2025). */
  kinds?: readonly AgencyKind[];
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The problems of an agency list: duplicate or empty codes, unknown parents, cycles, unknown kinds and zones. */
export function validateAgencies(agencies: readonly Agency[], options: AgencyDirectoryOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const index = new Map<string, number>();
  const kinds = options.kinds ? new Set(options.kinds.map((k) => k.id)) : null;
  agencies.forEach((a, i) => {
    if (typeof a.code !== 'string' || a.code.trim() === '') {
      issues.push({
        pointer: `/${i}/code`,
        code: 'agency-code-empty',
        message: { vi: 'Mã cơ quan không được để trống', en: 'The agency code must not be empty' },
      });
      return;
    }
    if (index.has(a.code)) {
      issues.push({
        pointer: `/${i}/code`,
        code: 'agency-duplicate',
        message: {
          vi: `Mã cơ quan "${a.code}" bị trùng (đã có ở vị trí ${index.get(a.code)})`,
          en: `Agency code "${a.code}" is duplicated (already at index ${index.get(a.code)})`,
        },
      });
      return;
    }
    index.set(a.code, i);
  });
  agencies.forEach((a, i) => {
    if (a.parent !== null && !index.has(a.parent)) {
      issues.push({
        pointer: `/${i}/parent`,
        code: 'agency-unknown-parent',
        message: {
          vi: `Cơ quan cấp trên "${a.parent}" của "${a.code}" không tồn tại`,
          en: `The parent "${a.parent}" of "${a.code}" does not exist`,
        },
      });
    }
    if (kinds && !kinds.has(a.kind)) {
      issues.push({
        pointer: `/${i}/kind`,
        code: 'agency-unknown-kind',
        message: {
          vi: `Loại cơ quan "${a.kind}" không có trong danh mục`,
          en: `Agency kind "${a.kind}" is not in the kind list`,
        },
      });
    } else if (typeof a.kind !== 'string' || a.kind === '') {
      issues.push({
        pointer: `/${i}/kind`,
        code: 'agency-kind-empty',
        message: { vi: 'Thiếu loại cơ quan', en: 'The agency kind is missing' },
      });
    }
    if (typeof a.timeZone !== 'string' || !validTimeZone(a.timeZone)) {
      issues.push({
        pointer: `/${i}/timeZone`,
        code: 'agency-time-zone',
        message: {
          vi: `Múi giờ "${String(a.timeZone)}" không hợp lệ`,
          en: `Time zone "${String(a.timeZone)}" is invalid`,
        },
      });
    }
  });
  // Cycles: walk up from each agency; a walk longer than the list, or one that meets itself, loops.
  const reported = new Set<string>();
  agencies.forEach((a, i) => {
    if (index.get(a.code) !== i) return;
    const seen = new Set<string>([a.code]);
    let cur = a.parent;
    while (cur !== null && index.has(cur)) {
      if (seen.has(cur)) {
        if (!reported.has(a.code) && cur === a.code) {
          reported.add(a.code);
          issues.push({
            pointer: `/${i}/parent`,
            code: 'agency-cycle',
            message: {
              vi: `Cơ quan "${a.code}" nằm trong một vòng lặp cấp trên`,
              en: `Agency "${a.code}" is part of a parent cycle`,
            },
          });
        }
        break;
      }
      seen.add(cur);
      cur = agencies[index.get(cur)!]!.parent;
    }
  });
  return issues;
}

/** Builds a directory over a consistent tree; throws AgencyDirectoryError otherwise. */
export function createAgencyDirectory(
  agencies: readonly Agency[],
  options: AgencyDirectoryOptions = {},
): AgencyDirectory {
  const issues = validateAgencies(agencies, options);
  if (issues.length > 0) throw new AgencyDirectoryError(issues);
  return createAgencyDirectoryUnchecked(agencies);
}

/**
 * Builds a directory over a tree already known to be consistent, without checking it again: one
 * that `createAgencyDirectory` accepted, e.g. the agencies the server publishes (the browser then
 * does not download the checks and their messages). Given an inconsistent tree (a parent cycle,
 * an unknown parent), ancestor lookups throw rather than loop; other answers are unspecified.
 */
export function createAgencyDirectoryUnchecked(agencies: readonly Agency[]): AgencyDirectory {
  const byCode = new Map<string, Agency>();
  const children = new Map<string, Agency[]>();
  for (const a of agencies) {
    const frozen = Object.freeze({ ...a, name: Object.freeze({ ...a.name }) });
    byCode.set(a.code, frozen);
    children.set(a.code, []);
  }
  for (const a of byCode.values()) if (a.parent !== null) children.get(a.parent)?.push(a);
  const list = Object.freeze([...byCode.values()]);

  const ancestors = (code: string): Agency[] => {
    const out: Agency[] = [];
    let cur = byCode.get(code)?.parent ?? null;
    while (cur !== null) {
      const a = byCode.get(cur);
      // Unchecked trees: a broken one fails here instead of looping (a few bytes, not the checks).
      if (!a || out.length >= byCode.size) throw new Error(`agency tree broken at ${code}`);
      out.push(a);
      cur = a.parent;
    }
    return out;
  };
  const subtree = (code: string): Agency[] => {
    const root = byCode.get(code);
    if (!root) return [];
    const out: Agency[] = [];
    const stack: Agency[] = [root];
    while (stack.length > 0) {
      const a = stack.pop()!;
      out.push(a);
      const kids = children.get(a.code)!;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return out;
  };
  const isInSubtree = (code: string, rootCode: string): boolean => {
    if (!byCode.has(code) || !byCode.has(rootCode)) return false;
    if (code === rootCode) return true;
    return ancestors(code).some((a) => a.code === rootCode);
  };
  return {
    get: (code) => byCode.get(code),
    has: (code) => byCode.has(code),
    list: () => list,
    parentOf: (code) => {
      const p = byCode.get(code)?.parent;
      return p == null ? undefined : byCode.get(p);
    },
    childrenOf: (code) => [...(children.get(code) ?? [])],
    ancestors,
    subtree,
    ofKind: (kind, within) =>
      within === undefined ? list.filter((a) => a.kind === kind) : subtree(within).filter((a) => a.kind === kind),
    isInSubtree,
  };
}
