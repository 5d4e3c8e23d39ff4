import type { Message } from '../i18n/text.ts';
import type { SchemaError } from './evaluator.ts';

/**
 * Vietnamese and English messages for JSON Schema keywords. ajv ships no Vietnamese locale, so
 * this table is ours; every host (server, runtime, designer, CLI) localises errors through it.
 */
type P = Record<string, unknown>;
const FORMATS: Record<string, Message> = {
  email: { vi: 'địa chỉ thư điện tử', en: 'an email address' },
  date: { vi: 'ngày (YYYY-MM-DD)', en: 'a date (YYYY-MM-DD)' },
  time: { vi: 'giờ (HH:MM)', en: 'a time (HH:MM)' },
  'date-time': { vi: 'ngày giờ', en: 'a date and time' },
  uri: { vi: 'đường dẫn', en: 'a URI' },
  uuid: { vi: 'mã UUID', en: 'a UUID' },
};

const TABLE: Record<string, (p: P) => Message> = {
  required: (p) => ({
    vi: `Thiếu trường bắt buộc "${p.missingProperty}"`,
    en: `Required field "${p.missingProperty}" is missing`,
  }),
  type: (p) => ({ vi: `Phải có kiểu ${typeVi(p.type)}`, en: `Must be of type ${String(p.type)}` }),
  minLength: (p) => ({ vi: `Phải có ít nhất ${p.limit} ký tự`, en: `Must have at least ${p.limit} characters` }),
  maxLength: (p) => ({ vi: `Không được quá ${p.limit} ký tự`, en: `Must have at most ${p.limit} characters` }),
  minimum: (p) => ({ vi: `Phải lớn hơn hoặc bằng ${p.limit}`, en: `Must be ≥ ${p.limit}` }),
  maximum: (p) => ({ vi: `Phải nhỏ hơn hoặc bằng ${p.limit}`, en: `Must be ≤ ${p.limit}` }),
  exclusiveMinimum: (p) => ({ vi: `Phải lớn hơn ${p.limit}`, en: `Must be > ${p.limit}` }),
  exclusiveMaximum: (p) => ({ vi: `Phải nhỏ hơn ${p.limit}`, en: `Must be < ${p.limit}` }),
  multipleOf: (p) => ({ vi: `Phải là bội số của ${p.multipleOf}`, en: `Must be a multiple of ${p.multipleOf}` }),
  pattern: () => ({ vi: 'Không đúng định dạng', en: 'Does not match the expected pattern' }),
  format: (p) => {
    const f = FORMATS[String(p.format)];
    return f
      ? { vi: `Phải là ${f.vi}`, en: `Must be ${f.en}` }
      : { vi: `Không đúng định dạng ${p.format}`, en: `Must match format "${p.format}"` };
  },
  enum: () => ({ vi: 'Phải là một trong các giá trị cho phép', en: 'Must be one of the allowed values' }),
  const: () => ({ vi: 'Không đúng giá trị yêu cầu', en: 'Must equal the required value' }),
  minItems: (p) => ({ vi: `Phải có ít nhất ${p.limit} mục`, en: `Must have at least ${p.limit} items` }),
  maxItems: (p) => ({ vi: `Không được quá ${p.limit} mục`, en: `Must have at most ${p.limit} items` }),
  uniqueItems: (p) => ({ vi: `Các mục ${p.j} và ${p.i} bị trùng`, en: `Items ${p.j} and ${p.i} are duplicates` }),
  minProperties: (p) => ({
    vi: `Phải có ít nhất ${p.limit} thuộc tính`,
    en: `Must have at least ${p.limit} properties`,
  }),
  maxProperties: (p) => ({ vi: `Không được quá ${p.limit} thuộc tính`, en: `Must have at most ${p.limit} properties` }),
  additionalProperties: (p) => ({
    vi: `Không được có thuộc tính "${p.additionalProperty}"`,
    en: `Must not have property "${p.additionalProperty}"`,
  }),
  propertyNames: (p) => ({
    vi: `Tên thuộc tính "${p.propertyName}" không hợp lệ`,
    en: `Property name "${p.propertyName}" is invalid`,
  }),
  dependencies: (p) => ({
    vi: `Khi có "${p.property}" thì phải có "${p.missingProperty}"`,
    en: `"${p.missingProperty}" is required when "${p.property}" is present`,
  }),
  anyOf: () => ({ vi: 'Không khớp với lựa chọn nào được phép', en: 'Must match one of the allowed forms' }),
  oneOf: () => ({ vi: 'Phải khớp đúng một lựa chọn được phép', en: 'Must match exactly one allowed form' }),
  not: () => ({ vi: 'Không được khớp với lược đồ bị cấm', en: 'Must not match the forbidden schema' }),
  if: (p) => ({ vi: `Phải khớp nhánh "${p.failingKeyword}"`, en: `Must match the "${p.failingKeyword}" branch` }),
  contains: () => ({ vi: 'Phải chứa ít nhất một mục hợp lệ', en: 'Must contain at least one valid item' }),
  'false schema': () => ({ vi: 'Giá trị không được phép', en: 'Value not allowed' }),
};

function typeVi(t: unknown): string {
  const names: Record<string, string> = {
    string: 'chuỗi',
    number: 'số',
    integer: 'số nguyên',
    boolean: 'đúng/sai',
    object: 'đối tượng',
    array: 'danh sách',
    null: 'rỗng',
  };
  return String(t)
    .split(',')
    .map((x) => names[x] ?? x)
    .join(' hoặc ');
}

/** The message for one schema error, in both languages. */
export function schemaErrorMessage(error: SchemaError): Message {
  const f = TABLE[error.keyword];
  if (f) return f(error.params ?? {});
  return {
    vi: `Giá trị không hợp lệ (${error.keyword})`,
    en: error.message ? `Invalid value: ${error.message}` : `Invalid value (${error.keyword})`,
  };
}

/** The JSON pointer an error is about: a missing property points at the property itself. */
export function schemaErrorPointer(error: SchemaError): string {
  const base = error.instancePath ?? '';
  if (error.keyword === 'required' && typeof error.params?.missingProperty === 'string') {
    return `${base}/${escapePointer(error.params.missingProperty)}`;
  }
  if (error.keyword === 'dependencies' && typeof error.params?.missingProperty === 'string') {
    return `${base}/${escapePointer(error.params.missingProperty)}`;
  }
  return base;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
