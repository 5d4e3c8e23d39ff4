import type { SlipDataMap } from '../../slips/slip-data.ts';

/** Realistic slip data for tests and previews: a commune in Bắc Ninh, autumn 2025 (the 2025 forms). */
export const APPLICANT_NAME = 'Nguyễn Thị Ngọc Ánh';
export const DOSSIER_CODE = '000.17.22.H56-251001-0001';

const agency = {
  parentName: 'UBND tỉnh Bắc Ninh',
  name: 'Ủy ban nhân dân xã Tiên Du',
  place: 'Tiên Du',
  timeZone: 'Asia/Ho_Chi_Minh',
};
const applicant = {
  name: APPLICANT_NAME,
  address: 'Số 12, đường Lý Thái Tổ, thôn Đông Sơn, xã Tiên Du, tỉnh Bắc Ninh',
  phone: '0912 345 678',
  email: 'ngocanh@example.vn',
};
const procedure = { code: '1.001612', name: 'Đăng ký thành lập hộ kinh doanh' };

export function slipFixtures(): SlipDataMap {
  return {
    receipt: {
      dossierCode: DOSSIER_CODE,
      agency,
      issuedAt: '2025-10-01T01:30:00Z',
      applicant,
      procedure,
      documents: [
        { name: 'Giấy đề nghị đăng ký hộ kinh doanh', originals: 1, copies: 0 },
        { name: 'Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh', originals: 0, copies: 1 },
        { name: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh', originals: 1, copies: 0 },
      ],
      sets: 1,
      channel: 'direct',
      receivedAt: '2025-10-01T01:30:00Z',
      appointmentAt: '2025-10-06T09:00:00Z',
      processingTime: { amount: 3, unit: 'working-days' },
      resultDelivery: 'Bộ phận Một cửa xã Tiên Du',
      fees: [{ name: 'Lệ phí đăng ký hộ kinh doanh', amount: 50000 }],
      logbookEntry: { book: '01/2025', number: '1.234' },
      receivingOfficer: { name: 'Trần Văn Bình', position: 'Công chức Bộ phận Một cửa' },
    },
    supplement: {
      dossierCode: DOSSIER_CODE,
      agency,
      issuedAt: '2025-10-02T02:00:00Z',
      applicant,
      procedure,
      receivedAt: '2025-10-01T01:30:00Z',
      items: [
        {
          document: 'Biên bản họp thành viên hộ gia đình',
          requirement: 'Bổ sung chữ ký của tất cả thành viên hộ gia đình',
          reason: 'Biên bản thiếu chữ ký của hai thành viên',
        },
        {
          requirement: 'Nộp bản sao hợp đồng thuê địa điểm kinh doanh',
          reason: 'Địa điểm kinh doanh không thuộc quyền sử dụng của chủ hộ',
        },
      ],
      dueBy: '2025-10-09T10:00:00Z',
      guidingOfficer: { name: 'Trần Văn Bình', position: 'công chức', phone: '0222 3838 383' },
    },
    refusal: {
      dossierCode: DOSSIER_CODE,
      agency,
      issuedAt: '2025-10-01T02:00:00Z',
      applicant,
      procedure,
      receivedAt: '2025-10-01T01:30:00Z',
      legalBasis: 'quy định về đăng ký hộ kinh doanh',
      reasons: [
        'Tên hộ kinh doanh trùng với tên hộ kinh doanh đã đăng ký trong phạm vi xã',
        'Ngành, nghề đăng ký thuộc danh mục cấm đầu tư kinh doanh',
      ],
      receivingOfficer: { name: 'Trần Văn Bình' },
    },
    apology: {
      dossierCode: DOSSIER_CODE,
      agency,
      issuedAt: '2025-10-06T03:00:00Z',
      documentNumber: '25/VB-UBND',
      applicant,
      procedure,
      receivedAt: '2025-10-01T01:30:00Z',
      appointmentAt: '2025-10-06T09:00:00Z',
      reason: 'Cần xác minh thông tin địa điểm kinh doanh với cơ quan thuế',
      newAppointmentAt: '2025-10-09T09:00:00Z',
      signer: { title: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', name: 'Lê Hoàng Nam' },
    },
    'stop-notice': {
      dossierCode: DOSSIER_CODE,
      agency,
      issuedAt: '2025-10-20T03:00:00Z',
      documentNumber: '31/TB-UBND',
      applicant,
      procedure,
      receivedAt: '2025-10-01T01:30:00Z',
      legalBasis: 'Nghị định số 118/2025/NĐ-CP',
      reason: 'Quá thời hạn bổ sung hồ sơ mà người nộp không bổ sung theo yêu cầu',
      signer: { title: 'CHỦ TỊCH', name: 'Phạm Quốc Hưng' },
      recipients: ['Bà Nguyễn Thị Ngọc Ánh;', 'Bộ phận Một cửa xã;', 'Lưu: VT.'],
    },
    control: {
      dossierCode: DOSSIER_CODE,
      agency,
      issuedAt: '2025-10-06T08:00:00Z',
      applicant,
      procedure,
      receivedAt: '2025-10-01T01:30:00Z',
      appointmentAt: '2025-10-06T09:00:00Z',
      handlingAgency: 'Phòng Kinh tế xã Tiên Du',
      coordinatingAgencies: ['Thuế cơ sở 5 tỉnh Bắc Ninh'],
      handovers: [
        {
          from: { unit: 'Bộ phận Một cửa', person: 'Trần Văn Bình' },
          to: { unit: 'Phòng Kinh tế', person: 'Vũ Thị Hoa' },
          at: '2025-10-01T02:00:00Z',
          dueAt: '2025-10-01T09:00:00Z',
          outcome: 'early',
        },
        {
          from: { unit: 'Phòng Kinh tế', person: 'Vũ Thị Hoa' },
          to: { unit: 'Lãnh đạo UBND xã', person: 'Lê Hoàng Nam' },
          at: '2025-10-03T08:00:00Z',
          dueAt: '2025-10-03T09:00:00Z',
          outcome: 'on-time',
          note: 'Trình ký',
        },
        {
          from: { unit: 'Lãnh đạo UBND xã', person: 'Lê Hoàng Nam' },
          to: { unit: 'Bộ phận Một cửa', person: 'Trần Văn Bình' },
          at: '2025-10-06T08:00:00Z',
          dueAt: '2025-10-06T02:00:00Z',
          outcome: 'late',
        },
      ],
    },
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Thị Ngọc Ánh', 'Văn Bình', 'Minh Châu', 'Quốc Dũng', 'Thu Hương', 'Đức Khải', 'Thị Lụa', 'Hữu Phước'];
const PROCEDURES = [
  'Đăng ký khai sinh',
  'Đăng ký thành lập hộ kinh doanh',
  'Cấp giấy phép xây dựng đối với công trình, nhà ở riêng lẻ xây dựng trong đô thị, trung tâm cụm xã, trong khu bảo tồn, khu di tích lịch sử - văn hóa',
];

/** A logbook of `n` dossiers (deterministic), one with a very long note to test wrapping. */
export function logbookFixture(n = 40) {
  const rows = Array.from({ length: n }, (_, k) => {
    const day = 1 + (k % 28);
    const received = `2025-10-${String(day).padStart(2, '0')}T0${1 + (k % 8)}:15:00Z`;
    const done = k % 3 !== 0;
    return {
      dossierCode: `000.17.22.H56-2510${String(day).padStart(2, '0')}-${String(k + 1).padStart(4, '0')}`,
      content: PROCEDURES[k % PROCEDURES.length]!,
      sets: 1 + (k % 2),
      applicantName: k === 0 ? APPLICANT_NAME : `${FAMILY[k % FAMILY.length]} ${GIVEN[(k * 3) % GIVEN.length]}`,
      address: `Thôn ${k + 1}, xã Tiên Du, tỉnh Bắc Ninh`,
      phone: `09${String(10000000 + k * 7919).slice(0, 8)}`,
      leadAgency: k % 4 === 1 ? 'Sở Xây dựng' : 'Ủy ban nhân dân xã Tiên Du',
      receivedAt: received,
      forwardedAt: received.replace(':15:00Z', ':45:00Z'),
      appointmentAt: `2025-11-${String(day).padStart(2, '0')}T09:00:00Z`,
      ...(done
        ? {
            resultReceivedAt: `2025-11-${String(day).padStart(2, '0')}T03:00:00Z`,
            returnedBy: 'Trần Văn Bình',
            returnedTo: k === 0 ? APPLICANT_NAME : 'Người được ủy quyền',
            returnedAt: `2025-11-${String(day).padStart(2, '0')}T08:00:00Z`,
          }
        : {}),
      ...(k === 5
        ? {
            note: 'Hồ sơ liên thông: chuyển Sở Xây dựng thẩm định; yêu cầu bổ sung bản vẽ mặt bằng móng ngày 05/10/2025, đã bổ sung ngày 07/10/2025; gia hạn theo văn bản xin lỗi số 25/VB-UBND; kết quả trả qua dịch vụ bưu chính công ích theo đề nghị của người nộp hồ sơ. '.repeat(
              4,
            ),
          }
        : {}),
    };
  });
  return {
    agency: {
      parentName: 'UBND tỉnh Bắc Ninh',
      name: 'Ủy ban nhân dân xã Tiên Du',
      place: 'Tiên Du',
      timeZone: 'Asia/Ho_Chi_Minh',
    },
    period: { from: '2025-10-01', to: '2025-10-31' },
    generatedAt: '2025-11-01T01:00:00Z',
    book: '01/2025',
    rows,
  };
}

function row(
  online: number,
  direct: number,
  carried: number,
  early: number,
  onTime: number,
  late: number,
  within: number,
  overdue: number,
  withdrawn: number,
  stopped: number,
) {
  const resolved = early + onTime + late;
  const inProgress = within + overdue;
  return {
    received: online + direct + carried,
    online,
    directOrPostal: direct,
    carriedOver: carried,
    resolved,
    early,
    onTime,
    late,
    inProgress,
    withinDeadline: within,
    overdue,
    withdrawn,
    stopped,
  };
}

/** A roll-up: a province department (total) and two communes; every row's equations hold. */
export function bieu06Fixture() {
  const a = row(118, 79, 10, 150, 30, 5, 20, 2, 2, 1);
  const b = row(39, 59, 5, 70, 20, 3, 9, 1, 1, 1);
  const sum = Object.fromEntries(
    Object.keys(a).map((k) => [k, a[k as keyof typeof a] + b[k as keyof typeof b]]),
  ) as typeof a;
  return {
    reportingUnit: { name: 'Sở Xây dựng tỉnh Bắc Ninh', parentName: 'UBND tỉnh Bắc Ninh' },
    period: { from: '2025-10-01', to: '2025-12-31' },
    groupBy: 'agency' as const,
    generatedAt: '2026-01-05T02:00:00Z',
    onTimeRate: true,
    rows: [
      { label: 'Sở Xây dựng tỉnh Bắc Ninh (toàn ngành)', depth: 0, total: true, values: sum },
      { label: 'Ủy ban nhân dân xã Tiên Du', depth: 1, values: a },
      { label: 'Ủy ban nhân dân phường Kinh Bắc', depth: 1, values: b },
    ],
  };
}
