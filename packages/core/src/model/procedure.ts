/**
 * The procedure definition: one JSON document per procedure version.
 *
 * This file is the single source of both the JSON Schema (`schema/procedure.schema.json`, written
 * by `npm run schema -w @motcua/core` and checked by a test) and the TypeScript types (`Static`).
 * Only types are imported from here by the engines, so bundles that use core do not carry TypeBox.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { doc } from './doc.ts';
import { CHANNEL_NAMES } from '../vocabulary/channels.ts';

// ---------------------------------------------------------------------------------------------
// Building blocks

const LocalizedText = (d: ReturnType<typeof doc>) =>
  Type.Object(
    {
      vi: Type.String({
        minLength: 1,
        ...doc('Tiếng Việt', 'Vietnamese', 'Nội dung bằng tiếng Việt (bắt buộc).', 'The Vietnamese text (required).'),
      }),
      en: Type.Optional(
        Type.String({ ...doc('Tiếng Anh', 'English', 'Nội dung bằng tiếng Anh.', 'The English text.') }),
      ),
    },
    { additionalProperties: false, ...d },
  );

/** A JSON Schema (draft-07) evaluated against the applicant's data: true when the data is valid. */
const Condition = (d: ReturnType<typeof doc>) =>
  Type.Unsafe<JsonSchema>({
    type: ['object', 'boolean'],
    allOf: [{ $ref: 'http://json-schema.org/draft-07/schema#' }],
    ...d,
  });

const conditionDoc = (vi: string, en: string) =>
  doc(
    'Điều kiện',
    'Condition',
    `${vi} Điều kiện là một JSON Schema (draft-07) kiểm tra trên dữ liệu tờ khai; đúng khi dữ liệu hợp lệ với nó.`,
    `${en} A condition is a JSON Schema (draft-07) checked against the applicant's data; it holds when the data is valid against it.`,
  );

const JsonPointer = (d: ReturnType<typeof doc>) => Type.String({ pattern: '^(/([^/~]|~[01])*)+$', ...d });

const AgencyCode = (d: ReturnType<typeof doc>) =>
  Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z._]*$', maxLength: 64, ...d });

const Id = (d: ReturnType<typeof doc>) => Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]*$', maxLength: 64, ...d });

const Time = (d: ReturnType<typeof doc>) => Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', ...d });

const RoleName = (d: ReturnType<typeof doc>) =>
  Type.Union([Type.Literal('reception'), Type.Literal('specialist'), Type.Literal('leader')], d);

// ---------------------------------------------------------------------------------------------
// Durations

const durationValue = Type.Number({
  exclusiveMinimum: 0,
  maximum: 3650,
  ...doc(
    'Số lượng',
    'Amount',
    'Số ngày hoặc số giờ; có thể là số lẻ (0,5 ngày).',
    'The number of days or hours; may be fractional (0.5 days).',
  ),
});

const WorkingDuration = Type.Object(
  {
    unit: Type.Union([Type.Literal('working-days'), Type.Literal('working-hours'), Type.Literal('calendar-days')], {
      ...doc(
        'Đơn vị',
        'Unit',
        'Ngày làm việc (độ dài một ngày làm việc theo lịch của cơ quan), giờ làm việc, hoặc ngày theo lịch (ngày hết hạn lùi qua ngày nghỉ).',
        'Working days (the length of a working day in the agency\u2019s calendar), working hours, or calendar days (a due day that falls on a non-working day moves to the next working day).',
      ),
    }),
    value: durationValue,
  },
  {
    additionalProperties: false,
    ...doc(
      'Thời lượng',
      'Duration',
      'Một khoảng thời gian tính theo lịch làm việc.',
      'A span of time measured on a working calendar.',
    ),
  },
);

const SameDayDeadline = Type.Object(
  {
    unit: Type.Literal('same-day', {
      ...doc('Đơn vị', 'Unit', 'Giải quyết trong ngày làm việc.', 'Resolved within the working day.'),
    }),
    cutoff: Time(
      doc(
        'Giờ chốt',
        'Cut-off',
        'Tiếp nhận trước giờ này trong ngày làm việc thì trả kết quả cuối ngày; sau giờ này thì cuối ngày làm việc tiếp theo.',
        'Accepted before this time on a working day: due at the end of that day; otherwise at the end of the next working day.',
      ),
    ),
  },
  {
    additionalProperties: false,
    ...doc(
      'Trong ngày',
      'Same day',
      'Thời hạn giải quyết trong ngày với giờ chốt.',
      'A same-working-day deadline with a cut-off hour.',
    ),
  },
);

// ---------------------------------------------------------------------------------------------
// Agencies

const AgencyRefBase = [
  Type.Object(
    {
      relative: Type.Union([Type.Literal('receiving'), Type.Literal('owner'), Type.Literal('parent-of-receiving')], {
        ...doc(
          'Tương đối',
          'Relative',
          'Cơ quan tiếp nhận, cơ quan chủ quản thủ tục, hoặc cơ quan cấp trên trực tiếp của cơ quan tiếp nhận.',
          'The receiving agency, the agency that owns the procedure, or the receiving agency\u2019s parent.',
        ),
      }),
    },
    {
      additionalProperties: false,
      ...doc(
        'Cơ quan tương đối',
        'Relative agency',
        'Cơ quan xác định theo cơ quan tiếp nhận.',
        'An agency found from the receiving agency.',
      ),
    },
  ),
  Type.Object(
    {
      kind: Type.String({
        minLength: 1,
        ...doc(
          'Loại cơ quan',
          'Agency kind',
          'Mã loại cơ quan (dữ liệu của tỉnh, ví dụ "province-department").',
          'The agency kind id (province data, e.g. "province-department").',
        ),
      }),
      code: Type.Optional(
        AgencyCode(
          doc(
            'Mã cơ quan',
            'Agency code',
            'Chọn cơ quan có mã này trong số các cơ quan cùng loại.',
            'Pick the agency with this code among the agencies of that kind.',
          ),
        ),
      ),
    },
    {
      additionalProperties: false,
      ...doc(
        'Theo loại cơ quan',
        'By agency kind',
        'Cơ quan gần nhất thuộc loại này: chính cơ quan tiếp nhận, một cấp trên của nó, hoặc cơ quan cùng loại duy nhất trong tỉnh.',
        'The nearest agency of this kind: the receiving agency itself, one of its ancestors, or the only agency of that kind in the province.',
      ),
    },
  ),
  Type.Object(
    {
      code: AgencyCode(
        doc('Mã cơ quan', 'Agency code', 'Mã cơ quan theo QCVN 102:2016.', 'The agency code (QCVN 102:2016).'),
      ),
    },
    {
      additionalProperties: false,
      ...doc('Cơ quan cố định', 'Fixed agency', 'Một cơ quan xác định.', 'One given agency.'),
    },
  ),
];

