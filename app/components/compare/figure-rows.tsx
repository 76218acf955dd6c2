import type { BandKey } from "../../domain/framework";
import type { Packed } from "./packed";

const BAND_WORD: Record<BandKey, string> = { strength: "strength", borderline: "borderline", concern: "concern" };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A table cell: score and band, then n and the interval; or c / x with the reason (as HiddenMark writes it). */
function cellHtml(p: Packed): string {
  if (typeof p[0] !== "number") {
    const [mark, reason] = p as ["c" | "x", string];
    const r = escapeHtml(reason);
    return `<td class="cell-hidden"><span class="mark" title="${r}">${mark}<span class="visually-hidden"> (${mark === "c" ? "hidden" : "no data"}: ${r})</span></span></td>`;
  }
  const [score, band, n, low, high] = p as [number, BandKey, number, number, number];
  return `<td class="cell-${band}">${score.toFixed(1)} ${BAND_WORD[band]}<br><small>n ${n}; CI ${low.toFixed(1)}–${high.toFixed(1)}</small></td>`;
}

/**
 * Table rows of figures (an area name, then its cells), written as HTML text: identical on the
 * server and in the browser, and not walked by React on hydration. Thousands of static cells
 * for 400 areas were most of the page's hydration time; these rows have no behaviour to hydrate.
 */
export function FigureRows({ rows }: { rows: { key: string; head: string[]; cells: Packed[] }[] }) {
  const html = rows
    .map(
      (r) =>
        `<tr>${r.head.map((h, i) => (i === 0 ? `<th scope="row">${escapeHtml(h)}</th>` : `<td>${escapeHtml(h)}</td>`)).join("")}${r.cells.map(cellHtml).join("")}</tr>`,
    )
    .join("");
  return <tbody dangerouslySetInnerHTML={{ __html: html }} />;
}
