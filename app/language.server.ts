import { createCookie } from "@remix-run/node";
import { translator, type Namespace } from "./domain/i18n";
import { DEFAULT_LANG, isLang, type Lang } from "./domain/language";

/**
 * The reader's language: `?lang=cy` in the address (the switcher's links, a respondent link
 * sent in Welsh), else the cookie it was remembered in, else English. The cookie holds only
 * the language code, for a year.
 */
export const langCookie = createCookie("lang", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 365 * 86400,
});

export async function detectLang(request: Request): Promise<{ lang: Lang; fromUrl: boolean; remembered: Lang | null }> {
  const asked = new URL(request.url).searchParams.get("lang");
  const stored: unknown = await langCookie.parse(request.headers.get("Cookie"));
  const remembered = isLang(stored) ? stored : null;
  if (isLang(asked)) return { lang: asked, fromUrl: true, remembered };
  return { lang: remembered ?? DEFAULT_LANG, fromUrl: false, remembered };
}

/** The language of a request, for an action's messages. */
export async function langOf(request: Request): Promise<Lang> {
  return (await detectLang(request)).lang;
}

/** A translator for the request's language (an action's validation messages). */
export async function requestT(request: Request, ns: Namespace = "common") {
  return translator(await langOf(request), ns);
}
