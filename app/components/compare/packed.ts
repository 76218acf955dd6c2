import type { CompareFigure } from "../../domain/comparison";
import type { BandKey } from "../../domain/framework";

/**
 * A figure as the page's data carries it: [score, band, n, CI low, CI high] or [c|x, reason].
 * Thousands of cells for 400 areas: the short form keeps the page's data small.
 */
export type Packed = [number, BandKey, number, number, number] | ["c" | "x", string];
export function pack(f: CompareFigure): Packed {
  return f.status === "ok"
    ? [f.score, f.band, f.n, f.ci95.low, f.ci95.high]
    : [f.status === "suppressed" ? "c" : "x", f.reason];
}
export function unpack(p: Packed): CompareFigure {
  if (typeof p[0] === "number") {
    const [score, band, n, low, high] = p as [number, BandKey, number, number, number];
    return { status: "ok", score, band, n, sd: 0, ci95: { low, high } };
  }
  return p[0] === "c" ? { status: "suppressed", reason: p[1] } : { status: "no_data", reason: p[1] };
}
