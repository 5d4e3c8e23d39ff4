import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto, no native build). Stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>` so parameters can be raised later and old
 * hashes still verify (`needsRehash` tells when to upgrade at the next login).
 */
const DEFAULT = { logN: 15, r: 8, p: 1, keyLength: 32 };

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const maxmem = (logN: number, r: number) => 256 * 2 ** logN * r;

export async function hashPassword(password: string, params = DEFAULT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params.keyLength, {
    N: 2 ** params.logN,
    r: params.r,
    p: params.p,
    maxmem: maxmem(params.logN, params.r),
  });
  return `scrypt$${params.logN}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, logN, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: 2 ** Number(logN),
    r: Number(r),
    p: Number(p),
    maxmem: maxmem(Number(logN), Number(r)),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export function needsRehash(stored: string): boolean {
  const [, logN, r, p] = stored.split('$');
  return Number(logN) < DEFAULT.logN || Number(r) < DEFAULT.r || Number(p) < DEFAULT.p;
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(16).toString('hex')));
}

/** Password rules: long enough, not trivially short. Returns a message or null. */
export function passwordProblem(password: string): { vi: string; en: string } | null {
  if (password.length < 10)
    return { vi: 'Mật khẩu phải có ít nhất 10 ký tự', en: 'The password must have at least 10 characters' };
  if (password.length > 200)
    return { vi: 'Mật khẩu quá dài (tối đa 200 ký tự)', en: 'The password is too long (200 characters at most)' };
  return null;
}
