// Small statistics for the benchmark: median and p95 (nearest rank) of repeated samples.

/** { n, median, p95, min, max } of a list of numbers (undefined figures when empty). */
export function summary(samples) {
  const sorted = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0 };
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    n,
    median: round(median),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0]),
    max: round(sorted[n - 1]),
  };
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function round(x, digits = 2) {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** "12.3 ms", "1.24 s" */
export function ms(x) {
  if (x === undefined || !Number.isFinite(x)) return '–';
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  return `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`;
}

/** "56.4 MB", "210.4 kB" (decimal: 1 MB = 10^6 bytes) */
export function bytes(x) {
  if (x === undefined || !Number.isFinite(x)) return '–';
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)} MB`;
  return `${(x / 1e3).toFixed(1)} kB`;
}

/** "61.2 KB" with 1 KB = 1024 bytes, as `npm run size` prints bundle sizes. */
export function kib(x) {
  if (x === undefined || !Number.isFinite(x)) return '–';
  return `${(x / 1024).toFixed(1)} KB`;
}
