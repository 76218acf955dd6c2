import i18next, { type i18n as I18n, type TFunction } from "i18next";
import type { Lang } from "../language";
import cyAccount from "./messages/cy/account";
import cyAdmin from "./messages/cy/admin";
import cyCommon from "./messages/cy/common";
import cyConsole from "./messages/cy/console";
import cyExports from "./messages/cy/exports";
import cyReport from "./messages/cy/report";
import cyRespondent from "./messages/cy/respondent";
import cyServer from "./messages/cy/server";
import cySite from "./messages/cy/site";
import cyStaff from "./messages/cy/staff";
import cyWorkshop from "./messages/cy/workshop";
import enAccount from "./messages/en/account";
import enAdmin from "./messages/en/admin";
import enCommon from "./messages/en/common";
import enConsole from "./messages/en/console";
import enExports from "./messages/en/exports";
import enReport from "./messages/en/report";
import enRespondent from "./messages/en/respondent";
import enServer from "./messages/en/server";
import enSite from "./messages/en/site";
import enStaff from "./messages/en/staff";
import enWorkshop from "./messages/en/workshop";

/**
 * The product's words, in message files: one file per namespace and language under
 * `messages/<lang>/`, flat keys, `{{name}}` placeholders, plural forms as i18next's `_one`,
 * `_other` (English) and `_zero`, `_one`, `_two`, `_few`, `_many`, `_other` (Welsh), chosen by
 * `Intl.PluralRules`. English is the source; each translation carries a review flag, shown to
 * the administrator (admin page) until a fluent speaker has checked it.
 */
export interface MessageFile {
  /** For a translation: whether a fluent speaker has reviewed it. English is the source: always true. */
  reviewed: boolean;
  messages: Record<string, string>;
}

export const NAMESPACES = [
  "common",
  "respondent",
  "workshop",
  "report",
  "exports",
  // The staff pages: home and about pages, accounts, partnerships and rounds, the facilitator's
  // console, administration and national views, and the server's messages shown on them.
  "site",
  "account",
  "staff",
  "console",
  "admin",
  "server",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const MESSAGE_FILES: Record<Lang, Record<Namespace, MessageFile>> = {
  en: {
    common: enCommon,
    respondent: enRespondent,
    workshop: enWorkshop,
    report: enReport,
    exports: enExports,
    site: enSite,
    account: enAccount,
    staff: enStaff,
    console: enConsole,
    admin: enAdmin,
    server: enServer,
  },
  cy: {
    common: cyCommon,
    respondent: cyRespondent,
    workshop: cyWorkshop,
    report: cyReport,
    exports: cyExports,
    site: cySite,
    account: cyAccount,
    staff: cyStaff,
    console: cyConsole,
    admin: cyAdmin,
    server: cyServer,
  },
};

/** What the admin page shows: the translations still awaiting review by a fluent speaker. */
export const REVIEW_NOTE = "awaiting review by a fluent Welsh speaker";
export function awaitingReview(): { lang: Lang; namespace: Namespace; keys: number }[] {
  const out: { lang: Lang; namespace: Namespace; keys: number }[] = [];
  for (const lang of Object.keys(MESSAGE_FILES) as Lang[])
    for (const namespace of NAMESPACES) {
      const file = MESSAGE_FILES[lang][namespace];
      if (!file.reviewed) out.push({ lang, namespace, keys: Object.keys(file.messages).length });
    }
  return out;
}

const resources = Object.fromEntries(
  (Object.keys(MESSAGE_FILES) as Lang[]).map((lang) => [
    lang,
    Object.fromEntries(NAMESPACES.map((ns) => [ns, MESSAGE_FILES[lang][ns].messages])),
  ]),
);

/** A fresh i18next instance for one language (one per request on the server; no shared state). */
export function createI18n(lang: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: "en",
    supportedLngs: ["en", "cy"],
    resources,
    ns: [...NAMESPACES],
    defaultNS: "common",
    keySeparator: false,
    nsSeparator: ":",
    // React escapes; the exports are CSV and JSON, not HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    react: { useSuspense: false },
    showSupportNotice: false,
  });
  return instance;
}

/** A translator, as the domain takes one (key messages, exports): `t("report:key", { n: 3 })`. */
export type Translate = TFunction;

const cache = new Map<string, TFunction>();
/** The translator for one language and namespace (the instance is made once and kept). */
export function translator(lang: Lang, ns: Namespace = "common"): TFunction {
  const id = `${lang}:${ns}`;
  let t = cache.get(id);
  if (!t) {
    t = createI18n(lang).getFixedT(lang, ns);
    cache.set(id, t);
  }
  return t;
}

/** The locale `Intl` uses for a language: UK formats in both. */
export const intlLocale = (lang: Lang) => (lang === "cy" ? "cy-GB" : "en-GB");

/** A number in the language's UK format ("1,234.5"). */
export function formatNumber(value: number, lang: Lang, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(lang), options).format(value);
}
