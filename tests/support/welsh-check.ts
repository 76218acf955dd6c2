import type { Page } from "playwright-core";
import { ALLOWED_ENGLISH } from "../../app/domain/glossary";
import { MESSAGE_FILES, NAMESPACES } from "../../app/domain/i18n";

/**
 * The one check for English left on a page in Welsh, used by the respondent and the staff Welsh
 * tests. A text counts as English when it is one of the English messages (where the Welsh
 * differs) or when it holds a common English word, once the names people gave things (areas,
 * partnerships, agencies, teams, rounds, people, links: their own words, in their own language),
 * email addresses, web addresses and the glossary's allowed terms are taken out.
 */

/** The English messages whose Welsh differs: none of them may appear on a page in Welsh. */
export const ENGLISH_MESSAGES = new Set(
  NAMESPACES.flatMap((ns) =>
    Object.entries(MESSAGE_FILES.en[ns].messages)
      .filter(([key, value]) => MESSAGE_FILES.cy[ns].messages[key] !== value && !value.includes("{{"))
      .map(([, value]) => value.trim()),
  ),
);

/**
 * Common English words, and the product's own English nouns, none of which is also a Welsh word
 * ("a", "i", "am", "at", "all", "is", "man", "her", "band", "can", "print", "person", "help" are
 * Welsh words too; "data" is used in both, so none of them is here).
 */
export const ENGLISH_WORDS = new Set(
  `the and of to in on an as with for from by or not nor no yes this that these those each every who what
  which than fewer more less most people respondents respondent responses response answers answer answered
  answering score scores scored shown hidden show figure figures level levels agency agencies component
  components question questions round rounds result results families family professionals professional share
  shared sharing submitted highest lowest change changed since last between within point points above below
  only none some one two three how where when why your you they their it its are be been has have was were
  would could should cannot will there here too few many see about into over under our we any other others
  same different clear unclear uncertain strength borderline concern total partnership partnerships report
  save download back next previous start started now done thank thanks please continue submit check
  questionnaire short full group groups team teams organisation organisations national local authority
  workshop workshops consensus trust reach partners network experience voice rated rate rating median yet
  still new open closed close reopen kind kinds whole work working works comments action actions chart table
  caption invited invitation invitations link links sign add create choose enter status dates date name email
  password role lead viewer facilitator days months years week paper section sections stop stopped finished
  publish interim final home account administrator admin compare area areas commissioner commissioners`.split(/\s+/),
);

/**
 * Every piece of visible text a reader meets on the page: text nodes, the title, aria-labels,
 * alt text, placeholders and titles, outside `skip` (passages marked as English are always
 * skipped, with scripts and styles).
 */
export async function readerTexts(page: Page, skip = ""): Promise<string[]> {
  const selector = ["script, style, noscript, [lang^=en]", skip].filter(Boolean).join(", ");
  return page.evaluate((skip) => {
    const out: string[] = [document.title];
    const hidden = (el: Element) => {
      const style = getComputedStyle(el);
      return style.display === "none" || style.visibility === "hidden";
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest(skip) || hidden(parent)) continue;
      out.push(text);
    }
    for (const el of document.body.querySelectorAll("[aria-label], img[alt], [placeholder], [title]")) {
      if (el.closest(skip)) continue;
      for (const attr of ["aria-label", "alt", "placeholder", "title"]) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  }, selector);
}

/** The texts that are English, each with why, once `names` (as given) are taken out. */
export function englishIn(texts: string[], names: readonly string[]): { text: string; why: string }[] {
  // Longest first, so "Northshire Children's Partnership" goes before "Northshire".
  const own = [...names, ...ALLOWED_ENGLISH].filter(Boolean).sort((a, b) => b.length - a.length);
  const found: { text: string; why: string }[] = [];
  for (const text of texts) {
    if (ENGLISH_MESSAGES.has(text)) {
      found.push({ text, why: "an English message" });
      continue;
    }
    let rest = text.replace(/\S+@\S+/g, " ").replace(/https?:\/\/\S+/g, " ");
    for (const name of own) rest = rest.split(name).join(" ");
    const words = (rest.toLowerCase().match(/[a-zâêîôûŵŷáéíóúàèìòùäëïöüÿ']+/g) ?? []).map((w) =>
      w.replace(/^'+|'+$/g, "").replace(/'s$/, ""),
    );
    const english = words.filter((w) => ENGLISH_WORDS.has(w));
    if (english.length) found.push({ text, why: `English words: ${[...new Set(english)].join(", ")}` });
  }
  return found;
}
