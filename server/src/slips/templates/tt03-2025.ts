import type { TemplateSet } from './template-set.ts';
import { PHRASES_2018 } from './tt01-2018.ts';

/**
 * Forms of Circular 03/2025/TT-VPCP (15/9/2025), guiding Decree 118/2025/NĐ-CP (Phụ lục I):
 * Mẫu số 01 receipt, 02 supplement request, 03 refusal, 04 apology and request to extend, 05 stop
 * notice, 06 control slip, 07 logbook. The one-stop unit is "Bộ phận Một cửa". The effective date
 * is taken as the signing date; check it against the signed text.
 */
export const TT03_2025: TemplateSet = {
  version: 'tt03-2025',
  circular: 'Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ',
  circularShort: 'Thông tư 03/2025/TT-VPCP',
  effectiveFrom: '2025-09-15',
  oneStopUnit: 'Bộ phận Một cửa',
  forms: {
    receipt: { formNo: 'Mẫu số 01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' },
    supplement: { formNo: 'Mẫu số 02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' },
    refusal: { formNo: 'Mẫu số 03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' },
    apology: { formNo: 'Mẫu số 04', title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT' },
    'stop-notice': { formNo: 'Mẫu số 05', title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ' },
    control: { formNo: 'Mẫu số 06', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ' },
    logbook: { formNo: 'Mẫu số 07', title: 'SỔ THEO DÕI HỒ SƠ' },
  },
  phrases: {
    ...PHRASES_2018,
    email: 'Thư điện tử',
    apology: {
      ...PHRASES_2018.apology,
      notYet: 'Tuy nhiên đến nay, {agency} chưa hoàn thành việc giải quyết hồ sơ của Ông/Bà/Tổ chức.',
      apology:
        '{agency} thành thật xin lỗi Ông/Bà/Tổ chức và đề nghị gia hạn thời gian giải quyết hồ sơ; kết quả giải quyết hồ sơ sẽ được trả vào {at}.',
      closing: 'Rất mong nhận được sự thông cảm và hợp tác của Ông/Bà/Tổ chức./.',
    },
  },
};
