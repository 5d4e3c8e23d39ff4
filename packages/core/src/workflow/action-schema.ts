/**
 * The shape of a case-handling action: TypeBox schemas that are the one source of both the
 * runtime check in `decide` (interpreted by TypeBox, no eval) and the TypeScript types. The server
 * can reuse them for its route schemas and OpenAPI document.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { doc } from '../model/doc.ts';
import type { ActionKind } from '../vocabulary/actions.ts';

const Instant = (d: ReturnType<typeof doc>) => Type.Integer({ minimum: 0, ...d });
/** Free text a person must actually write (not blank). */
const Text = (d: ReturnType<typeof doc>) => Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S', ...d });
const Id = (d: ReturnType<typeof doc>) => Type.String({ minLength: 1, maxLength: 200, ...d });

const RoleUnion = Type.Union(
  [
    Type.Literal('admin'),
    Type.Literal('designer'),
    Type.Literal('reception'),
    Type.Literal('specialist'),
    Type.Literal('leader'),
    Type.Literal('viewer'),
  ],
  { ...doc('Vai trò', 'Role', 'Một vai trò (xem danh mục vai trò).', 'One role (see the role list).') },
);

export const ActorSchema = Type.Object(
  {
    kind: Type.Union(
      [Type.Literal('staff'), Type.Literal('applicant'), Type.Literal('system'), Type.Literal('external')],
      {
        ...doc(
          'Loại',
          'Kind',
          'Cán bộ, người nộp, hệ thống motcua, hoặc hệ thống bên ngoài.',
          'Staff, the applicant, motcua itself, or an external system.',
        ),
      },
    ),
    id: Type.Optional(Id(doc('Mã', 'Id', 'Mã tài khoản hoặc hệ thống.', 'The account or system id.'))),
    name: Type.Optional(Type.String({ maxLength: 200, ...doc('Tên', 'Name', 'Tên hiển thị.', 'The display name.') })),
    agency: Type.Optional(
      Id(
        doc(
          'Cơ quan',
          'Agency',
          'Cơ quan mà cán bộ đang làm việc với vai trò của mình.',
          'The agency the staff member acts at.',
        ),
      ),
    ),
    roles: Type.Optional(
      Type.Array(RoleUnion, {
        ...doc('Vai trò', 'Roles', 'Các vai trò cán bộ giữ tại cơ quan đó.', 'The roles held at that agency.'),
      }),
    ),
  },
  { additionalProperties: false, ...doc('Người thực hiện', 'Actor', 'Ai thực hiện thao tác.', 'Who acts.') },
);

const Empty = Type.Object(
  {},
  {
    additionalProperties: false,
    ...doc('Tham số', 'Parameters', 'Thao tác này không có tham số.', 'This action takes no parameters.'),
  },
);

const SupplementItem = Type.Object(
  {
    documentId: Type.Optional(
      Id(
        doc(
          'Giấy tờ',
          'Document',
          'Mã giấy tờ trong thành phần hồ sơ (nếu liên quan).',
          'The dossier document concerned, if any.',
        ),
      ),
    ),
    reason: Text(
      doc('Nội dung', 'What and why', 'Thiếu gì hoặc sai gì, và vì sao.', 'What is missing or wrong, and why.'),
    ),
  },
  {
    additionalProperties: false,
    ...doc(
      'Nội dung bổ sung',
      'Supplement item',
      'Một nội dung cần bổ sung, hoàn thiện.',
      'One thing to supplement or correct.',
    ),
  },
);

const Outcome = Type.Union([Type.Literal('approved'), Type.Literal('denied')], {
  ...doc('Kết quả', 'Outcome', 'Phê duyệt hoặc từ chối giải quyết.', 'Approved or denied.'),
});

