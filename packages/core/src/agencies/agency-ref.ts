import type { Message } from '../i18n/text.ts';
import type { AgencyRef, SimpleAgencyRef } from '../model/procedure.ts';
import { holds, type SchemaEvaluator } from '../conditions/evaluator.ts';
import type { Agency, AgencyDirectory } from './agency-directory.ts';
import type { AgencyResolution } from './receiving-agency.ts';

export interface AgencyRefContext {
  /** The dossier's receiving agency. */
  receiving: string;
  /** The agency that owns the procedure. */
  owner: string;
  /** The applicant's data (for `cases`). */
  data: unknown;
  evaluator: SchemaEvaluator;
  directory: AgencyDirectory;
  /** Where the ref sits in the procedure (e.g. "/workflow/steps/2/agency"), for issue pointers. */
  pointer?: string;
}

/**
 * The agency an AgencyRef designates for one dossier.
 *
 * `{kind}`: the receiving agency if it is of that kind, else its nearest ancestor of that kind,
 * else the agencies of that kind among the ancestors' children, nearest ancestor first (a province
 * department is a child of the province). Several candidates at that level is an error unless
 * `code` picks one. With `code`, the agency must have that code and be of that kind and within
 * reach (the receiving agency, an ancestor, or a child of an ancestor).
 */
export function resolveAgencyRef(ref: AgencyRef, ctx: AgencyRefContext): AgencyResolution {
  const pointer = ctx.pointer ?? '';
  if ('cases' in ref) {
    const hit = ref.cases.findIndex((c) => holds(ctx.evaluator, c.when, ctx.data));
    if (hit >= 0) return resolveSimple(ref.cases[hit]!.agency, ctx, `${pointer}/cases/${hit}/agency`);
    if (ref.otherwise !== undefined) return resolveSimple(ref.otherwise, ctx, `${pointer}/otherwise`);
    return fail(pointer, 'no-competent-agency', {
      vi: 'Dữ liệu tờ khai không khớp trường hợp nào để xác định cơ quan có thẩm quyền',
      en: 'The form data matches no case that determines the competent agency',
    });
  }
  return resolveSimple(ref, ctx, pointer);
}

function resolveSimple(ref: SimpleAgencyRef, ctx: AgencyRefContext, pointer: string): AgencyResolution {
  const { directory } = ctx;
  const receiving = directory.get(ctx.receiving);
  if (!receiving)
    return fail(pointer, 'agency-unknown', {
      vi: `Không có cơ quan tiếp nhận mã "${ctx.receiving}"`,
      en: `No receiving agency has code "${ctx.receiving}"`,
    });
  if ('relative' in ref) {
    switch (ref.relative) {
      case 'receiving':
        return { ok: true, agency: receiving.code };
      case 'owner':
        return directory.has(ctx.owner)
          ? { ok: true, agency: ctx.owner }
          : fail(pointer, 'agency-unknown', {
              vi: `Không có cơ quan chủ quản mã "${ctx.owner}"`,
              en: `No owning agency has code "${ctx.owner}"`,
            });
      case 'parent-of-receiving': {
        const parent = directory.parentOf(receiving.code);
        return parent
          ? { ok: true, agency: parent.code }
          : fail(pointer, 'agency-no-parent', {
              vi: `Cơ quan tiếp nhận "${receiving.code}" không có cơ quan cấp trên`,
              en: `The receiving agency "${receiving.code}" has no parent`,
            });
      }
    }
  }
  if ('kind' in ref) return byKind(ref.kind, ref.code, receiving, directory, pointer);
  return directory.has(ref.code)
    ? { ok: true, agency: ref.code }
    : fail(pointer, 'agency-unknown', {
        vi: `Không có cơ quan mã "${ref.code}"`,
        en: `No agency has code "${ref.code}"`,
      });
}

function byKind(
  kind: string,
  code: string | undefined,
  receiving: Agency,
  directory: AgencyDirectory,
  pointer: string,
): AgencyResolution {
  const ancestors = directory.ancestors(receiving.code);
  const matches = (a: Agency) => a.kind === kind && (code === undefined || a.code === code);
  if (matches(receiving)) return { ok: true, agency: receiving.code };
  const ancestor = ancestors.find(matches);
  if (ancestor) return { ok: true, agency: ancestor.code };
  for (const anc of ancestors) {
    const found = directory.childrenOf(anc.code).filter(matches);
    if (found.length === 1) return { ok: true, agency: found[0]!.code };
    if (found.length > 1) {
      return fail(pointer, 'agency-ambiguous', {
        vi: `Có ${found.length} cơ quan loại "${kind}" trực thuộc "${anc.code}" (${found.map((a) => a.code).join(', ')}): cần ghi rõ mã cơ quan`,
        en: `${found.length} agencies of kind "${kind}" are under "${anc.code}" (${found.map((a) => a.code).join(', ')}): give the agency code`,
      });
    }
  }
  const what = code === undefined ? `loại "${kind}"` : `loại "${kind}" mã "${code}"`;
  const whatEn = code === undefined ? `of kind "${kind}"` : `of kind "${kind}" with code "${code}"`;
  return fail(pointer, 'agency-not-found', {
    vi: `Không tìm thấy cơ quan ${what} liên quan tới cơ quan tiếp nhận "${receiving.code}"`,
    en: `No agency ${whatEn} is related to the receiving agency "${receiving.code}"`,
  });
}

function fail(pointer: string, code: string, message: Message): AgencyResolution {
  return { ok: false, issue: { pointer, code, message } };
}
