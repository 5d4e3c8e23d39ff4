/**
 * JSON Schemas (TypeBox) of what the engines return to hosts that send it on — a fee quote in
 * the submission response and on receipts, an identity stored with a dossier. They are the one
 * source of these types; the server can put them in its OpenAPI document as they are. The
 * engines import only the types, so bundles that compute fees carry no TypeBox.
 */
import { Type, type Static } from '@sinclair/typebox';
import { doc } from '../model/doc.ts';

const Localized = (d: ReturnType<typeof doc>) =>
  Type.Object(
    {
      vi: Type.String({
        minLength: 1,
        ...doc('Tiếng Việt', 'Vietnamese', 'Nội dung bằng tiếng Việt.', 'The Vietnamese text.'),
      }),
      en: Type.Optional(
        Type.String({ ...doc('Tiếng Anh', 'English', 'Nội dung bằng tiếng Anh.', 'The English text.') }),
      ),
    },
    { additionalProperties: false, ...d },
  );

const Message = (d: ReturnType<typeof doc>) =>
  Type.Object(
    {
      vi: Type.String({ ...doc('Tiếng Việt', 'Vietnamese', 'Nội dung bằng tiếng Việt.', 'The Vietnamese text.') }),
      en: Type.String({ ...doc('Tiếng Anh', 'English', 'Nội dung bằng tiếng Anh.', 'The English text.') }),
    },
    { additionalProperties: false, ...d },
  );

const Vnd = (d: ReturnType<typeof doc>) => Type.Integer({ minimum: 0, ...d });

export const FeeLineSchema = Type.Object(
  {
    id: Type.String({
      ...doc('Mã khoản phí', 'Fee id', 'Mã khoản phí trong thủ tục.', 'The fee item\u2019s id in the procedure.'),
    }),
    title: Localized(doc('Tên khoản phí', 'Fee title', 'Tên phí hoặc lệ phí.', 'The fee or charge\u2019s name.')),
    kind: Type.Union([Type.Literal('fee'), Type.Literal('charge')], {
      ...doc('Loại', 'Kind', 'Phí (fee) hay lệ phí (charge).', 'Phí (fee) or lệ phí (charge).'),
    }),
    unitAmount: Vnd(
      doc(
        'Đơn giá (đồng)',
        'Unit amount (VND)',
        'Mức thu cho một đơn vị (cả khoản khi không nhân theo trường).',
        'The amount for one unit (the whole amount when not multiplied by a field).',
      ),
    ),
    quantity: Type.Integer({
      minimum: 0,
      ...doc(
        'Số lượng',
        'Quantity',
        '1 với khoản cố định; giá trị của trường với khoản nhân theo trường.',
        '1 for a fixed item; the field\u2019s value for an item multiplied by a field.',
      ),
    }),
    unit: Type.Union([Localized(doc('Đơn vị tính', 'Unit', 'Ví dụ: bản sao.', 'E.g. copies.')), Type.Null()], {
      ...doc('Đơn vị tính', 'Unit', 'Đơn vị của số lượng, nếu có.', 'The unit of the quantity, if any.'),
    }),
    amount: Vnd(
      doc(
        'Số tiền phải nộp (đồng)',
        'Amount owed (VND)',
        'Đơn giá × số lượng, hoặc 0 khi được miễn.',
        'Unit amount × quantity, or 0 when exempted.',
      ),
    ),
    exemption: Type.Union(
      [
        Type.Object(
          {
            id: Type.String({ ...doc('Mã miễn', 'Exemption id', 'Mã trường hợp miễn.', 'The exemption\u2019s id.') }),
            title: Localized(doc('Đối tượng miễn', 'Exemption', 'Trường hợp được miễn.', 'The exempted case.')),
          },
          {
            additionalProperties: false,
            ...doc('Miễn', 'Exemption', 'Trường hợp miễn được áp dụng.', 'The exemption applied.'),
          },
        ),
        Type.Null(),
      ],
      { ...doc('Miễn', 'Exemption', 'Trường hợp miễn được áp dụng, nếu có.', 'The exemption applied, if any.') },
    ),
    reason: Message(doc('Lý do', 'Reason', 'Vì sao có số tiền này.', 'Why this amount.')),
  },
  {
    additionalProperties: false,
    ...doc(
      'Dòng phí',
      'Fee line',
      'Một khoản phí, lệ phí áp dụng cho hồ sơ.',
      'One fee or charge that applies to the dossier.',
    ),
  },
);

export const FeeQuoteSchema = Type.Object(
  {
    collect: Type.Union([Type.Literal('before'), Type.Literal('after')], {
      ...doc(
        'Thời điểm thu',
        'When collected',
        'Thu trước khi tiếp nhận hoặc sau khi giải quyết.',
        'Before acceptance or after processing.',
      ),
    }),
    items: Type.Array(FeeLineSchema, {
      ...doc(
        'Các khoản',
        'Items',
        'Các khoản áp dụng cho hồ sơ (khoản không áp dụng được bỏ qua).',
        'The items that apply (items that do not apply are left out).',
      ),
    }),
    total: Vnd(doc('Tổng cộng (đồng)', 'Total (VND)', 'Tổng số tiền phải nộp.', 'The total owed.')),
  },
  {
    additionalProperties: false,
    ...doc(
      'Phí, lệ phí của hồ sơ',
      'Fee quote',
      'Số tiền phải nộp cho hồ sơ, theo từng khoản.',
      'What the dossier owes, item by item.',
    ),
  },
);

