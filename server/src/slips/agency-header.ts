import { VIETNAM_TIME_ZONE } from '@motcua/core';
import type { AgencySnapshot } from '../agency-directory/cache.ts';
import type { AgencyHeader } from './slip-data.ts';

const PREFIXES = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/iu;
const LOCALITY = /^(tỉnh|thành phố|phường|xã|thị trấn|đặc khu|quận|huyện|thị xã)\s+/iu;

/**
 * The place name of an agency's date line ("Trung Tâm, ngày … tháng … năm …"): a locality's name
 * without its kind; a department or centre dates its papers where its parent sits.
 */
export function placeOf(snap: AgencySnapshot, code: string): string {
  const seen = new Set<string>();
  let current: string | null = code;
  while (current && !seen.has(current)) {
    seen.add(current);
    const r = snap.records.get(current);
    if (!r) break;
    const name = r.name.vi.normalize('NFC').trim();
    const bare = name.replace(PREFIXES, '');
    const place = bare.replace(LOCALITY, '').trim();
    if (LOCALITY.test(bare) && place) return place;
    current = r.parent;
  }
  return snap.records.get(code)?.name.vi ?? code;
}

/** The letterhead of a slip issued by `code`: the agency and the body above it. */
export function agencyHeader(snap: AgencySnapshot, code: string): AgencyHeader {
  const r = snap.records.get(code);
  const parent = r?.parent ? snap.records.get(r.parent) : undefined;
  return {
    ...(parent ? { parentName: parent.name.vi } : {}),
    name: r?.name.vi ?? code,
    place: placeOf(snap, code),
    timeZone: r?.timeZone ?? VIETNAM_TIME_ZONE,
  };
}

/** The signer's title on letters, by the agency's kind (printed data; the name is the acting leader's). */
export function signerTitle(snap: AgencySnapshot, code: string): string {
  const kind = snap.records.get(code)?.kind ?? '';
  if (kind === 'province' || kind === 'commune' || kind === 'district') return 'CHỦ TỊCH';
  if (kind === 'province-department' || kind === 'public-service-centre' || kind === 'district-office')
    return 'GIÁM ĐỐC';
  return 'THỦ TRƯỞNG CƠ QUAN';
}
