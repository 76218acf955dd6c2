import { createCookie } from "@remix-run/node";

/**
 * The `name=value` pair a browser sends for a token cookie set by the app (Remix's
 * `createCookie` encoding), for tests that sign in or join by writing rows directly.
 */
export async function cookiePair(name: string, token: string): Promise<string> {
  return (await createCookie(name).serialize(token)).split(";")[0]!;
}

/** The token inside a `name=value` pair (or a Set-Cookie header) the app sent. */
export async function tokenOf(pairOrSetCookie: string): Promise<string | null> {
  const pair = pairOrSetCookie.split(";")[0]!;
  const name = pair.slice(0, pair.indexOf("="));
  const value: unknown = await createCookie(name).parse(pair);
  return typeof value === "string" ? value : null;
}
