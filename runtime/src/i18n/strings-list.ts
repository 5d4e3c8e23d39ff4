/**
 * The words of the list with detail (ListWithDetail) in Vietnamese: a part of the one string table
 * (strings.ts), in the chunk of the view that shows them (their English is in strings-en.ts).
 */
export const LIST_WORDS_VI = {
  listAdd: 'Thêm {label}',
  listItem: '{label} thứ {n}',
  listItems: 'Danh sách {label}',
  listShow: 'Xem {item}',
  listUpLabel: 'Chuyển {item} lên trên',
  listDownLabel: 'Chuyển {item} xuống dưới',
  listRemoveLabel: 'Xóa {item}',
  listEmpty: 'Chưa có mục nào.',
  listDefaultItem: 'Mục',
} satisfies Record<string, string>;

export type ListWordKey = keyof typeof LIST_WORDS_VI;
