import type { LocalizedText } from '../i18n/text.ts';

/**
 * Agency kinds are data: a province can define its own. `level` orders administrative levels
 * (1 = central/province at the top); kinds at the same level may differ (a department and the
 * people's committee are both provincial).
 */
export interface AgencyKind {
  id: string;
  title: LocalizedText;
  level: number;
}

/** Since 1 July 2025: two local levels (province, commune). */
export const AGENCY_KINDS_2025: readonly AgencyKind[] = [
  { id: 'province', title: { vi: 'UBND tỉnh, thành phố', en: 'Provincial People\u2019s Committee' }, level: 1 },
  { id: 'province-department', title: { vi: 'Sở, ban, ngành cấp tỉnh', en: 'Provincial department' }, level: 1 },
  {
    id: 'public-service-centre',
    title: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public administration service centre' },
    level: 1,
  },
  { id: 'commune', title: { vi: 'UBND xã, phường, đặc khu', en: 'Commune People\u2019s Committee' }, level: 2 },
];

/** Before 1 July 2025: three local levels (province, district, commune). */
export const AGENCY_KINDS_2008: readonly AgencyKind[] = [
  { id: 'province', title: { vi: 'UBND tỉnh, thành phố', en: 'Provincial People\u2019s Committee' }, level: 1 },
  { id: 'province-department', title: { vi: 'Sở, ban, ngành cấp tỉnh', en: 'Provincial department' }, level: 1 },
  {
    id: 'public-service-centre',
    title: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public administration service centre' },
    level: 1,
  },
  {
    id: 'district',
    title: { vi: 'UBND huyện, quận, thị xã, thành phố thuộc tỉnh', en: 'District People\u2019s Committee' },
    level: 2,
  },
  { id: 'district-office', title: { vi: 'Phòng chuyên môn cấp huyện', en: 'District office' }, level: 2 },
  { id: 'commune', title: { vi: 'UBND xã, phường, thị trấn', en: 'Commune People\u2019s Committee' }, level: 3 },
];
