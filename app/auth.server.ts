import { createCookie, redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database, User } from "../db/schema";
import { randomToken, sha256 } from "./crypto.server";
import { getDb, now } from "./db.server";

export const SESSION_DAYS = 7;
const COOKIE = "__session";

/**
 * A cookie holding one random token, http-only and same-site, read and written by Remix's
 * `createCookie`: a malformed Cookie header (bad percent-encoding, a value that is not ours)
 * reads as no cookie, never as an error. The token is random and the database keeps only its
 * hash, so the cookie needs no signature.
 */
function tokenCookie(name: string, maxAgeSeconds: number, pathScope = "/") {
  return createCookie(name, { httpOnly: true, sameSite: "lax", path: pathScope, maxAge: maxAgeSeconds });
}

/** The token in the named cookie, or null when it is absent or malformed. */
export async function readCookie(request: Request, name: string): Promise<string | null> {
  const value: unknown = await tokenCookie(name, 0).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 && value.length <= 200 ? value : null;
}

export function isHttps(request: Request) {
  return new URL(request.url).protocol === "https:" || request.headers.get("X-Forwarded-Proto") === "https";
}

/** The Set-Cookie header for a token cookie (Secure over HTTPS); an empty value with 0 seconds clears it. */
export function cookieHeader(request: Request, name: string, value: string, maxAgeSeconds: number, pathScope = "/") {
  return tokenCookie(name, maxAgeSeconds, pathScope).serialize(value, { secure: isHttps(request) });
}

/** Starts a session and returns the Set-Cookie header. The database keeps only the token's hash. */
export async function createSession(request: Request, userId: string, db?: Kysely<Database>) {
  const database = db ?? (await getDb());
  const token = randomToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 86400_000);
  await database
    .insertInto("sessions")
    .values({ id: sha256(token), user_id: userId, created_at: now(), expires_at: expires.toISOString() })
    .execute();
  return cookieHeader(request, COOKIE, token, SESSION_DAYS * 86400);
}

export async function destroySession(request: Request) {
  const token = await readCookie(request, COOKIE);
  if (token) {
    const db = await getDb();
    await db.deleteFrom("sessions").where("id", "=", sha256(token)).execute();
  }
  return cookieHeader(request, COOKIE, "", 0);
}

export type SessionUser = Pick<User, "id" | "email" | "name" | "is_admin">;

export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = await readCookie(request, COOKIE);
  if (!token) return null;
  const db = await getDb();
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.email", "users.name", "users.is_admin", "sessions.expires_at"])
    .where("sessions.id", "=", sha256(token))
    .executeTakeFirst();
  if (!row || row.expires_at < now()) return null;
  return { id: row.id, email: row.email, name: row.name, is_admin: row.is_admin };
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}