const SimpleAgencyRef = Type.Union(AgencyRefBase, {
  ...doc('Cơ quan', 'Agency', 'Cách xác định một cơ quan.', 'How one agency is determined.'),
});

const AgencyRef = Type.Union(
  [
    ...AgencyRefBase,
    Type.Object(
      {
        cases: Type.Array(
          Type.Object(
            {
              when: Condition(conditionDoc('Trường hợp áp dụng.', 'When this case applies.')),
              agency: SimpleAgencyRef,
            },
            {
              additionalProperties: false,
              ...doc('Trường hợp', 'Case', 'Một điều kiện và cơ quan tương ứng.', 'A condition and its agency.'),
            },
          ),
          {
            minItems: 1,
            ...doc(
              'Các trường hợp',
              'Cases',
              'Trường hợp đầu tiên đúng quyết định cơ quan có thẩm quyền.',
              'The first case whose condition holds selects the competent agency.',
            ),
          },
        ),
        otherwise: Type.Optional(SimpleAgencyRef),
      },
      {
        additionalProperties: false,
        ...doc(
          'Cơ quan có thẩm quyền theo điều kiện',
          'Competent agency by condition',
          'Chọn cơ quan theo dữ liệu tờ khai.',
          'Chooses the agency from the applicant\u2019s data.',
        ),
      },
    ),
  ],
  {
    ...doc(
      'Cơ quan xử lý',
      'Handling agency',
      'Cách xác định cơ quan thực hiện.',
      'How the agency that acts is determined.',
    ),
  },
);

const ReceivingAgency = Type.Union(
  [
    Type.Object(
      {
        mode: Type.Literal('fixed', { ...doc('Cách xác định', 'Mode', 'Một cơ quan cố định.', 'One fixed agency.') }),
        agency: AgencyCode(doc('Cơ quan', 'Agency', 'Mã cơ quan tiếp nhận.', 'The receiving agency\u2019s code.')),
      },
      {
        additionalProperties: false,
        ...doc('Cố định', 'Fixed', 'Luôn nộp tại một cơ quan.', 'Always filed with one agency.'),
      },
    ),
    Type.Object(
      {
        mode: Type.Literal('choice', {
          ...doc('Cách xác định', 'Mode', 'Người nộp chọn cơ quan.', 'The applicant chooses.'),
        }),
        kind: Type.String({
          minLength: 1,
          ...doc(
            'Loại cơ quan',
            'Agency kind',
            'Người nộp chọn một cơ quan thuộc loại này (tiếp nhận không phụ thuộc địa giới hành chính).',
            'The applicant chooses any agency of this kind (accepted regardless of residence).',
          ),
        }),
        within: Type.Optional(
          AgencyCode(
            doc(
              'Trong phạm vi',
              'Within',
              'Chỉ các cơ quan thuộc cây của cơ quan này.',
              'Only agencies in this agency\u2019s subtree.',
            ),
          ),
        ),
      },
      {
        additionalProperties: false,
        ...doc(
          'Người nộp chọn',
          'Applicant\u2019s choice',
          'Người nộp chọn cơ quan tiếp nhận.',
          'The applicant chooses the receiving agency.',
        ),
      },
    ),
    Type.Object(
      {
        mode: Type.Literal('field', {
          ...doc('Cách xác định', 'Mode', 'Lấy từ một trường của tờ khai.', 'Taken from a form field.'),
        }),
        field: JsonPointer(
          doc(
            'Trường',
            'Field',
            'Con trỏ JSON tới trường chứa mã cơ quan.',
            'JSON pointer to the field holding the agency code.',
          ),
        ),
        kind: Type.Optional(
          Type.String({
            minLength: 1,
            ...doc(
              'Loại cơ quan',
              'Agency kind',
              'Mã trong trường phải là cơ quan thuộc loại này.',
              'The code in the field must be an agency of this kind.',
            ),
          }),
        ),
      },
      {
        additionalProperties: false,
        ...doc(
          'Theo trường',
          'From a field',
          'Một trường của tờ khai chọn cơ quan.',
          'A form field selects the agency.',
        ),
      },
    ),
    Type.Object(
      {
        mode: Type.Literal('condition', { ...doc('Cách xác định', 'Mode', 'Theo điều kiện.', 'By condition.') }),
        cases: Type.Array(
          Type.Object(
            {
              when: Condition(conditionDoc('Trường hợp áp dụng.', 'When this case applies.')),
              agency: AgencyCode(
                doc(
                  'Cơ quan',
                  'Agency',
                  'Cơ quan tiếp nhận trong trường hợp này.',
                  'The receiving agency in this case.',
                ),
              ),
            },
            {
              additionalProperties: false,
              ...doc('Trường hợp', 'Case', 'Một điều kiện và cơ quan tương ứng.', 'A condition and its agency.'),
            },
          ),
          {
            minItems: 1,
            ...doc(
              'Các trường hợp',
              'Cases',
              'Trường hợp đầu tiên đúng được chọn.',
              'The first case that holds is used.',
            ),
          },
        ),
        otherwise: Type.Optional(
          AgencyCode(
            doc('Mặc định', 'Otherwise', 'Cơ quan khi không trường hợp nào đúng.', 'The agency when no case holds.'),
          ),
        ),
      },
      {
        additionalProperties: false,
        ...doc(
          'Theo điều kiện',
          'By condition',
          'Điều kiện trên tờ khai chọn cơ quan có thẩm quyền.',
          'Conditions on the applicant\u2019s data select the competent agency.',
        ),
      },
    ),
  ],
  {
    ...doc(
      'Cơ quan tiếp nhận',
      'Receiving agency',
      'Cách xác định cơ quan tiếp nhận hồ sơ: cố định, người nộp chọn, theo trường hoặc theo điều kiện.',
      'How the receiving agency is determined: fixed, the applicant\u2019s choice, a form field, or conditions.',
    ),
  },
);

