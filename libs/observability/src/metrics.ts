import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per app instance (several apps share a process in tests). */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly rpcDuration: Histogram<'method' | 'outcome'>;
  readonly rpcTimeouts: Counter<'method'>;
  /** Media job run time by type (trim, overlay, transcribe) and outcome; observed by the worker. */
  readonly jobDuration: Histogram<'type' | 'outcome'>;

  constructor(app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.rpcDuration = new Histogram({
      name: 'rpc_client_duration_seconds',
      help: 'RPC call latency seen by the caller',
      labelNames: ['method', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.rpcTimeouts = new Counter({
      name: 'rpc_client_timeouts_total',
      help: 'RPC calls whose owner did not answer in time',
      labelNames: ['method'],
      registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: 'media_job_duration_seconds',
      help: 'Media job processing time by type and outcome (completed, failed, retried)',
      labelNames: ['type', 'outcome'],
      buckets: [0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
      registers: [this.registry],
    });
  }

  counter<L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> {
    return (this.registry.getSingleMetric(name) as Counter<L>) ?? new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, labelNames: L[] = [], buckets?: number[]): Histogram<L> {
    return (
      (this.registry.getSingleMetric(name) as Histogram<L>) ??
      new Histogram({ name, help, labelNames, buckets, registers: [this.registry] })
    );
  }
}

/** What an observation needs: `observe(seconds)`. */
export interface HttpDurationChild {
  observe(value: number): void;
}

/** One series as prom-client's Histogram keeps it (`hashMap[hash]`): per-bound counts, sum, count. */
interface SeriesEntry {
  labels: Record<string, string>;
  bucketValues: Record<string, number>;
  sum: number;
  count: number;
}
/** The parts of prom-client's Histogram a {@link DirectSeries} reads (prom-client 15). */
interface HistogramState {
  hashMap: Record<string, SeriesEntry>;
  upperBounds: number[];
  enableExemplars: boolean;
}

/**
 * One `{method, route, status}` series of `http_request_duration_seconds`, observed by adding to
 * the counts prom-client exports for it. prom-client's own `observe` (even through `labels()`)
 * validates the labels, builds their hash string, allocates a closure and a pair object and turns
 * each bucket bound from a number into a property name on every call: ~0.7-0.9 µs an
 * observation on this machine, once per request. Here an observation compares the value with the
 * bounds and adds to the entry's bucket, sum and count: what prom-client's observe adds, nothing
 * else. The entry is found once, and again whenever it is no longer the one the histogram holds
 * (after `reset()` or `remove()`), through prom-client's own observe, which recreates it; a
 * value that is not a finite number goes there too (it throws, as before).
 */
class DirectSeries implements HttpDurationChild {
  private entry?: SeriesEntry;
  private hash = '';
  private readonly bounds: number[];
  /** The bucket property names (prom-client keys its buckets by `String(bound)`). */
  private readonly keys: string[];

  constructor(
    private readonly histogram: Histogram<'method' | 'route' | 'status'>,
    private readonly labels: Record<'method' | 'route' | 'status', string>,
  ) {
    this.bounds = [...(histogram as unknown as HistogramState).upperBounds];
    this.keys = this.bounds.map(String);
  }

  observe(value: number): void {
    const entry = this.entry;
    const state = this.histogram as unknown as HistogramState;
    if (entry === undefined || state.hashMap[this.hash] !== entry || !Number.isFinite(value)) return this.slow(value);
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]) {
        entry.bucketValues[this.keys[i]] += 1;
        break;
      }
    }
    entry.sum += value;
    entry.count += 1;
  }

  /** prom-client's observe, then the entry it wrote to (kept for the next observations). */
  private slow(value: number): void {
    this.histogram.observe(this.labels, value);
    this.entry = undefined;
    const state = this.histogram as unknown as HistogramState;
    if (state.enableExemplars) return; // exemplars need prom-client's observe every time
    for (const [hash, entry] of Object.entries(state.hashMap)) {
      const l = entry.labels;
      if (l.method === this.labels.method && l.route === this.labels.route && String(l.status) === this.labels.status && Object.keys(l).length === 3) {
        this.hash = hash;
        this.entry = entry;
        return;
      }
    }
  }
}

/**
 * `http_request_duration_seconds`'s series by method, route and status, each made once and
 * observed directly (see {@link DirectSeries}): an observation is three Map lookups and a few
 * additions. The values are the same series: a child observes into its histogram's
 * `{method, route, status}`. Bounded by the routes' and statuses' product (route is the route
 * pattern, never the URL).
 */
export class HttpDurationChildren {
  /** route → method → status → child (no key string built per request). */
  private readonly children = new Map<string, Map<string, Map<number, HttpDurationChild>>>();

  constructor(private readonly histogram: Histogram<'method' | 'route' | 'status'>) {}

  of(method: string, route: string, status: number): HttpDurationChild {
    let byMethod = this.children.get(route);
    if (byMethod === undefined) this.children.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (byStatus === undefined) byMethod.set(method, (byStatus = new Map()));
    let child = byStatus.get(status);
    if (child === undefined) byStatus.set(status, (child = new DirectSeries(this.histogram, { method, route, status: String(status) })));
    return child;
  }
}
