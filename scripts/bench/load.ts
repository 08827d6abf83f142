import autocannon from "autocannon";
import http from "node:http";

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
  /**
   * Seconds of ramp-up before the measured `seconds`: requests sent then are answered and
   * checked but not timed. With every connection opening at once, a saturated Node server
   * answers the last ones to connect seconds late (a plain http server doing 3 ms of work a
   * request does the same), which says nothing about the steady state being measured.
   */
  settle?: number;
};

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function summary(
  name: string,
  connections: number,
  seconds: number,
  latencies: number[],
  statuses: Record<string, number>,
  failures: number,
): LoadResult {
  latencies.sort((a, b) => a - b);
  const notOk = Object.entries(statuses)
    .filter(([status]) => Number(status) >= 400)
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    name,
    connections,
    seconds: round(seconds),
    requests: latencies.length,
    rps: round(latencies.length / seconds, 0),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
    errors: failures + notOk,
    statuses,
  };
}

/**
 * Requests at an even pace, each sent on its own schedule whether or not earlier ones have been
 * answered (open loop), with latency counted from when it was due: what people arriving one by
 * one see. autocannon's rate option sends in bursts, which queue behind each other and make a
 * quiet server look slow.
 */
export async function paced(options: {
  name: string;
  origin: string;
  seconds: number;
  rate: number;
  request: () => RequestPlan;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const total = Math.round(options.seconds * options.rate);
  const interval = 1000 / options.rate;
  const started = performance.now();
  const one = (due: number) =>
    new Promise<void>((resolve) => {
      const plan = options.request();
      const request = http.request(
        `${options.origin}${plan.path}`,
        { method: plan.method ?? "GET", headers: plan.headers, agent },
        (response) => {
          response.resume();
          response.on("end", () => {
            latencies.push(performance.now() - due);
            const status = String(response.statusCode);
            statuses[status] = (statuses[status] ?? 0) + 1;
            resolve();
          });
        },
      );
      request.on("error", () => {
        failures++;
        resolve();
      });
      request.end(plan.body);
    });
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(one(due));
  }
  await Promise.all(pending);
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return summary(options.name, agent.maxSockets, seconds, latencies, statuses, failures);
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const dynamic = typeof options.request === "function" ? options.request : null;
  const fixed = typeof options.request === "function" ? null : options.request;
  const settle = options.settle ?? 1;
  const started = performance.now();
  const instance = autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds + settle,
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
  let measuredFrom = Infinity;
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    const now = performance.now();
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (now - ms < started + settle * 1000) return;
    measuredFrom = Math.min(measuredFrom, now - ms);
    latencies.push(ms);
  });
  const result = await instance;
  const seconds = (performance.now() - Math.min(measuredFrom, performance.now())) / 1000;
  return summary(
    options.name,
    options.connections,
    seconds,
    latencies,
    statuses,
    result.errors + result.timeouts,
  );
}
