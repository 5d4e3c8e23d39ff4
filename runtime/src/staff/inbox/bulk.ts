import type { ArtefactView, CaseView } from '@motcua/api';
import type { StaffData } from '../data/staff-data.ts';
import { refusalText } from '../ui/refusal.ts';

export type BulkKind = 'claim' | 'forward' | 'print';

/** The outcome of a bulk operation on one dossier; kept on screen until cleared. */
export interface BulkResult {
  code: string;
  kind: BulkKind;
  ok: boolean;
  message: string;
  slip?: ArtefactView;
}

/** Runs one operation per selected dossier, one after another, each with its own result. */
export async function runBulk(
  data: StaffData,
  kind: BulkKind,
  dossiers: CaseView[],
  done: (label: { vi: string; en: string }) => string,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const d of dossiers) {
    try {
      if (kind === 'print') {
        const slips = await data.issueSlip(d.code, 'control');
        const pdf = slips.find((s) => s.format === 'pdf') ?? slips[0];
        results.push({
          code: d.code,
          kind,
          ok: true,
          message: done({ vi: 'Đã lập phiếu', en: 'Slip issued' }),
          ...(pdf ? { slip: pdf } : {}),
        });
      } else {
        const outcome = await data.act(d.code, { kind, lockVersion: d.lockVersion });
        results.push({ code: d.code, kind, ok: true, message: done(outcome.dossier.statusLabel) });
      }
    } catch (e) {
      results.push({ code: d.code, kind, ok: false, message: refusalText(e) });
    }
  }
  return results;
}
