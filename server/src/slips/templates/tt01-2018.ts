import type { SlipPhrases, TemplateSet } from './template-set.ts';

/**
 * Forms of Circular 01/2018/TT-VPCP (23/11/2018), guiding Decree 61/2018/NĐ-CP: Mẫu số 01 receipt,
 * 02 supplement request, 03 refusal, 04 apology with a new date, 05 control slip, 06 logbook.
 * The effective date is taken as the signing date; check it against the signed text.
 */
export const PHRASES_2018: SlipPhrases = {
  dossierCode: 'Mã hồ sơ: {code}',
  applicant: 'Tiếp nhận hồ sơ của',
  address: 'Địa chỉ',
  phone: 'Số điện thoại',
  email: 'Email',
  request: 'Nội dung yêu cầu giải quyết',
  addressee: 'Kính gửi: {name}',
  signHint: '(Ký và ghi rõ họ tên)',
  sealHint: '(Ký, ghi rõ họ tên và đóng dấu)',
  defaultRecipients: ['Như trên;', 'Lưu: VT.'],
  receipt: {
    documentsHeading: 'Thành phần hồ sơ nộp gồm:',
    documentsEmpty: 'Không có giấy tờ kèm theo',
    sets: 'Số lượng hồ sơ: {n} (bộ)',
    processingTime: 'Thời gian giải quyết hồ sơ theo quy định là: {time}',
    receivedAt: 'Thời gian nhận hồ sơ: {at}',
    appointment: 'Thời gian trả kết quả giải quyết hồ sơ: {at}',
    channel: 'Hình thức nộp hồ sơ: {channel}',
    delivery: 'Đăng ký nhận kết quả tại: {where}',
    fees: 'Phí, lệ phí: {fees}',
    feesNone: 'không thu',
    logbook: 'Vào Sổ theo dõi hồ sơ, Quyển số: {book}, Số thứ tự: {number}',
    applicantSigns: 'NGƯỜI NỘP HỒ SƠ',
    officerSigns: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    trackingSecret: 'Mã bí mật tra cứu: {secret}',
    trackingHint: '(quét mã QR, hoặc tra cứu tại {url})',
    trackingQrLabel: 'Mã QR tra cứu hồ sơ',
  },
  supplement: {
    receivedAt: 'Ngày tiếp nhận hồ sơ: {at}',
    heading: 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:',
    dueBy: 'Thời hạn bổ sung, hoàn thiện hồ sơ: trước {at}.',
    pauseNote: 'Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết hồ sơ.',
    contact: 'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với {officer} để được hướng dẫn./.',
    contactWithPhone:
      'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với {officer}, số điện thoại {phone} để được hướng dẫn./.',
    officerSigns: 'NGƯỜI HƯỚNG DẪN',
  },
  refusal: {
    basis: 'Căn cứ quy định tại {basis}, {unit} không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
    basisGeneric: 'Căn cứ quy định hiện hành, {unit} không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
    closing: 'Xin trân trọng thông báo!',
    officerSigns: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
  },
  apology: {
    received: 'Ngày {date}, {agency} tiếp nhận giải quyết hồ sơ của Ông/Bà/Tổ chức: {name}. Mã hồ sơ: {code}.',
    appointment: 'Ngày hẹn trả kết quả giải quyết hồ sơ: {date}.',
    notYet: 'Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà/Tổ chức.',
    reason: 'Lý do: {reason}',
    apology:
      'Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà/Tổ chức. {agency} xin lỗi Ông/Bà/Tổ chức và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức vào {at}.',
    closing: 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà/Tổ chức./.',
  },
  stopNotice: {
    received: 'Ngày {date}, {agency} tiếp nhận hồ sơ của Ông/Bà/Tổ chức: {name}. Mã hồ sơ: {code}.',
    stop: '{agency} thông báo dừng giải quyết hồ sơ nêu trên kể từ {at}.',
    stopWithBasis: 'Căn cứ {basis}, {agency} thông báo dừng giải quyết hồ sơ nêu trên kể từ {at}.',
    reason: 'Lý do: {reason}',
    closing: 'Xin trân trọng thông báo./.',
  },
  control: {
    attachedTo: '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)',
    handlingAgency: 'Cơ quan (bộ phận) giải quyết hồ sơ',
    coordinating: 'Cơ quan phối hợp giải quyết hồ sơ',
    receivedAt: 'Thời gian nhận hồ sơ',
    appointment: 'Thời gian hẹn trả kết quả',
    noHandovers: 'Chưa có lần giao, nhận hồ sơ nào',
  },
};

export const TT01_2018: TemplateSet = {
  version: 'tt01-2018',
  circular: 'Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ',
  circularShort: 'Thông tư 01/2018/TT-VPCP',
  effectiveFrom: '2018-11-23',
  oneStopUnit: 'Bộ phận Tiếp nhận và Trả kết quả',
  forms: {
    receipt: { formNo: 'Mẫu số 01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' },
    supplement: { formNo: 'Mẫu số 02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' },
    refusal: { formNo: 'Mẫu số 03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' },
    apology: { formNo: 'Mẫu số 04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' },
    // The 2018 circular has no form for stopping; agencies wrote a notice of their own.
    'stop-notice': { formNo: null, title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ' },
    control: { formNo: 'Mẫu số 05', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' },
    logbook: { formNo: 'Mẫu số 06', title: 'SỔ THEO DÕI HỒ SƠ' },
  },
  phrases: PHRASES_2018,
};
