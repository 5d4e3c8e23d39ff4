import type { CellValue } from '../../print/model/table.ts';
import { field, type Block, type PrintDocument } from '../../print/model/blocks.ts';
import { printedIn } from '../../print/text/printed-time.ts';
import { procedureText, slipPrintDocument, slipHeader, slipTitle } from './common.ts';
import type { ControlSlipData } from '../slip-data.ts';
import type { TemplateSet } from '../templates/index.ts';

const OUTCOMES = { early: 'Trước hạn', 'on-time': 'Đúng hạn', late: 'Quá hạn' } as const;

/** Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over, its time, the step's due time and result. */
export function controlDocument(data: ControlSlipData, set: TemplateSet): PrintDocument {
  const p = set.phrases;
  const c = p.control;
  const blocks: Block[] = [
    slipHeader(set, 'control', data),
    slipTitle(set, 'control', data.dossierCode, [[{ text: c.attachedTo, italic: true }]]),
  ];
  blocks.push(field(c.handlingAgency, data.handlingAgency));
  if (data.coordinatingAgencies?.length) blocks.push(field(c.coordinating, data.coordinatingAgencies.join('; ')));
  blocks.push(field('Người nộp hồ sơ', data.applicant.name));
  blocks.push(field(p.request, procedureText(data.procedure)));
  const t = printedIn(data.agency.timeZone);
  blocks.push(field(c.receivedAt, t.longDateTime(data.receivedAt)));
  blocks.push(field(c.appointment, t.longDateTime(data.appointmentAt)));
  const party = (x: { unit: string; person?: string }) => (x.person ? `${x.unit}\n${x.person}` : x.unit);
  blocks.push({
    kind: 'table',
    fontSize: 10,
    table: {
      columns: [
        { width: 5, align: 'center' },
        { width: 20 },
        { width: 20 },
        { width: 13, align: 'center' },
        { width: 13, align: 'center' },
        { width: 13, align: 'center' },
        { width: 16 },
      ],
      header: [
        [
          { text: 'TT' },
          { text: 'Bên giao' },
          { text: 'Bên nhận' },
          { text: 'Thời gian giao, nhận hồ sơ' },
          { text: 'Thời hạn xử lý của bước' },
          { text: 'Kết quả (trước hạn, đúng hạn, quá hạn)' },
          { text: 'Ghi chú' },
        ],
      ],
      rows: data.handovers.map((h, k) => {
        const cells: CellValue[] = [
          k + 1,
          party(h.from),
          party(h.to),
          { instant: h.at, show: 'datetime', timeZone: data.agency.timeZone },
          h.dueAt ? { instant: h.dueAt, show: 'datetime', timeZone: data.agency.timeZone } : null,
          h.outcome ? OUTCOMES[h.outcome] : null,
          h.note ?? null,
        ];
        return { cells };
      }),
      emptyText: c.noHandovers,
    },
  });
  return slipPrintDocument(set, 'control', data, blocks);
}