// ---------------------------------------------------------------------------------------------
// Form and applicant

const UISchemaElement = Type.Unsafe<UISchemaElement>(
  Type.Object(
    {
      type: Type.String({
        minLength: 1,
        ...doc(
          'Loại phần tử',
          'Element type',
          'Control, VerticalLayout, HorizontalLayout, Group, Label, Categorization, Category, ListWithDetail.',
          'Control, VerticalLayout, HorizontalLayout, Group, Label, Categorization, Category, ListWithDetail.',
        ),
      }),
    },
    {
      additionalProperties: true,
      ...doc(
        'Bố cục (UI schema)',
        'Layout (UI schema)',
        'UI schema của JSON Forms: bố cục, nhóm, các bước và quy tắc hiển thị.',
        'A JSON Forms UI schema: layouts, groups, steps and rules.',
      ),
    },
  ),
);

const Form = Type.Object(
  {
    schema: Type.Unsafe<JsonSchema>({
      type: 'object',
      allOf: [{ $ref: 'http://json-schema.org/draft-07/schema#' }],
      ...doc(
        'Lược đồ dữ liệu',
        'Data schema',
        'JSON Schema (draft-07) của dữ liệu tờ khai.',
        'The JSON Schema (draft-07) of the applicant\u2019s data.',
      ),
    }),
    uischema: UISchemaElement,
  },
  {
    additionalProperties: false,
    ...doc(
      'Tờ khai',
      'Applicant form',
      'Lược đồ dữ liệu và bố cục của tờ khai.',
      'The data schema and layout of the applicant form.',
    ),
  },
);

const pointer = (viTitle: string, enTitle: string) =>
  JsonPointer(
    doc(
      viTitle,
      enTitle,
      `Con trỏ JSON tới trường "${viTitle}" trong dữ liệu tờ khai.`,
      `JSON pointer to the "${enTitle}" field in the applicant\u2019s data.`,
    ),
  );

const PersonPointers = Type.Object(
  {
    fullName: pointer('Họ và tên', 'Full name'),
    idNumber: Type.Optional(pointer('Số định danh cá nhân', 'Personal ID number')),
    birthDate: Type.Optional(pointer('Ngày sinh', 'Date of birth')),
    address: Type.Optional(pointer('Địa chỉ', 'Address')),
    phone: Type.Optional(pointer('Số điện thoại', 'Phone')),
    email: Type.Optional(pointer('Thư điện tử', 'Email')),
  },
  {
    additionalProperties: false,
    ...doc(
      'Cá nhân',
      'Person',
      'Vị trí các thông tin nhận dạng cá nhân trong tờ khai.',
      'Where a person\u2019s identity is in the form.',
    ),
  },
);

const OrganizationPointers = Type.Object(
  {
    name: pointer('Tên tổ chức', 'Organisation name'),
    taxCode: Type.Optional(pointer('Mã số doanh nghiệp, mã số thuế', 'Enterprise or tax code')),
    address: Type.Optional(pointer('Địa chỉ trụ sở', 'Address')),
    phone: Type.Optional(pointer('Số điện thoại', 'Phone')),
    email: Type.Optional(pointer('Thư điện tử', 'Email')),
  },
  {
    additionalProperties: false,
    ...doc(
      'Tổ chức',
      'Organisation',
      'Vị trí các thông tin nhận dạng tổ chức trong tờ khai.',
      'Where an organisation\u2019s identity is in the form.',
    ),
  },
);

const Applicant = Type.Object(
  {
    person: Type.Optional(PersonPointers),
    organization: Type.Optional(OrganizationPointers),
    isOrganization: Type.Optional(
      Condition(
        conditionDoc(
          'Khi có cả cá nhân và tổ chức: đúng thì chủ hồ sơ là tổ chức.',
          'When both person and organisation are given: the applicant is the organisation when this holds.',
        ),
      ),
    ),
  },
  {
    additionalProperties: false,
    ...doc(
      'Chủ hồ sơ',
      'Applicant',
      'Nơi sổ theo dõi, tra cứu, phiếu và thông báo đọc thông tin chủ hồ sơ; không đọc dữ liệu tự do.',
      'Where the logbook, search, slips and notifications read the applicant\u2019s identity; never free-form data.',
    ),
  },
);

const Submitter = Type.Object(
  {
    when: Type.Optional(
      Condition(
        conditionDoc(
          'Có người nộp thay khi điều kiện đúng.',
          'Someone files on the applicant\u2019s behalf when this holds.',
        ),
      ),
    ),
    fullName: pointer('Họ và tên người nộp', 'Submitter\u2019s full name'),
    idNumber: Type.Optional(pointer('Số định danh người nộp', 'Submitter\u2019s ID number')),
    phone: Type.Optional(pointer('Điện thoại người nộp', 'Submitter\u2019s phone')),
    email: Type.Optional(pointer('Thư điện tử người nộp', 'Submitter\u2019s email')),
    address: Type.Optional(pointer('Địa chỉ người nộp', 'Submitter\u2019s address')),
    relationship: Type.Optional(pointer('Quan hệ với chủ hồ sơ', 'Relationship to the applicant')),
  },
  {
    additionalProperties: false,
    ...doc(
      'Người nộp thay',
      'Submitter on behalf',
      'Người nộp hồ sơ thay cho chủ hồ sơ.',
      'The person who files on the applicant\u2019s behalf.',
    ),
  },
);

// ---------------------------------------------------------------------------------------------
// Documents and fees