/** The parameters of each action kind. */
export const ACTION_PARAMS = {
  submit: Type.Object(
    {
      channel: Type.Union([Type.Literal('online'), Type.Literal('direct'), Type.Literal('postal')], {
        ...doc(
          'Kênh',
          'Channel',
          'Trực tuyến, trực tiếp hoặc bưu chính công ích.',
          'Online, at the counter, or by post.',
        ),
      }),
      agency: Type.Optional(
        Id(
          doc(
            'Cơ quan tiếp nhận',
            'Receiving agency',
            'Cơ quan người nộp chọn (khi thủ tục cho chọn).',
            'The agency the applicant chose (when the procedure lets them).',
          ),
        ),
      ),
      feesOwed: Type.Integer({
        minimum: 0,
        ...doc(
          'Phí phải nộp',
          'Fees owed',
          'Tổng phí, lệ phí phải nộp (đồng), tính bởi bộ máy phí.',
          'The total owed in VND, from the fees engine.',
        ),
      }),
    },
    { additionalProperties: false, ...doc('Nộp hồ sơ', 'Submit', 'Tham số khi nộp hồ sơ.', 'Submission parameters.') },
  ),
  accept: Empty,
  refuse: Type.Object(
    {
      reasons: Type.Array(Text(doc('Lý do', 'Reason', 'Một lý do từ chối.', 'One reason.')), {
        minItems: 1,
        maxItems: 50,
        ...doc('Lý do', 'Reasons', 'Các lý do từ chối tiếp nhận.', 'Why the dossier is refused.'),
      }),
    },
    { additionalProperties: false, ...doc('Từ chối', 'Refuse', 'Tham số từ chối tiếp nhận.', 'Refusal parameters.') },
  ),
  request_supplement: Type.Object(
    {
      items: Type.Array(SupplementItem, {
        minItems: 1,
        maxItems: 100,
        ...doc('Nội dung', 'Items', 'Những gì cần bổ sung.', 'What must be supplemented.'),
      }),
      dueBy: Instant(
        doc(
          'Hạn bổ sung',
          'Due by',
          'Thời hạn người nộp phải bổ sung (epoch ms).',
          'The applicant\u2019s time limit (epoch ms).',
        ),
      ),
      repeatReason: Type.Optional(
        Text(
          doc(
            'Lý do yêu cầu bổ sung lần nữa',
            'Why ask again',
            'Bắt buộc khi hồ sơ đã được yêu cầu bổ sung trước đó: hồ sơ chỉ được yêu cầu bổ sung một lần, lần yêu cầu sau được ghi lại và đếm.',
            'Required when the dossier was already asked for a supplement: a dossier is asked once, and a further request is recorded and counted.',
          ),
        ),
      ),
    },
    {
      additionalProperties: false,
      ...doc('Yêu cầu bổ sung', 'Request a supplement', 'Tham số yêu cầu bổ sung.', 'Supplement request parameters.'),
    },
  ),
  supplement_provided: Empty,
  accept_supplement: Empty,
  request_payment: Type.Object(
    {
      amount: Type.Integer({
        minimum: 1,
        ...doc('Số tiền', 'Amount', 'Số tiền phải nộp (đồng).', 'The amount owed in VND.'),
      }),
      description: Type.Optional(
        Text(doc('Nội dung', 'Description', 'Nghĩa vụ tài chính phải thực hiện.', 'What is to be paid.')),
      ),
    },
    {
      additionalProperties: false,
      ...doc(
        'Yêu cầu thanh toán',
        'Request payment',
        'Tham số yêu cầu thực hiện nghĩa vụ tài chính.',
        'Payment request parameters.',
      ),
    },
  ),
  payment_recorded: Type.Object(
    {
      amount: Type.Integer({
        minimum: 0,
        ...doc('Số tiền', 'Amount', 'Số tiền đã nộp (đồng).', 'The amount paid in VND.'),
      }),
      reference: Type.Optional(
        Id(
          doc(
            'Mã giao dịch',
            'Reference',
            'Mã giao dịch thanh toán; nhận lại cùng mã không ghi thêm.',
            'The payment reference; the same reference twice records once.',
          ),
        ),
      ),
      method: Type.Optional(
        Type.String({
          maxLength: 100,
          ...doc(
            'Hình thức',
            'Method',
            'Ví dụ: tiền mặt, cổng thanh toán quốc gia.',
            'E.g. cash, national payment platform.',
          ),
        }),
      ),
    },
    {
      additionalProperties: false,
      ...doc('Ghi nhận thanh toán', 'Payment recorded', 'Tham số ghi nhận thanh toán.', 'Payment parameters.'),
    },
  ),
  claim: Empty,
  assign: Type.Object(
    {
      assignee: Id(
        doc('Người được phân công', 'Assignee', 'Mã tài khoản cán bộ.', 'The staff member\u2019s account id.'),
      ),
      assigneeName: Type.Optional(
        Type.String({ maxLength: 200, ...doc('Tên', 'Name', 'Tên cán bộ.', 'The staff member\u2019s name.') }),
      ),
    },
    { additionalProperties: false, ...doc('Phân công', 'Assign', 'Tham số phân công.', 'Assignment parameters.') },
  ),
  forward: Type.Object(
    {
      step: Type.Optional(
        Id(
          doc(
            'Bước tiếp theo',
            'Next step',
            'Chọn một trong các nhánh có điều kiện đúng.',
            'One of the branches whose condition holds.',
          ),
        ),
      ),
    },
    { additionalProperties: false, ...doc('Chuyển bước', 'Forward', 'Tham số chuyển bước.', 'Forward parameters.') },
  ),
  send_external: Type.Object(
    {
      ref: Id(
        doc('Mã tham chiếu', 'Reference', 'Mã hồ sơ bên hệ thống ngoài.', 'The external system\u2019s reference.'),
      ),
    },
    {
      additionalProperties: false,
      ...doc(
        'Gửi hệ thống khác',
        'Send out',
        'Tham số gửi hệ thống bên ngoài.',
        'Parameters of a send to an external system.',
      ),
    },
  ),
  receive_external: Type.Object(
    {
      ref: Id(
        doc(
          'Mã tham chiếu',
          'Reference',
          'Mã đã gửi; nhận lại cùng mã không ghi thêm.',
          'The reference sent; receiving it twice records once.',
        ),
      ),
      result: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), {
          ...doc('Kết quả', 'Result', 'Dữ liệu kết quả từ hệ thống ngoài.', 'The external system\u2019s result data.'),
        }),
      ),
      outcome: Type.Optional(Outcome),
      step: Type.Optional(
        Id(
          doc(
            'Bước tiếp theo',
            'Next step',
            'Chọn một trong các nhánh có điều kiện đúng.',
            'One of the branches whose condition holds.',
          ),
        ),
      ),
    },
    {
      additionalProperties: false,
      ...doc(
        'Nhận từ hệ thống khác',
        'Receive',
        'Tham số nhận kết quả từ hệ thống ngoài.',
        'Parameters of a result from an external system.',
      ),
    },
  ),
  approve: Empty,
  deny: Empty,
  return_result: Empty,
  stop: Type.Object(
    { reason: Text(doc('Lý do', 'Reason', 'Lý do dừng xử lý.', 'Why processing stops.')) },
    { additionalProperties: false, ...doc('Dừng xử lý', 'Stop', 'Tham số dừng xử lý.', 'Stop parameters.') },
  ),
  request_withdrawal: Type.Object(
    {
      reason: Type.Optional(
        Type.String({ maxLength: 4000, ...doc('Lý do', 'Reason', 'Lý do rút hồ sơ.', 'Why the applicant withdraws.') }),
      ),
    },
    {
      additionalProperties: false,
      ...doc('Đề nghị rút', 'Request withdrawal', 'Tham số đề nghị rút hồ sơ.', 'Withdrawal request parameters.'),
    },
  ),
  withdraw: Type.Object(
    {
      reason: Type.Optional(
        Type.String({
          maxLength: 4000,
          ...doc('Lý do', 'Reason', 'Lý do rút hồ sơ.', 'Why the dossier is withdrawn.'),
        }),
      ),
    },
    { additionalProperties: false, ...doc('Rút hồ sơ', 'Withdraw', 'Tham số rút hồ sơ.', 'Withdrawal parameters.') },
  ),
  extend: Type.Object(
    {
      newDueAt: Instant(
        doc(
          'Ngày hẹn mới',
          'New appointment',
          'Thời điểm hẹn trả kết quả mới (epoch ms).',
          'The new appointment (epoch ms).',
        ),
      ),
      reason: Text(
        doc('Lý do', 'Reason', 'Lý do chậm trễ (ghi vào văn bản xin lỗi).', 'Why it is late (printed on the apology).'),
      ),
    },
    {
      additionalProperties: false,
      ...doc('Gia hạn', 'Extend', 'Tham số xin lỗi và hẹn lại.', 'Apology and new appointment parameters.'),
    },
  ),
} as const satisfies Record<ActionKind, TSchema>;

