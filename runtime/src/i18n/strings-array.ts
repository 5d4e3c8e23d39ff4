/**
 * The words of the array views in Vietnamese: a part of the one string table (strings.ts), in the
 * chunk of the views that show them (their English is in strings-en.ts).
 */
export const ARRAY_WORDS_VI = {
  arrayAdd: 'Thêm {label}',
  arrayItem: '{label} thứ {n}',
  arrayRemoveLabel: 'Xóa {item}',
  arrayUp: 'Lên',
  arrayUpLabel: 'Chuyển {item} lên trên',
  arrayDown: 'Xuống',
  arrayDownLabel: 'Chuyển {item} xuống dưới',
  arrayEmpty: 'Chưa có mục nào.',
  arrayDefaultItem: 'Mục',
} satisfies Record<string, string>;

export type ArrayWordKey = keyof typeof ARRAY_WORDS_VI;
