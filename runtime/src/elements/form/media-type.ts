/** "application/pdf" → "PDF", "image/jpeg" → "JPEG": how the accepted types are named to people. */
export function typeName(mediaType: string): string {
  const sub = mediaType.split('/')[1] ?? mediaType;
  const known: Record<string, string> = {
    pdf: 'PDF',
    jpeg: 'JPEG',
    png: 'PNG',
    gif: 'GIF',
    webp: 'WebP',
    tiff: 'TIFF',
    zip: 'ZIP',
    'vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
    msword: 'Word (.doc)',
  };
  return known[sub] ?? sub.toUpperCase();
}

export function formatBytes(bytes: number, lang: 'vi' | 'en'): string {
  const n = (x: number) => x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${n(bytes / 1024)} KB`;
  return `${n(bytes / (1024 * 1024))} MB`;
}
