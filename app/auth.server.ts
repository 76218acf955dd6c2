import { redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database, User } from "../db/schema";
import { randomToken, sha256 } from "./crypto.server";
import { getDb, now } from "./db.server";

export const SESSION_DAYS = 7;
const COOKIE = "__session";

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(/;\s*/)) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq) === name) return decodeURIComponent(part.slice(eq + 1));
  }
  return null;
}
export { readCookie };

export function isHttps(request: Request) {
  return new URL(request.url).protocol === "https:" || request.headers.get("X-Forwarded-Proto") === "https";
}

export function cookieHeader(request: Request, name: string, value: string, maxAgeSeconds: number, pathScope = "/") {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${pathScope}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
    ...(isHttps(request) ? ["Secure"] : []),
  ].join("; ");
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
  const token = readCookie(request, COOKIE);
  if (token) {
    const db = await getDb();
    await db.deleteFrom("sessions").where("id", "=", sha256(token)).execute();
  }
  return cookieHeader(request, COOKIE, "", 0);
}

export type SessionUser = Pick<User, "id" | "email" | "name" | "is_admin">;

export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = readCookie(request, COOKIE);
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