export const ActionEnvelopeSchema = Type.Object(
  {
    kind: Type.String({ ...doc('Thao tác', 'Action', 'Loại thao tác.', 'The action kind.') }),
    actor: ActorSchema,
    at: Instant(doc('Thời điểm', 'At', 'Thời điểm thực hiện (epoch ms).', 'When it happens (epoch ms).')),
    comment: Type.Optional(
      Type.String({ maxLength: 4000, ...doc('Ý kiến', 'Comment', 'Ý kiến, ghi chú.', 'A comment.') }),
    ),
    attachments: Type.Optional(
      Type.Array(Id(doc('Tệp', 'File', 'Mã tệp đã tải lên.', 'An uploaded file id.')), {
        maxItems: 200,
        uniqueItems: true,
        ...doc(
          'Tệp đính kèm',
          'Attachments',
          'Các tệp kèm theo (kết quả, giấy tờ bổ sung…).',
          'Attached files (result documents, supplements…).',
        ),
      }),
    ),
    params: Type.Optional(
      Type.Unknown({
        ...doc('Tham số', 'Parameters', 'Tham số riêng của thao tác.', 'The action\u2019s own parameters.'),
      }),
    ),
  },
  {
    additionalProperties: false,
    ...doc('Thao tác', 'Action', 'Một thao tác xử lý hồ sơ.', 'One case-handling action.'),
  },
);

export type ActionParamsMap = { [K in keyof typeof ACTION_PARAMS]: Static<(typeof ACTION_PARAMS)[K]> };
export type Actor = Static<typeof ActorSchema>;
export type ActorKind = Actor['kind'];
export type SupplementItem = Static<typeof SupplementItem>;
