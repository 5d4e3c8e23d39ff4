/**
 * Applicants and form data of the demo's sample dossiers: plausible Vietnamese names, numbers and
 * answers for the three example procedures, drawn from a seeded generator so that every demo
 * database gets the same sample.
 */

/** A small deterministic PRNG (mulberry32): the same seed gives the same sample. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
export const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quốc', 'Thanh', 'Xuân'];
export const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Hương',
  'Khải',
  'Lụa',
  'Phước',
  'Ánh',
  'Ðạt',
  'Hà',
  'Sơn',
  'Tâm',
  'Yến',
  'Hưng',
  'Trang',
];
const STREETS = ['Trần Phú', 'Lê Lợi', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Quang Trung', 'Lý Thường Kiệt'];

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

export interface Person {
  fullName: string;
  idNumber: string;
  phone: string;
  address: string;
}

export function randomPerson(r: () => number): Person {
  return {
    fullName: `${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`,
    idNumber: `0${digits(r, 11)}`,
    phone: `09${digits(r, 8)}`,
    address: `Số ${1 + Math.floor(r() * 200)} đường ${pick(r, STREETS)}`,
  };
}

/** The example procedures' commune choices of a construction site (1.013225's `site.commune`). */
export const CONSTRUCTION_COMMUNE: Record<string, string> = {
  '000.20.01.H56': 'trung-tam',
  '000.20.02.H56': 'bac-thanh',
  '000.20.03.H56': 'dong-son',
  '000.20.04.H56': 'tay-hoa',
  '000.20.05.H56': 'nam-phong',
};

/** The example procedures the sample data covers. */
export const SAMPLE_PROCEDURES = ['1.001193', '1.001612', '1.013225'] as const;
export type SampleProcedure = (typeof SAMPLE_PROCEDURES)[number];

const isoDay = (instant: number) => new Date(instant + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * Valid form data of an example procedure for `person`, received by `commune`, filed at `at`
 * (a birth is dated before the filing: most within 60 days, free; some later, charged).
 */
export function sampleData(
  code: SampleProcedure,
  r: () => number,
  person: Person,
  commune: string,
  at: number,
): Record<string, unknown> {
  switch (code) {
    case '1.001193': {
      const daysOld = r() < 0.8 ? 3 + Math.floor(r() * 50) : 70 + Math.floor(r() * 300);
      return {
        requester: {
          fullName: person.fullName,
          idNumber: person.idNumber,
          relationship: r() < 0.6 ? 'cha' : 'me',
          address: person.address,
          phone: person.phone,
        },
        child: {
          fullName: `${person.fullName.split(' ')[0]} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`,
          sex: r() < 0.5 ? 'nam' : 'nu',
          birthDate: isoDay(at - daysOld * 86_400_000),
          birthPlace: 'Bệnh viện Đa khoa tỉnh',
          ethnicity: 'Kinh',
          nationality: 'Việt Nam',
          hometown: 'Xã Đông Sơn',
        },
        mother: {
          fullName: `${pick(r, FAMILY)} Thị ${pick(r, GIVEN)}`,
          birthDate: `19${85 + Math.floor(r() * 15)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}`,
          ethnicity: 'Kinh',
          nationality: 'Việt Nam',
          residence: person.address,
        },
        fatherKnown: false,
        birthEvidence: 'giay-chung-sinh',
        feeExemptionGroup: 'khong',
        extractCopies: Math.floor(r() * 3),
        filedByProxy: false,
      };
    }
    case '1.001612':
      return {
        owner: {
          fullName: person.fullName,
          idNumber: person.idNumber,
          birthDate: `19${70 + Math.floor(r() * 30)}-0${1 + Math.floor(r() * 9)}-0${1 + Math.floor(r() * 9)}`,
          sex: r() < 0.5 ? 'nam' : 'nu',
          residence: person.address,
          phone: person.phone,
        },
        business: {
          name: `Hộ kinh doanh ${pick(r, GIVEN)} ${pick(r, GIVEN)}`,
          address: `Số ${1 + Math.floor(r() * 99)} đường ${pick(r, STREETS)}`,
          commune,
          activities: [
            pick(r, [
              { code: '4711', description: 'Bán lẻ tạp hóa' },
              { code: '5610', description: 'Quán ăn, nhà hàng' },
              { code: '9631', description: 'Cắt tóc, gội đầu' },
            ]),
          ],
          capital: (1 + Math.floor(r() * 20)) * 10_000_000,
        },
        registrationType: 'ca-nhan',
        filedByProxy: false,
      };
    case '1.013225': {
      const floors = r() < 0.25 ? 7 : 2 + Math.floor(r() * 4);
      return {
        investor: {
          fullName: person.fullName,
          idNumber: person.idNumber,
          address: person.address,
          phone: person.phone,
        },
        site: {
          commune: CONSTRUCTION_COMMUNE[commune]!,
          address: `Lô ${1 + Math.floor(r() * 40)} khu dân cư mới`,
          mapSheet: 1 + Math.floor(r() * 9),
          parcel: 1 + Math.floor(r() * 300),
          landArea: 80 + Math.floor(r() * 120),
          inPlannedArea: true,
        },
        building: {
          floors,
          basement: false,
          footprint: 70,
          totalFloorArea: 70 * floors,
          height: 3.5 * floors,
          adjoinsExisting: false,
        },
        commitment: true,
        filedByProxy: false,
      };
    }
  }
}