const text = (vi: string, en: string) =>
  Type.Optional(
    Type.String({
      minLength: 1,
      ...doc(
        vi,
        en,
        `${vi} của chủ hồ sơ, đọc theo con trỏ trong định nghĩa thủ tục.`,
        `The ${en.toLowerCase()}, read through the definition\u2019s pointer.`,
      ),
    }),
  );

export const ApplicantIdentitySchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('person'), Type.Literal('organization')], {
      ...doc('Loại chủ hồ sơ', 'Applicant kind', 'Cá nhân hay tổ chức.', 'A person or an organisation.'),
    }),
    fullName: text('Họ và tên', 'Full name'),
    idNumber: text('Số định danh cá nhân', 'Personal ID number'),
    birthDate: text('Ngày sinh', 'Date of birth'),
    name: text('Tên tổ chức', 'Organisation name'),
    taxCode: text('Mã số doanh nghiệp, mã số thuế', 'Enterprise or tax code'),
    address: text('Địa chỉ', 'Address'),
    phone: text('Số điện thoại', 'Phone'),
    email: text('Thư điện tử', 'Email'),
  },
  {
    additionalProperties: false,
    ...doc('Chủ hồ sơ', 'Applicant', 'Thông tin nhận dạng chủ hồ sơ.', 'The applicant\u2019s identity.'),
  },
);

export const SubmitterIdentitySchema = Type.Object(
  {
    fullName: text('Họ và tên người nộp', 'Submitter\u2019s full name'),
    idNumber: text('Số định danh người nộp', 'Submitter\u2019s ID number'),
    phone: text('Điện thoại người nộp', 'Submitter\u2019s phone'),
    email: text('Thư điện tử người nộp', 'Submitter\u2019s email'),
    address: text('Địa chỉ người nộp', 'Submitter\u2019s address'),
    relationship: text('Quan hệ với chủ hồ sơ', 'Relationship to the applicant'),
  },
  {
    additionalProperties: false,
    ...doc(
      'Người nộp thay',
      'Submitter on behalf',
      'Người nộp hồ sơ thay cho chủ hồ sơ.',
      'The person who filed on the applicant\u2019s behalf.',
    ),
  },
);

export const PaymentViewSchema = Type.Object(
  {
    bankTransfer: Type.Union(
      [
        Type.Object(
          {
            bank: Type.String({ ...doc('Ngân hàng', 'Bank', 'Ngân hàng và chi nhánh.', 'The bank and branch.') }),
            accountNumber: Type.String({ ...doc('Số tài khoản', 'Account number', 'Tài khoản nhận.', 'The account.') }),
            payee: Type.String({ ...doc('Đơn vị thụ hưởng', 'Payee', 'Chủ tài khoản.', 'The account holder.') }),
            content: Type.String({
              ...doc(
                'Nội dung chuyển khoản',
                'Transfer reference',
                'Nội dung ghi khi chuyển khoản, đã có mã hồ sơ.',
                'The reference to write on the transfer, with the dossier code filled in.',
              ),
            }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { ...doc('Chuyển khoản', 'Bank transfer', 'Không có khi không nhận chuyển khoản.', 'Null when not offered.') },
    ),
    counter: Type.Union([
      Localized(doc('Nộp tại quầy', 'At the counter', 'Nơi, giờ nộp.', 'Where and when.')),
      Type.Null(),
    ]),
    note: Type.Union([Localized(doc('Ghi chú', 'Note', 'Hướng dẫn thêm.', 'Further guidance.')), Type.Null()]),
  },
  {
    additionalProperties: false,
    ...doc(
      'Cách nộp tiền',
      'How to pay',
      'Nộp phí, lệ phí ở đâu và bằng cách nào, theo định nghĩa thủ tục.',
      'Where and how to pay the fees, from the procedure definition.',
    ),
  },
);

export const PaymentDueSchema = Type.Object(
  {
    collect: FeeQuoteSchema.properties.collect,
    items: Type.Array(
      Type.Object(
        {
          id: FeeLineSchema.properties.id,
          title: Message(doc('Khoản phải nộp', 'What for', 'Tên phí hoặc lệ phí.', 'The fee or charge\u2019s name.')),
          amount: Vnd(doc('Số tiền (đồng)', 'Amount (VND)', 'Số tiền của khoản này.', 'This item\u2019s amount.')),
        },
        { additionalProperties: false },
      ),
      {
        ...doc(
          'Các khoản phải nộp',
          'Items owed',
          'Các khoản có số tiền lớn hơn 0 (khoản được miễn không có ở đây).',
          'The items with an amount above 0 (exempted items are left out).',
        ),
      },
    ),
    total: Type.Integer({
      minimum: 1,
      ...doc('Tổng cộng (đồng)', 'Total (VND)', 'Tổng số tiền phải nộp.', 'The total owed.'),
    }),
    ...PaymentViewSchema.properties,
  },
  {
    additionalProperties: false,
    ...doc(
      'Tiền phải nộp',
      'Payment due',
      'Số tiền còn phải nộp, cho khoản nào, nộp ở đâu và bằng cách nào; không có khi không phải nộp hoặc đã nộp.',
      'What is still owed, for what, and where and how to pay it; null when nothing is owed or it is paid.',
    ),
  },
);

export type FeeLine = Static<typeof FeeLineSchema>;
export type FeeQuote = Static<typeof FeeQuoteSchema>;
export type ApplicantIdentity = Static<typeof ApplicantIdentitySchema>;
export type SubmitterIdentity = Static<typeof SubmitterIdentitySchema>;
export type PaymentView = Static<typeof PaymentViewSchema>;
export type PaymentDue = Static<typeof PaymentDueSchema>;