const DocumentRequirement = Type.Object(
  {
    id: Id(doc('Mã giấy tờ', 'Document id', 'Mã duy nhất trong thủ tục.', 'Unique within the procedure.')),
    title: LocalizedText(
      doc(
        'Tên giấy tờ',
        'Document title',
        'Tên giấy tờ như trong thành phần hồ sơ.',
        'The document\u2019s name as in the dossier composition.',
      ),
    ),
    description: Type.Optional(
      LocalizedText(doc('Ghi chú', 'Notes', 'Hướng dẫn cho người nộp.', 'Guidance for the applicant.')),
    ),
    when: Type.Optional(
      Condition(
        conditionDoc(
          'Chỉ yêu cầu khi điều kiện đúng; không có điều kiện là luôn yêu cầu.',
          'Required only when this holds; without a condition it is always required.',
        ),
      ),
    ),
    template: Type.Optional(
      Type.String({
        format: 'uri-reference',
        minLength: 1,
        ...doc(
          'Tệp mẫu',
          'Template file',
          'Đường dẫn tải mẫu giấy tờ (đơn, tờ khai) để người nộp điền.',
          'A link to download the document\u2019s template (form) for the applicant to fill in.',
        ),
      }),
    ),
    optional: Type.Optional(
      Type.Boolean({
        ...doc(
          'Không bắt buộc',
          'Optional',
          'Người nộp có thể nộp thêm nhưng không bắt buộc.',
          'May be provided but is not required.',
        ),
      }),
    ),
    channels: Type.Optional(
      Type.Array(Type.Union(CHANNEL_NAMES.map((c) => Type.Literal(c))), {
        minItems: 1,
        uniqueItems: true,
        ...doc(
          'Kênh yêu cầu',
          'Channels asked on',
          'Các kênh nộp yêu cầu giấy tờ này; không ghi là mọi kênh. Ví dụ tờ khai chỉ nộp bản giấy tại quầy: khi nộp trực tuyến, biểu mẫu điện tử chính là tờ khai.',
          'The filing channels on which this document is asked; absent means every channel. E.g. a paper declaration asked only at the counter: online, the e-form is the declaration.',
        ),
      }),
    ),
    show: Type.Optional(
      Type.Boolean({
        ...doc(
          'Giấy tờ xuất trình',
          'Document to show',
          'Chỉ xuất trình để đối chiếu, không nộp và không tải lên (ví dụ giấy tờ tùy thân); không có giới hạn tệp.',
          'Presented for checking, never handed in nor uploaded (e.g. an identity paper); it has no file limits.',
        ),
      }),
    ),
    mediaTypes: Type.Optional(
      Type.Array(
        Type.String({
          pattern: '^[a-z]+/[a-z0-9.+-]+$',
          ...doc('Kiểu tệp', 'Media type', 'Kiểu MIME, ví dụ application/pdf.', 'A MIME type, e.g. application/pdf.'),
        }),
        {
          minItems: 1,
          uniqueItems: true,
          ...doc(
            'Kiểu tệp chấp nhận',
            'Accepted media types',
            'Kiểu tệp được kiểm tra theo nội dung tệp, không theo tên. Bắt buộc với giấy tờ nộp tệp.',
            'Checked from the file\u2019s bytes, not its name. Required for an uploaded document.',
          ),
        },
      ),
    ),
    maxSizeBytes: Type.Optional(
      Type.Integer({
        minimum: 1,
        ...doc(
          'Dung lượng tối đa',
          'Maximum size',
          'Dung lượng tối đa mỗi tệp (byte). Bắt buộc với giấy tờ nộp tệp.',
          'Maximum size of each file in bytes. Required for an uploaded document.',
        ),
      }),
    ),
    minFiles: Type.Optional(
      Type.Integer({
        minimum: 0,
        ...doc(
          'Số tệp tối thiểu',
          'Minimum files',
          'Số tệp tối thiểu khi giấy tờ được yêu cầu. Bắt buộc với giấy tờ nộp tệp.',
          'Minimum number of files when the document is required. Required for an uploaded document.',
        ),
      }),
    ),
    maxFiles: Type.Optional(
      Type.Integer({
        minimum: 1,
        ...doc(
          'Số tệp tối đa',
          'Maximum files',
          'Số tệp tối đa. Bắt buộc với giấy tờ nộp tệp.',
          'Maximum number of files. Required for an uploaded document.',
        ),
      }),
    ),
    originals: Type.Integer({
      minimum: 0,
      ...doc(
        'Số bản chính',
        'Originals',
        'Số bản chính phải nộp (nộp trực tiếp).',
        'Number of originals to hand in (at the counter).',
      ),
    }),
    copies: Type.Integer({
      minimum: 0,
      ...doc('Số bản sao', 'Copies', 'Số bản sao phải nộp.', 'Number of copies to hand in.'),
    }),
  },
  {
    additionalProperties: false,
    ...doc(
      'Thành phần hồ sơ',
      'Required document',
      'Một giấy tờ trong thành phần hồ sơ.',
      'One document of the dossier.',
    ),
  },
);

const FeeExemption = Type.Object(
  {
    id: Id(doc('Mã miễn', 'Exemption id', 'Mã duy nhất trong khoản phí.', 'Unique within the fee item.')),
    title: LocalizedText(
      doc('Đối tượng miễn', 'Exemption', 'Đối tượng hoặc trường hợp được miễn.', 'Who or what case is exempted.'),
    ),
    when: Condition(conditionDoc('Được miễn khi điều kiện đúng.', 'Exempted when this holds.')),
  },
  {
    additionalProperties: false,
    ...doc(
      'Miễn phí, lệ phí',
      'Exemption',
      'Một trường hợp được miễn khoản phí.',
      'A case in which the item is not owed.',
    ),
  },
);

const FeeItem = Type.Object(
  {
    id: Id(doc('Mã khoản phí', 'Fee id', 'Mã duy nhất trong thủ tục.', 'Unique within the procedure.')),
    title: LocalizedText(doc('Tên khoản phí', 'Fee title', 'Tên phí hoặc lệ phí.', 'The fee or charge\u2019s name.')),
    kind: Type.Union([Type.Literal('fee'), Type.Literal('charge')], {
      ...doc('Loại', 'Kind', 'Phí (fee) hay lệ phí (charge).', 'Phí (fee) or lệ phí (charge).'),
    }),
    amount: Type.Integer({
      minimum: 0,
      ...doc('Mức thu (đồng)', 'Amount (VND)', 'Số tiền nguyên, đơn vị đồng.', 'An integer amount in VND.'),
    }),
    per: Type.Optional(
      Type.Object(
        {
          field: JsonPointer(
            doc(
              'Trường số lượng',
              'Quantity field',
              'Con trỏ JSON tới trường số lượng (số nguyên không âm).',
              'JSON pointer to the quantity field (a non-negative integer).',
            ),
          ),
          unit: Type.Optional(LocalizedText(doc('Đơn vị tính', 'Unit', 'Ví dụ: bản sao, trang.', 'E.g. copy, page.'))),
        },
        {
          additionalProperties: false,
          ...doc(
            'Nhân theo',
            'Multiplied by',
            'Mức thu nhân với giá trị của một trường.',
            'The amount is multiplied by a field\u2019s value.',
          ),
        },
      ),
    ),
    when: Type.Optional(Condition(conditionDoc('Chỉ thu khi điều kiện đúng.', 'Owed only when this holds.'))),
    exemptions: Type.Optional(
      Type.Array(FeeExemption, {
        ...doc('Miễn', 'Exemptions', 'Các trường hợp được miễn.', 'The cases that are exempted.'),
      }),
    ),
  },
  {
    additionalProperties: false,
    ...doc('Khoản phí, lệ phí', 'Fee item', 'Một khoản phí hoặc lệ phí.', 'One fee or charge.'),
  },
);

