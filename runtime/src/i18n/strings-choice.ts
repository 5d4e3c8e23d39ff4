/**
 * The words of the alternatives' views (oneOf / anyOf) in Vietnamese: a part of the one string
 * table (strings.ts), in the chunk of the views that show them (their English is in strings-en.ts).
 */
export const CHOICE_WORDS_VI = {
  choiceLabel: 'Chọn trường hợp',
  choiceAlternative: 'Trường hợp {n}',
  choiceKept: 'Thông tin đã khai cho trường hợp khác được giữ lại nếu bạn chọn lại trường hợp đó.',
} satisfies Record<string, string>;

export type ChoiceWordKey = keyof typeof CHOICE_WORDS_VI;
