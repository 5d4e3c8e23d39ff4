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
// Middle and given names follow the person's sex, as a clerk would expect on a form.
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Xuân', 'Công'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Xuân', 'Mỹ'];
const GIVEN_MALE = ['An', 'Bình', 'Dũng', 'Khải', 'Phước', 'Đạt', 'Sơn', 'Hưng', 'Tuấn', 'Hùng'];
const GIVEN_FEMALE = ['Hương', 'Lụa', 'Ánh', 'Hà', 'Tâm', 'Yến', 'Trang', 'Châu', 'Lan', 'Mai'];
/** Every middle and given name a sample person may have (for tests that search names). */
export const MIDDLE = [...new Set([...MIDDLE_MALE, ...MIDDLE_FEMALE])];
export const GIVEN = [...GIVEN_MALE, ...GIVEN_FEMALE];
const STREETS = ['Trần Phú', 'Lê Lợi', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Quang Trung', 'Lý Thường Kiệt'];

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

export type Sex = 'nam' | 'nu';

export interface Person {
  fullName: string;
  sex: Sex;
  idNumber: string;
  phone: string;
  address: string;
}

/** A name of `sex`, in the family `family` when given (a child takes the father's). */
export function randomName(r: () => number, sex: Sex, family = pick(r, FAMILY)): string {
  return sex === 'nam'
    ? `${family} ${pick(r, MIDDLE_MALE)} ${pick(r, GIVEN_MALE)}`
    : `${family} ${pick(r, MIDDLE_FEMALE)} ${pick(r, GIVEN_FEMALE)}`;
}

export function randomPerson(r: () => number): Person {
  const sex: Sex = r() < 0.5 ? 'nam' : 'nu';
  return {
    fullName: randomName(r, sex),
    sex,
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
const DAY = 86_400_000;

/** Choices a scenario may fix instead of leaving them to chance. */
export interface SampleChoices {
  /** Birth registration: registered late or with extra copies (a charge), or on time without (free). */
  charged?: boolean;
  /** Construction permit: storeys (7 or more goes to the Department of Construction). */
  floors?: number;
}

/** A date of birth `minAge`–`maxAge` years before `at`, never the 29th–31st. */
function birthDate(r: () => number, at: number, minAge: number, maxAge: number): string {
  const year = new Date(at).getUTCFullYear() - minAge - Math.floor(r() * (maxAge - minAge));
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

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
  choices: SampleChoices = {},
): Record<string, unknown> {
  switch (code) {
    case '1.001193': {
      const charged = choices.charged ?? r() < 0.3;
      const late = charged && (choices.charged === undefined || r() < 0.7);
      const daysOld = late ? 70 + Math.floor(r() * 300) : 3 + Math.floor(r() * 50);
      // The person filing is the father or the mother; the child takes the father's family name.
      const other: Person = {
        ...person,
        sex: person.sex === 'nam' ? 'nu' : 'nam',
        fullName: randomName(r, person.sex === 'nam' ? 'nu' : 'nam'),
        idNumber: `0${digits(r, 11)}`,
      };
      const [father, mother] = person.sex === 'nam' ? [person, other] : [other, person];
      const sex: Sex = r() < 0.5 ? 'nam' : 'nu';
      const parent = (p: Person) => ({
        fullName: p.fullName,
        birthDate: birthDate(r, at, 22, 40),
        ethnicity: 'Kinh',
        nationality: 'Việt Nam',
        residence: person.address,
      });
      return {
        requester: {
          fullName: person.fullName,
          idNumber: person.idNumber,
          relationship: person.sex === 'nam' ? 'cha' : 'me',
          address: person.address,
          phone: person.phone,
        },
        child: {
          fullName: randomName(r, sex, father.fullName.split(' ')[0]),
          sex,
          birthDate: isoDay(at - daysOld * DAY),
          birthPlace: 'Bệnh viện Đa khoa tỉnh',
          ethnicity: 'Kinh',
          nationality: 'Việt Nam',
          hometown: 'Xã Đông Sơn',
        },
        mother: parent(mother),
        fatherKnown: true,
        father: { ...parent(father), idNumber: father.idNumber },
        birthEvidence: 'giay-chung-sinh',
        feeExemptionGroup: 'khong',
        extractCopies: charged && !late ? 1 + Math.floor(r() * 2) : charged ? Math.floor(r() * 3) : 0,
        filedByProxy: false,
      };
    }
    case '1.001612': {
      // The household business is named after its trade and its owner, as signboards are.
      const [trade, activity] = pick(r, [
        ['Tạp hóa', { code: '4711', description: 'Bán lẻ tạp hóa' }],
        ['Quán ăn', { code: '5610', description: 'Quán ăn, nhà hàng' }],
        ['Tiệm tóc', { code: '9631', description: 'Cắt tóc, gội đầu' }],
      ] as const);
      return {
        owner: {
          fullName: person.fullName,
          idNumber: person.idNumber,
          birthDate: birthDate(r, at, 22, 55),
          sex: person.sex,
          residence: person.address,
          phone: person.phone,
        },
        business: {
          name: `Hộ kinh doanh ${trade} ${person.fullName.split(' ').at(-1)}`,
          address: `Số ${1 + Math.floor(r() * 99)} đường ${pick(r, STREETS)}`,
          commune,
          activities: [{ ...activity }],
          capital: (1 + Math.floor(r() * 20)) * 10_000_000,
        },
        registrationType: 'ca-nhan',
        filedByProxy: false,
      };
    }
    case '1.013225': {
      const floors = choices.floors ?? (r() < 0.25 ? 7 : 2 + Math.floor(r() * 4));
      const landArea = 80 + Math.floor(r() * 120);
      // The footprint fits on the parcel (at most 90 % of it, as building-density rules allow).
      const footprint = Math.min(landArea - 5, 60 + Math.floor(r() * 30));
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
          landArea,
          inPlannedArea: true,
        },
        building: {
          floors,
          basement: false,
          footprint,
          totalFloorArea: footprint * floors,
          height: Math.round(floors * 36) / 10,
          adjoinsExisting: false,
        },
        commitment: true,
        filedByProxy: false,
      };
    }
  }
}
