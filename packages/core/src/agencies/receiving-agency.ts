import type { Issue } from '../model/issue.ts';
import type { Procedure } from '../model/procedure.ts';
import { getAt } from '../model/json-pointer.ts';
import { holds, type SchemaEvaluator } from '../conditions/evaluator.ts';
import type { AgencyDirectory } from './agency-directory.ts';

export type AgencyResolution = { ok: true; agency: string } | { ok: false; issue: Issue };

/**
 * The agency that receives a dossier, as the procedure's `receiving` rule says.
 *
 * Issue pointers are into the submission `{ agency, data }` (the public API's shape): `/agency`
 * for the applicant's (or the counter's) choice, `/data<field>` for a form field that names the
 * agency, `/data` when no condition selects one. `chosen` is the agency the applicant picked;
 * for the modes that determine the agency themselves it may be omitted, and when given it must
 * agree (the server trusts nothing from the browser).
 */
export function resolveReceivingAgency(
  procedure: Pick<Procedure, 'receiving'>,
  data: unknown,
  evaluator: SchemaEvaluator,
  directory: AgencyDirectory,
  chosen?: string,
): AgencyResolution {
  const rule = procedure.receiving;
  switch (rule.mode) {
    case 'fixed':
      return agree(known(directory, rule.agency, '/agency'), chosen);
    case 'choice': {
      if (chosen === undefined || chosen === '') {
        return fail('/agency', 'agency-required', {
          vi: 'Chưa chọn cơ quan tiếp nhận',
          en: 'No receiving agency was chosen',
        });
      }
      const agency = directory.get(chosen);
      if (!agency) return unknownAgency('/agency', chosen);
      if (agency.kind !== rule.kind) {
        return fail('/agency', 'agency-wrong-kind', {
          vi: `Cơ quan "${chosen}" không thuộc loại "${rule.kind}" được phép tiếp nhận thủ tục này`,
          en: `Agency "${chosen}" is not of kind "${rule.kind}", which receives this procedure`,
        });
      }
      if (rule.within !== undefined && !directory.isInSubtree(chosen, rule.within)) {
        return fail('/agency', 'agency-outside', {
          vi: `Cơ quan "${chosen}" không thuộc phạm vi "${rule.within}"`,
          en: `Agency "${chosen}" is outside "${rule.within}"`,
        });
      }
      return { ok: true, agency: chosen };
    }
    case 'field': {
      const pointer = '/data' + rule.field;
      const value = getAt(data, rule.field);
      if (value === undefined || value === null || value === '') {
        return fail(pointer, 'required', { vi: 'Chưa chọn cơ quan tiếp nhận', en: 'No receiving agency was chosen' });
      }
      if (typeof value !== 'string') {
        return fail(pointer, 'type', { vi: 'Mã cơ quan phải là chuỗi', en: 'The agency code must be a string' });
      }
      const agency = directory.get(value);
      if (!agency) return unknownAgency(pointer, value);
      if (rule.kind !== undefined && agency.kind !== rule.kind) {
        return fail(pointer, 'agency-wrong-kind', {
          vi: `Cơ quan "${value}" không thuộc loại "${rule.kind}"`,
          en: `Agency "${value}" is not of kind "${rule.kind}"`,
        });
      }
      return agree({ ok: true, agency: value }, chosen);
    }
    case 'condition': {
      const hit = rule.cases.find((c) => holds(evaluator, c.when, data));
      const code = hit ? hit.agency : rule.otherwise;
      if (code === undefined) {
        return fail('/data', 'no-competent-agency', {
          vi: 'Dữ liệu tờ khai không khớp trường hợp nào để xác định cơ quan tiếp nhận',
          en: 'The form data matches no case that determines the receiving agency',
        });
      }
      return agree(known(directory, code, '/agency'), chosen);
    }
  }
}

function agree(res: AgencyResolution, chosen: string | undefined): AgencyResolution {
  if (!res.ok || chosen === undefined || chosen === '' || chosen === res.agency) return res;
  return fail('/agency', 'agency-mismatch', {
    vi: `Thủ tục này do cơ quan "${res.agency}" tiếp nhận, không phải "${chosen}"`,
    en: `This procedure is received by "${res.agency}", not "${chosen}"`,
  });
}

function known(directory: AgencyDirectory, code: string, pointer: string): AgencyResolution {
  return directory.has(code) ? { ok: true, agency: code } : unknownAgency(pointer, code);
}

function unknownAgency(pointer: string, code: string): AgencyResolution {
  return fail(pointer, 'agency-unknown', { vi: `Không có cơ quan mã "${code}"`, en: `No agency has code "${code}"` });
}

function fail(pointer: string, code: string, message: { vi: string; en: string }): AgencyResolution {
  return { ok: false, issue: { pointer, code, message } };
}

/**
 * The agency a submission names: the applicant's choice when the procedure lets them choose,
 * nothing otherwise (the receiving rule determines it, and a stray choice would be refused).
 */
export function chosenAgency(procedure: Pick<Procedure, 'receiving'>, chosen: string | undefined): string | undefined {
  return procedure.receiving.mode === 'choice' && chosen ? chosen : undefined;
}