const Payment = Type.Object(
  {
    bankTransfer: Type.Optional(
      Type.Object(
        {
          bank: Type.String({
            minLength: 1,
            maxLength: 200,
            ...doc('Ngân hàng', 'Bank', 'Tên ngân hàng và chi nhánh.', 'The bank and branch.'),
          }),
          accountNumber: Type.String({
            pattern: '^[0-9A-Za-z][0-9A-Za-z .-]{2,40}$',
            ...doc('Số tài khoản', 'Account number', 'Số tài khoản nhận tiền.', 'The account to pay into.'),
          }),
          payee: Type.String({
            minLength: 1,
            maxLength: 200,
            ...doc('Đơn vị thụ hưởng', 'Payee', 'Tên chủ tài khoản.', 'The account holder\u2019s name.'),
          }),
          content: Type.String({
            pattern: '\\{code\\}',
            maxLength: 200,
            ...doc(
              'Nội dung chuyển khoản',
              'Transfer reference',
              'Mẫu nội dung chuyển khoản; "{code}" được thay bằng mã hồ sơ, ví dụ "LE PHI {code}".',
              'The transfer reference pattern; "{code}" is replaced by the dossier code, e.g. "LE PHI {code}".',
            ),
          }),
        },
        {
          additionalProperties: false,
          ...doc(
            'Chuyển khoản',
            'Bank transfer',
            'Nộp bằng chuyển khoản vào tài khoản của cơ quan thu.',
            'Paying by bank transfer into the collecting agency\u2019s account.',
          ),
        },
      ),
    ),
    counter: Type.Optional(
      LocalizedText(
        doc(
          'Nộp tại quầy',
          'At the counter',
          'Nơi và giờ nộp tiền mặt hoặc quẹt thẻ tại bộ phận một cửa.',
          'Where and when to pay in cash or by card at the one-stop counter.',
        ),
      ),
    ),
    note: Type.Optional(
      LocalizedText(
        doc(
          'Ghi chú',
          'Note',
          'Hướng dẫn thêm cho người nộp. Không nhắc lại thời điểm thu (nộp trước hay khi nhận kết quả): hướng dẫn nộp tiền đã ghi điều đó.',
          'Further guidance for the applicant. Need not repeat when the fees are collected (first, or with the result): the payment instructions say it already.',
        ),
      ),
    ),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    ...doc(
      'Cách nộp tiền',
      'How to pay',
      'Nộp phí, lệ phí ở đâu và bằng cách nào; giấy tiếp nhận và trang tra cứu hiển thị cho người nộp.',
      'Where and how to pay the fees; shown to the applicant on the receipt and the tracking page.',
    ),
  },
);

const Fees = Type.Object(
  {
    collect: Type.Union([Type.Literal('before'), Type.Literal('after')], {
      ...doc(
        'Thời điểm thu',
        'When collected',
        'Thu trước (hồ sơ trực tuyến chờ thanh toán trước khi tiếp nhận, trạng thái 6) hoặc thu sau khi giải quyết.',
        'Before (online acceptance waits for payment, status 6) or after processing.',
      ),
    }),
    items: Type.Array(FeeItem, { ...doc('Các khoản', 'Items', 'Các khoản phí, lệ phí.', 'The fee items.') }),
    payment: Type.Optional(Payment),
  },
  {
    additionalProperties: false,
    ...doc('Phí, lệ phí', 'Fees', 'Phí và lệ phí của thủ tục.', 'The procedure\u2019s fees and charges.'),
  },
);

// ---------------------------------------------------------------------------------------------
// Workflow

const Transition = Type.Object(
  {
    when: Type.Optional(
      Condition(
        conditionDoc(
          'Nhánh này được chọn khi điều kiện đúng; không có điều kiện là nhánh mặc định.',
          'This branch is taken when the condition holds; without one it is the default.',
        ),
      ),
    ),
    step: Id(doc('Bước tiếp theo', 'Next step', 'Mã bước tiếp theo.', 'The next step\u2019s id.')),
  },
  {
    additionalProperties: false,
    ...doc('Nhánh chuyển', 'Branch', 'Chuyển sang một bước khác.', 'A move to another step.'),
  },
);

const WorkflowStep = Type.Object(
  {
    id: Id(doc('Mã bước', 'Step id', 'Mã duy nhất trong quy trình.', 'Unique within the workflow.')),
    title: LocalizedText(doc('Tên bước', 'Step title', 'Tên bước xử lý.', 'The step\u2019s name.')),
    agency: AgencyRef,
    role: RoleName(
      doc(
        'Vai trò thực hiện',
        'Acting role',
        'Vai trò của cán bộ thực hiện bước này.',
        'The role of the staff who act at this step.',
      ),
    ),
    budget: Type.Optional(WorkingDuration),
    external: Type.Optional(
      Type.Object(
        {
          system: Type.String({
            minLength: 1,
            ...doc(
              'Hệ thống',
              'System',
              'Mã hệ thống bên ngoài (ví dụ: thuế, đất đai).',
              'The external system\u2019s id (e.g. tax, land registry).',
            ),
          }),
          title: Type.Optional(
            LocalizedText(
              doc('Tên hệ thống', 'System name', 'Tên hiển thị của hệ thống.', 'The system\u2019s display name.'),
            ),
          ),
        },
        {
          additionalProperties: false,
          ...doc(
            'Hệ thống bên ngoài',
            'External system',
            'Bước do hệ thống khác thực hiện: gửi đi, chờ trả về, lưu mã tham chiếu.',
            'A step performed by another system: sent out, awaited back, its reference kept.',
          ),
        },
      ),
    ),
    next: Type.Optional(
      Type.Array(Transition, {
        ...doc(
          'Các nhánh',
          'Branches',
          'Nhánh đầu tiên có điều kiện đúng được chọn.',
          'The first branch whose condition holds is taken.',
        ),
      }),
    ),
    outcomes: Type.Optional(
      Type.Array(Type.Union([Type.Literal('approved'), Type.Literal('denied')]), {
        uniqueItems: true,
        ...doc(
          'Kết quả',
          'Outcomes',
          'Bước này có thể phê duyệt hoặc từ chối, kết thúc xử lý.',
          'This step may approve or deny, ending the processing.',
        ),
      }),
    ),
  },
  {
    additionalProperties: false,
    ...doc('Bước xử lý', 'Workflow step', 'Một bước của quy trình xử lý.', 'One step of the processing workflow.'),
  },
);

