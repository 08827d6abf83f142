// The little of autocannon's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  type Result = { errors: number; timeouts: number; requests: { total: number } };
  type Instance = Promise<Result> & {
    on(event: "response", listener: (...args: never[]) => void): void;
    stop(): void;
  };
  export default function autocannon(options: Record<string, unknown>): Instance;
}
