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

type HttpDurationChild = ReturnType<Histogram<'method' | 'route' | 'status'>['labels']>;

/**
 * `http_request_duration_seconds`'s children by method, route and status, each made once
 * (prom-client's `labels()` validates the labels and builds two closures every call, and
 * `observe(labels, v)` a labels object and a closure): an observation is then a lookup. The
 * values are the same series: a child observes into its histogram's `{method, route, status}`.
 * Bounded by the routes' and statuses' product (route is the route pattern, never the URL).
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
    if (child === undefined) byStatus.set(status, (child = this.histogram.labels({ method, route, status: String(status) })));
    return child;
  }
}
