import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { createI18n, translator, type Namespace } from "../domain/i18n";
import { DEFAULT_LANG, isLang, LANGUAGE_NAMES, LANGUAGES, type Lang } from "../domain/language";

/**
 * The page's words in the reader's language. The root loader decides the language (URL, then
 * cookie); the server renders in it and the browser hydrates with the same messages, so the
 * page never shows the wrong language first.
 */
export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(lang), [lang]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/** The page's language, from the root loader. */
export function useLang(): Lang {
  const data = useRouteLoaderData<{ lang?: string }>("root");
  return isLang(data?.lang) ? data.lang : DEFAULT_LANG;
}

/** `t` for a namespace, and the page's language. */
export function useT(ns: Namespace = "common") {
  const { t } = useTranslation(ns);
  return { t, lang: useLang() };
}

/** The value of `lang` on an element: Welsh as "cy", English as "en-GB". */
export const htmlLang = (lang: Lang) => (lang === "cy" ? "cy" : "en-GB");

/** A translator for a route's `meta` (which runs outside React): the language from the root's data. */
export function metaT(matches: readonly { id: string; data?: unknown }[], ns: Namespace = "common") {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: string } | undefined;
  return translator(isLang(root?.lang) ? root.lang : DEFAULT_LANG, ns);
}

/**
 * The language switcher: a plain link to the same page with `?lang=`, so it works before (or
 * without) JavaScript; the server remembers the choice in a cookie. Each name is in its own
 * language, marked with `lang`.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { t, lang } = useT();
  const location = useLocation();
  return (
    <nav aria-label={t("language.switcher")} className={className ?? "language-switcher"}>
      <ul>
        {LANGUAGES.filter((l) => l !== lang).map((other) => {
          const search = new URLSearchParams(location.search);
          search.set("lang", other);
          return (
            <li key={other}>
              <a href={`${location.pathname}?${search.toString()}`} lang={htmlLang(other)} hrefLang={htmlLang(other)}>
                {LANGUAGE_NAMES[other]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
