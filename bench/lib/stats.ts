import { loadavg } from 'node:os';

/** Small helpers shared by the benchmarks: percentiles and aligned output. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samplesMs: number[]): { n: number; p50: number; p99: number; mean: number } {
  const s = [...samplesMs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

export function report(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n${title}`);
  console.table(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(3)) : v]))));
}

/**
 * One row of the issue-19 goal table: what was measured, its anchor in the same run, the ratio
 * and the goal, with the machine's 1-minute load average when it was printed. Printed as a `[row]`
 * line that `npm run bench` gathers into its closing summary.
 */
export function goalRow(row: { path: string; measured: string; anchor: string; ratio: number; goal: string }): void {
  console.log(`[row] ${JSON.stringify({ ...row, ratio: Number(row.ratio.toFixed(2)), load: Number(loadavg()[0].toFixed(1)) })}`);
}
