/**
 * The words of the wizard in Vietnamese: a part of the one string table (strings.ts), in the
 * chunk of the view that shows them (their English is in strings-en.ts).
 */
export const WIZARD_WORDS_VI = {
  wizardSteps: 'Các bước',
  wizardProgress: 'Bước {n} trên {count}',
  wizardBack: 'Quay lại',
  wizardNext: 'Tiếp tục',
  wizardDone: 'đã xong',
  wizardAttention: 'còn lỗi cần sửa',
} satisfies Record<string, string>;

export type WizardWordKey = keyof typeof WIZARD_WORDS_VI;