const Workflow = Type.Object(
  {
    start: Id(
      doc(
        'Bước đầu tiên',
        'First step',
        'Bước nhận hồ sơ sau khi tiếp nhận.',
        'The step that receives the dossier after acceptance.',
      ),
    ),
    steps: Type.Array(WorkflowStep, {
      minItems: 1,
      ...doc('Các bước', 'Steps', 'Các bước xử lý.', 'The processing steps.'),
    }),
  },
  {
    additionalProperties: false,
    ...doc('Quy trình', 'Workflow', 'Quy trình xử lý sau khi tiếp nhận.', 'The processing workflow after acceptance.'),
  },
);

// ---------------------------------------------------------------------------------------------
// Derived values (computed by core from the applicant's data and the submission instant)

/** The pattern of a derived value's name: conditions reach it at `/$derived/<name>`. */
const DERIVED_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_]*$';

const DateOperand = Type.Union(
  [
    JsonPointer(
      doc(
        'Trường ngày',
        'Date field',
        'Con trỏ JSON tới một trường ngày (YYYY-MM-DD) của tờ khai.',
        'JSON pointer to a date field (YYYY-MM-DD) of the form.',
      ),
    ),
    Type.Literal('$submittedAt', {
      ...doc(
        'Ngày nộp',
        'Submission date',
        'Ngày nộp hồ sơ theo giờ Việt Nam (Asia/Ho_Chi_Minh).',
        'The day the dossier is submitted, in Vietnam time (Asia/Ho_Chi_Minh).',
      ),
    }),
  ],
  {
    ...doc(
      'Ngày',
      'Date',
      'Một trường ngày của tờ khai hoặc ngày nộp.',
      'A date field of the form or the submission date.',
    ),
  },
);

const derivedTitle = LocalizedText(
  doc(
    'Tên giá trị',
    'Value name',
    'Tên đọc được, dùng trong lý do và trình soạn thảo.',
    'A readable name, quoted in reasons and editors.',
  ),
);

const DerivedValue = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Literal('daysBetween', {
          ...doc('Loại', 'Kind', 'Số ngày giữa hai ngày.', 'The number of days between two dates.'),
        }),
        title: derivedTitle,
        from: DateOperand,
        to: DateOperand,
      },
      {
        additionalProperties: false,
        ...doc(
          'Số ngày giữa hai ngày',
          'Days between',
          'Số ngày theo lịch từ "from" đến "to" (âm khi "to" trước "from"); vắng khi thiếu một trong hai ngày.',
          'Calendar days from "from" to "to" (negative when "to" is earlier); absent when either date is missing.',
        ),
      },
    ),
    Type.Object(
      {
        kind: Type.Literal('ageInYears', {
          ...doc('Loại', 'Kind', 'Số tuổi tròn tại ngày nộp.', 'Age in whole years on the submission date.'),
        }),
        title: derivedTitle,
        of: JsonPointer(
          doc(
            'Ngày sinh',
            'Date of birth',
            'Con trỏ JSON tới trường ngày sinh.',
            'JSON pointer to the date-of-birth field.',
          ),
        ),
      },
      {
        additionalProperties: false,
        ...doc(
          'Tuổi',
          'Age',
          'Số năm tròn từ ngày sinh đến ngày nộp (sinh ngày 29/02 thì đủ tuổi vào ngày 01/03 của năm không nhuận); vắng khi thiếu ngày sinh.',
          'Whole years from the date of birth to the submission date (born on 29 February: a year older on 1 March of common years); absent without a date of birth.',
        ),
      },
    ),
    Type.Object(
      {
        kind: Type.Literal('count', {
          ...doc('Loại', 'Kind', 'Số dòng của một danh sách.', 'The number of rows of a list.'),
        }),
        title: derivedTitle,
        of: JsonPointer(
          doc('Danh sách', 'List', 'Con trỏ JSON tới một trường danh sách.', 'JSON pointer to a list field.'),
        ),
      },
      {
        additionalProperties: false,
        ...doc(
          'Đếm',
          'Count',
          'Số dòng của danh sách; 0 khi danh sách chưa có.',
          'The number of rows in the list; 0 when the list is absent.',
        ),
      },
    ),
  ],
  {
    ...doc(
      'Giá trị suy ra',
      'Derived value',
      'Một giá trị core tính từ dữ liệu tờ khai và ngày nộp, giống nhau trên trình duyệt và máy chủ.',
      'A value core computes from the applicant\u2019s data and the submission date, the same in the browser and on the server.',
    ),
  },
);

const Derived = Type.Record(Type.String({ pattern: DERIVED_NAME_PATTERN }), DerivedValue, {
  additionalProperties: false,
  ...doc(
    'Giá trị suy ra',
    'Derived values',
    'Tên → cách tính. Điều kiện (giấy tờ, phí, bước, cơ quan) đọc giá trị tại "/$derived/<tên>" của dữ liệu; phí có thể nhân theo "/$derived/<tên>". Không cần viết mã.',
    'Name → how it is computed. Conditions (documents, fees, steps, agencies) read it at "/$derived/<name>" of the data; a fee may be multiplied by "/$derived/<name>". No code needed.',
  ),
});

// ---------------------------------------------------------------------------------------------
// Named conditions and test scenarios (kept with the definition for its editors; never evaluated
// when a dossier is handled: the conditions in use are copies placed where they apply)

