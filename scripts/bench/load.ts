import autocannon from "autocannon";

// One load run with autocannon, with every response's latency kept so percentiles (p95
// included, which autocannon's summary lacks) are exact, and every status counted.

export type LoadResult = {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts, plus answers that are neither 2xx nor 3xx. */
  errors: number;
  statuses: Record<string, number>;
};

export type RequestPlan = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type LoadOptions = {
  name: string;
  origin: string;
  connections: number;
  seconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  rate?: number;
  /** A fixed request, or a function giving each request (called per request). */
  request: RequestPlan | (() => RequestPlan & { onAnswer?: (status: number) => void });
};

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const dynamic = typeof options.request === "function" ? options.request : null;
  const fixed = typeof options.request === "function" ? null : options.request;
  const started = performance.now();
  const instance = autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      dynamic
        ? {
            setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
              const plan = dynamic();
              context.onAnswer = plan.onAnswer;
              return { ...request, ...plan, method: plan.method ?? "GET" };
            },
            onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
              (context.onAnswer as ((s: number) => void) | undefined)?.(status);
            },
          }
        : { ...fixed!, method: fixed!.method ?? "GET" },
    ],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const notOk = Object.entries(statuses)
    .filter(([status]) => Number(status) >= 400)
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    name: options.name,
    connections: options.connections,
    seconds: round(seconds),
    requests: latencies.length,
    rps: round(latencies.length / seconds, 0),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
    errors: result.errors + result.timeouts + notOk,
    statuses,
  };
}
