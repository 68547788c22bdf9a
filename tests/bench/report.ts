/** Benchmarks print one JSON line per figure, so runs can be compared as ratios later. */
export function report(name: string, figures: Record<string, number | string | boolean>): void {
  console.log(JSON.stringify({ bench: name, ...figures }));
}

/** Median of a few runs: one slow run (GC, JIT warm-up) should not decide the figure. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