const NamedCondition = Type.Object(
  {
    id: Id(doc('Mã điều kiện', 'Condition id', 'Mã duy nhất trong thủ tục.', 'Unique within the procedure.')),
    title: LocalizedText(
      doc('Tên điều kiện', 'Condition name', 'Tên đọc được của điều kiện.', 'The condition\u2019s readable name.'),
    ),
    when: Condition(conditionDoc('Điều kiện được đặt tên.', 'The named condition.')),
  },
  {
    additionalProperties: false,
    ...doc(
      'Điều kiện đặt tên',
      'Named condition',
      'Một điều kiện dùng lại được: nơi dùng nó giữ một bản sao có cùng tên.',
      'A reusable condition: each place that uses it holds a copy with the same name.',
    ),
  },
);

const ScenarioRouteStep = Type.Object(
  {
    step: Id(doc('Bước', 'Step', 'Mã bước xử lý.', 'The workflow step\u2019s id.')),
    agency: AgencyCode(doc('Cơ quan', 'Agency', 'Cơ quan thực hiện bước.', 'The agency that acts at the step.')),
  },
  {
    additionalProperties: false,
    ...doc('Bước trên đường đi', 'Route step', 'Một bước và cơ quan thực hiện.', 'A step and its agency.'),
  },
);

const ScenarioExpectation = Type.Object(
  {
    documents: Type.Optional(
      Type.Array(Id(doc('Mã giấy tờ', 'Document id', 'Một giấy tờ phải nộp.', 'A required document.')), {
        uniqueItems: true,
        ...doc(
          'Giấy tờ phải nộp',
          'Required documents',
          'Mã các giấy tờ phải nộp, theo thứ tự trong thủ tục.',
          'The ids of the required documents, in the procedure\u2019s order.',
        ),
      }),
    ),
    feeTotal: Type.Optional(
      Type.Integer({
        minimum: 0,
        ...doc('Tổng phí (đồng)', 'Fee total (VND)', 'Tổng số tiền phải nộp.', 'The total amount owed.'),
      }),
    ),
    receiving: Type.Optional(
      AgencyCode(doc('Cơ quan tiếp nhận', 'Receiving agency', 'Cơ quan tiếp nhận hồ sơ.', 'The receiving agency.')),
    ),
    route: Type.Optional(
      Type.Array(ScenarioRouteStep, {
        ...doc(
          'Đường đi',
          'Route',
          'Các bước hồ sơ đi qua, theo các nhánh mà dữ liệu chọn.',
          'The steps the dossier passes, following the branches its data selects.',
        ),
      }),
    ),
    dueAt: Type.Optional(
      Type.String({
        format: 'date-time',
        ...doc(
          'Hạn trả kết quả',
          'Due',
          'Thời điểm hẹn trả kết quả (ISO 8601).',
          'The instant the result is due (ISO 8601).',
        ),
      }),
    ),
  },
  {
    additionalProperties: false,
    ...doc(
      'Kết quả mong đợi',
      'Expected outcome',
      'Điều core phải tính ra cho tình huống này; mục nào vắng thì không kiểm tra.',
      'What core must compute for this scenario; an absent entry is not checked.',
    ),
  },
);

const TestScenario = Type.Object(
  {
    id: Id(doc('Mã tình huống', 'Scenario id', 'Mã duy nhất trong thủ tục.', 'Unique within the procedure.')),
    title: LocalizedText(doc('Tên tình huống', 'Scenario name', 'Mô tả ngắn.', 'A short description.')),
    data: Type.Unsafe<Record<string, unknown>>({
      type: 'object',
      ...doc('Dữ liệu mẫu', 'Sample answers', 'Dữ liệu tờ khai mẫu.', 'Sample applicant data.'),
    }),
    submittedAt: Type.String({
      format: 'date-time',
      ...doc(
        'Thời điểm nộp',
        'Submitted at',
        'Thời điểm nộp, coi như được tiếp nhận ngay (ISO 8601).',
        'The submission instant, taken as the acceptance instant (ISO 8601).',
      ),
    }),
    channel: Type.Union([Type.Literal('online'), Type.Literal('direct'), Type.Literal('postal')], {
      ...doc('Kênh nộp', 'Channel', 'Trực tuyến, trực tiếp hoặc bưu chính.', 'Online, at the counter or by post.'),
    }),
    agency: Type.Optional(
      AgencyCode(
        doc(
          'Cơ quan được chọn',
          'Chosen agency',
          'Cơ quan tiếp nhận người nộp chọn (khi thủ tục cho chọn).',
          'The receiving agency the applicant chose (when the procedure lets them).',
        ),
      ),
    ),
    expect: ScenarioExpectation,
  },
  {
    additionalProperties: false,
    ...doc(
      'Tình huống kiểm thử',
      'Test scenario',
      'Dữ liệu mẫu và kết quả mong đợi: phép thử hồi quy của thủ tục.',
      'Sample data and the expected outcome: the procedure\u2019s own regression test.',
    ),
  },
);

// ---------------------------------------------------------------------------------------------
// The procedure

