import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationS?: number;
  /** stop after this many requests instead of a duration */
  amount?: number;
  headers: Record<string, string>;
  body: () => string | Buffer;
  /** requests per second over all connections, for a steady load */
  overallRate?: number;
}

export interface LoadResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  okPerS: number;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
}

/** autocannon with a fresh body per request. */
export function loadWithAutocannon(o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    autocannon(
      {
        url: o.url,
        method: 'POST',
        connections: o.connections,
        duration: o.amount ? undefined : o.durationS,
        amount: o.amount,
        overallRate: o.overallRate,
        timeout: 60,
        headers: o.headers,
        requests: [{ setupRequest: (req) => ({ ...req, body: o.body() as string }) }],
      },
      (error: Error | null, r: autocannon.Result) => {
        if (error) return reject(error);
        const seconds = (Date.now() - started) / 1000;
        const ok = r['2xx'];
        resolve({ requests: r.requests.total, ok, non2xx: r.non2xx, errors: r.errors + r.timeouts, okPerS: ok / seconds, p50Ms: r.latency.p50, p99Ms: r.latency.p99, seconds });
      },
    );
  });
}
