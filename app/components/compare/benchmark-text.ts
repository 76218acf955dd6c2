/** The benchmark (median and IQR of the areas sharing their results) in words. */
import type { Benchmark, CompareFigure } from "../../domain/comparison";

export const benchmarkText = (b: Benchmark | undefined) =>
  !b ? "" : b.status === "ok" ? `median ${b.median} (IQR ${b.q1}–${b.q3}, ${b.areas} areas)` : b.reason;

/** Where an area's score sits against the benchmark's quartiles, in words. */
export function againstBenchmark(f: CompareFigure, b: Benchmark | undefined): string {
  if (f.status !== "ok" || !b || b.status !== "ok") return "";
  if (f.score > b.q3) return "above the upper quartile";
  if (f.score < b.q1) return "below the lower quartile";
  return "within the middle half";
}
