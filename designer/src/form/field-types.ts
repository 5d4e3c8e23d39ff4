/**
 * The palette: every kind of field the runtime's renderers show, each with the schema and UI
 * schema it adds. `renderer` names the entry of core's renderability table that will render it
 * (a test checks each one against `rendererFor`), so the palette offers nothing the citizen's
 * browser could only show as "unsupported".
 */
import type { JsonSchemaObject, RendererName, UISchemaElement } from '@motcua/core';

export interface Text {
  vi: string;
  en: string;
}

export interface FieldType {
  id: string;
  label: Text;
  /** Extra words the palette search matches (both languages). */
  keywords: string;
  renderer: RendererName;
  /** 'control' binds a new property; 'layout' groups other elements; 'page' is one step of a wizard. */
  kind: 'control' | 'layout' | 'page';
  schema?: () => JsonSchemaObject;
  options?: Record<string, unknown>;
}

const choices = (): JsonSchemaObject => ({
  type: 'string',
  oneOf: [
    { const: 'lua-chon-1', title: 'Lựa chọn 1 / Option 1' },
    { const: 'lua-chon-2', title: 'Lựa chọn 2 / Option 2' },
  ],
});

export const FIELD_TYPES: readonly FieldType[] = [
  {
    id: 'text',
    label: { vi: 'Chữ (một dòng)', en: 'Text' },
    keywords: 'van ban chu text string',
    renderer: 'text',
    kind: 'control',
    schema: () => ({ type: 'string', maxLength: 200 }),
  },
  {
    id: 'textarea',
    label: { vi: 'Đoạn văn (nhiều dòng)', en: 'Long text' },
    keywords: 'doan van nhieu dong multiline paragraph',
    renderer: 'multiline',
    kind: 'control',
    schema: () => ({ type: 'string', maxLength: 2000 }),
    options: { multi: true },
  },
  {
    id: 'number',
    label: { vi: 'Số', en: 'Number' },
    keywords: 'so thap phan number decimal',
    renderer: 'number',
    kind: 'control',
    schema: () => ({ type: 'number' }),
  },
  {
    id: 'integer',
    label: { vi: 'Số nguyên', en: 'Whole number' },
    keywords: 'so nguyen integer count',
    renderer: 'integer',
    kind: 'control',
    schema: () => ({ type: 'integer', minimum: 0 }),
  },
  {
    id: 'boolean',
    label: { vi: 'Có/Không', en: 'Yes/no' },
    keywords: 'co khong yes no boolean checkbox',
    renderer: 'boolean',
    kind: 'control',
    schema: () => ({ type: 'boolean' }),
  },
  {
    id: 'select',
    label: { vi: 'Lựa chọn (danh sách thả xuống)', en: 'Choice (drop-down)' },
    keywords: 'lua chon chon select dropdown choice enum',
    renderer: 'oneof-enum',
    kind: 'control',
    schema: choices,
  },
  {
    id: 'radio',
    label: { vi: 'Lựa chọn (nút chọn)', en: 'Choice (radio buttons)' },
    keywords: 'lua chon nut radio choice',
    renderer: 'oneof-enum-radio',
    kind: 'control',
    schema: choices,
    options: { format: 'radio' },
  },
  {
    id: 'date',
    label: { vi: 'Ngày', en: 'Date' },
    keywords: 'ngay thang nam date',
    renderer: 'date',
    kind: 'control',
    schema: () => ({ type: 'string', format: 'date' }),
  },
  {
    id: 'time',
    label: { vi: 'Giờ', en: 'Time' },
    keywords: 'gio phut time',
    renderer: 'time',
    kind: 'control',
    schema: () => ({ type: 'string', format: 'time' }),
  },
  {
    id: 'date-time',
    label: { vi: 'Ngày và giờ', en: 'Date and time' },
    keywords: 'ngay gio datetime',
    renderer: 'date-time',
    kind: 'control',
    schema: () => ({ type: 'string', format: 'date-time' }),
  },
  {
    id: 'email',
    label: { vi: 'Thư điện tử', en: 'Email' },
    keywords: 'thu dien tu email mail',
    renderer: 'email',
    kind: 'control',
    schema: () => ({ type: 'string', format: 'email', maxLength: 254 }),
  },
  {
    id: 'phone',
    label: { vi: 'Số điện thoại', en: 'Phone number' },
    keywords: 'dien thoai phone mobile',
    renderer: 'text',
    kind: 'control',
    schema: () => ({ type: 'string', pattern: '^0[0-9]{9}$', examples: ['0912345678'] }),
  },
  {
    id: 'id-number',
    label: { vi: 'Số định danh cá nhân', en: 'Personal ID number' },
    keywords: 'so dinh danh can cuoc cccd id number',
    renderer: 'text',
    kind: 'control',
    schema: () => ({ type: 'string', pattern: '^[0-9]{12}$', examples: ['001203004567'] }),
  },
  {
    id: 'group',
    label: { vi: 'Nhóm trường', en: 'Group' },
    keywords: 'nhom group section',
    renderer: 'group',
    kind: 'layout',
  },
  {
    id: 'array',
    label: { vi: 'Nhóm lặp lại (danh sách)', en: 'Repeatable group' },
    keywords: 'lap lai danh sach repeat list array table',
    renderer: 'object-array',
    kind: 'control',
    schema: () => ({ type: 'array', minItems: 0, maxItems: 20, items: { type: 'object', properties: {} } }),
  },
  {
    id: 'page',
    label: { vi: 'Trang (bước)', en: 'Page (step)' },
    keywords: 'trang buoc page step wizard',
    renderer: 'category',
    kind: 'page',
  },
];

export const fieldType = (id: string): FieldType | undefined => FIELD_TYPES.find((t) => t.id === id);

/** Accents removed and lower-cased, so "ngay" finds "Ngày". */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** The palette entries matching `query` in either language, in palette order. */
export function searchFieldTypes(query: string): FieldType[] {
  const q = fold(query.trim());
  if (!q) return [...FIELD_TYPES];
  return FIELD_TYPES.filter((t) => fold(`${t.label.vi} ${t.label.en} ${t.keywords}`).includes(q));
}

/** The UI schema element a new field of `type` adds, its scope given. */
export function newElement(type: FieldType, scope: string | undefined, label: string): UISchemaElement {
  if (type.kind === 'page') return { type: 'Category', label, elements: [] };
  if (type.kind === 'layout') return { type: 'Group', label, elements: [] };
  const options =
    type.id === 'array'
      ? { detail: { type: 'VerticalLayout', elements: [] } }
      : type.options
        ? { ...type.options }
        : undefined;
  return { type: 'Control', scope: scope!, ...(options ? { options } : {}) };
}
