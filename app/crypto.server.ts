import crypto from "node:crypto";
import { promisify } from "node:util";

/**
 * Ids, tokens and hashes: the only randomness and hashing the models need, kept apart from
 * the session code (auth.server.ts imports Remix) so that a model imports Node alone.
 */

/** A random token of 256 bits, URL-safe: invitation links, resume links, sessions, resets. */
export const randomToken = () => crypto.randomBytes(32).toString("base64url");

/** Hex SHA-256: the database keeps only the hash of a secret token. */
export const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** A new row id (UUID v4). */
export const newId = () => crypto.randomUUID();

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

// scrypt is memory-hard (N=2^15, r=8: 32 MiB per hash), built into Node: no native addon.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against an account's hash, or, when there is no such account, against a
 * throwaway hash, so that signing in takes as long for an unknown email as for a known one.
 */
export async function verifyPasswordOrDummy(password: string, stored: string | undefined): Promise<boolean> {
  if (stored !== undefined) return verifyPassword(password, stored);
  dummyHash ??= hashPassword(randomToken());
  await verifyPassword(password, await dummyHash);
  return false;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await scrypt(password.normalize("NFKC"), Buffer.from(salt, "base64"), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return crypto.timingSafeEqual(actual, expected);
}