export const ProcedureSchema = Type.Object(
  {
    $schema: Type.Optional(
      Type.String({
        ...doc(
          'Lược đồ',
          'Schema',
          'Đường dẫn lược đồ (cho trình soạn thảo).',
          'The schema\u2019s address (for editors).',
        ),
      }),
    ),
    code: Type.String({
      pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$',
      maxLength: 64,
      ...doc(
        'Mã thủ tục',
        'Procedure code',
        'Mã thủ tục hành chính quốc gia, ví dụ 1.001193.',
        'The national procedure code, e.g. 1.001193.',
      ),
    }),
    title: LocalizedText(
      doc('Tên thủ tục', 'Procedure title', 'Tên thủ tục hành chính.', 'The procedure\u2019s name.'),
    ),
    field: Type.Object(
      {
        code: Type.String({
          minLength: 1,
          maxLength: 64,
          ...doc(
            'Mã lĩnh vực',
            'Field code',
            'Mã lĩnh vực (dùng cho báo cáo).',
            'The field\u2019s code (used in reports).',
          ),
        }),
        title: LocalizedText(doc('Tên lĩnh vực', 'Field title', 'Tên lĩnh vực.', 'The field\u2019s name.')),
      },
      {
        additionalProperties: false,
        ...doc('Lĩnh vực', 'Field', 'Lĩnh vực của thủ tục.', 'The procedure\u2019s field (lĩnh vực).'),
      },
    ),
    owner: AgencyCode(
      doc(
        'Cơ quan chủ quản',
        'Owning agency',
        'Cơ quan quản lý định nghĩa thủ tục.',
        'The agency that owns this definition.',
      ),
    ),
    serviceLevel: Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Literal('information')], {
      ...doc(
        'Mức độ dịch vụ công trực tuyến',
        'Online service level',
        'Toàn trình, một phần, hoặc chỉ cung cấp thông tin (Nghị định 42/2022/NĐ-CP).',
        'Fully online, partly online, or information only (Decree 42/2022).',
      ),
    }),
    legalBasis: Type.Array(
      Type.Object(
        {
          ref: Type.String({
            minLength: 1,
            ...doc('Số hiệu', 'Reference', 'Số, ký hiệu văn bản.', 'The instrument\u2019s number.'),
          }),
          title: LocalizedText(doc('Trích yếu', 'Title', 'Trích yếu văn bản.', 'The instrument\u2019s title.')),
          url: Type.Optional(
            Type.String({
              format: 'uri',
              ...doc('Đường dẫn', 'Link', 'Đường dẫn tới văn bản.', 'A link to the instrument.'),
            }),
          ),
        },
        {
          additionalProperties: false,
          ...doc('Văn bản', 'Instrument', 'Một văn bản quy phạm pháp luật.', 'One legal instrument.'),
        },
      ),
      {
        ...doc(
          'Căn cứ pháp lý',
          'Legal basis',
          'Các văn bản quy định thủ tục.',
          'The instruments that set the procedure.',
        ),
      },
    ),
    effectiveFrom: Type.String({
      format: 'date',
      ...doc(
        'Hiệu lực từ',
        'Effective from',
        'Ngày bắt đầu áp dụng phiên bản này.',
        'The first day this version applies.',
      ),
    }),
    effectiveUntil: Type.Optional(
      Type.String({
        format: 'date',
        ...doc(
          'Hiệu lực đến',
          'Effective until',
          'Ngày cuối cùng áp dụng (nếu có).',
          'The last day this version applies (if any).',
        ),
      }),
    ),
    receiving: ReceivingAgency,
    form: Form,
    applicant: Applicant,
    submitter: Type.Optional(Submitter),
    documents: Type.Array(DocumentRequirement, {
      ...doc('Thành phần hồ sơ', 'Documents', 'Các giấy tờ phải nộp.', 'The documents to provide.'),
    }),
    fees: Fees,
    derived: Type.Optional(Derived),
    deadline: Type.Union([WorkingDuration, SameDayDeadline], {
      ...doc(
        'Thời hạn giải quyết',
        'Deadline',
        'Thời hạn giải quyết, tính từ khi tiếp nhận.',
        'The time allowed, counted from acceptance.',
      ),
    }),
    workflow: Workflow,
    report: Type.Optional(
      Type.Object(
        {
          responsibleAgency: Type.Optional(AgencyRef),
        },
        {
          additionalProperties: false,
          ...doc(
            'Báo cáo',
            'Reporting',
            'Cơ quan chịu trách nhiệm về kết quả (tính vào Biểu 06); mặc định là cơ quan tiếp nhận.',
            'The agency answerable for the result (counted in Biểu 06); the receiving agency by default.',
          ),
        },
      ),
    ),
    conditions: Type.Optional(
      Type.Array(NamedCondition, {
        ...doc(
          'Thư viện điều kiện',
          'Condition library',
          'Các điều kiện đặt tên để dùng lại trong giấy tờ, phí, bước và tờ khai.',
          'Named conditions reused by documents, fees, steps and the form.',
        ),
      }),
    ),
    scenarios: Type.Optional(
      Type.Array(TestScenario, {
        ...doc(
          'Tình huống kiểm thử',
          'Test scenarios',
          'Chạy lại sau mỗi lần sửa và trước khi công bố.',
          'Run after every edit and before publishing.',
        ),
      }),
    ),
  },
  {
    $id: 'https://motcua.github.io/schema/procedure.schema.json',
    additionalProperties: false,
    ...doc(
      'Thủ tục hành chính',
      'Administrative procedure',
      'Định nghĩa một phiên bản thủ tục hành chính của motcua.',
      'A motcua administrative procedure definition (one version).',
    ),
  },
);

export type Procedure = Static<typeof ProcedureSchema>;
export type LocalizedTextT = Procedure['title'];
export type DocumentRequirement = Procedure['documents'][number];
export type FeeItem = Procedure['fees']['items'][number];
export type PaymentInstructions = NonNullable<Procedure['fees']['payment']>;
export type DerivedValue = NonNullable<Procedure['derived']>[string];
export type DerivedDateOperand = Extract<DerivedValue, { kind: 'daysBetween' }>['from'];
export type FeeExemption = NonNullable<FeeItem['exemptions']>[number];
export type WorkflowStep = Procedure['workflow']['steps'][number];
export type WorkflowTransition = NonNullable<WorkflowStep['next']>[number];
export type Outcome = 'approved' | 'denied';
export type AgencyRef = WorkflowStep['agency'];
export type SimpleAgencyRef = Exclude<AgencyRef, { cases: unknown }>;
export type ReceivingRule = Procedure['receiving'];
export type Deadline = Procedure['deadline'];
export type WorkingDuration = NonNullable<WorkflowStep['budget']>;
export type ApplicantPointers = Procedure['applicant'];
export type PersonPointers = NonNullable<ApplicantPointers['person']>;
export type OrganizationPointers = NonNullable<ApplicantPointers['organization']>;
export type SubmitterPointers = NonNullable<Procedure['submitter']>;
export type NamedCondition = NonNullable<Procedure['conditions']>[number];
export type TestScenario = NonNullable<Procedure['scenarios']>[number];
export type ScenarioExpectation = TestScenario['expect'];

/** A draft-07 JSON Schema, as used for applicant forms and conditions. */
export type JsonSchema = boolean | JsonSchemaObject;
export interface JsonSchemaObject {
  [keyword: string]: unknown;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  title?: string;
  description?: string;
  format?: string;
}

/** A JSON Forms UI schema element (checked in depth by `validateProcedure`). */
export interface UISchemaElement {
  [key: string]: unknown;
  type: string;
  elements?: UISchemaElement[];
  scope?: string;
  label?: string | boolean;
  text?: string;
  rule?: {
    effect: 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE';
    condition: { scope: string; schema: JsonSchema; failWhenUndefined?: boolean };
  };
  options?: Record<string, unknown>;
}

/** Keeps the TypeBox schema type reachable for consumers that want to derive from it. */
export type ProcedureSchemaType = typeof ProcedureSchema & TSchema;
