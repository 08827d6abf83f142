// `npx tsx scripts/bench/profile-top.ts <file.cpuprofile> [count] [--inclusive]`: the functions
// that took the most CPU time in a V8 profile written by `npm run bench -- --profile`.
import { readFileSync } from "node:fs";
import path from "node:path";

type Node = {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

// --inclusive: time spent in a function and everything it called, instead of self time.
const inclusive = process.argv.includes("--inclusive");
const [file, count = "25"] = process.argv.slice(2).filter((a) => a !== "--inclusive");
if (!file) {
  console.error("usage: tsx scripts/bench/profile-top.ts <file.cpuprofile> [count]");
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parentOf.set(child, node.id);
const label = (node: Node) => {
  const frame = node.callFrame;
  const where = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : "";
  return `${frame.functionName || "(anonymous)"} ${where}`.trim();
};
const selfMs = new Map<string, number>();
let totalMs = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const keys = new Set<string>();
  for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) {
    keys.add(label(byId.get(node)!));
    if (!inclusive) break;
  }
  for (const key of keys) selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
  totalMs += ms;
});
console.log(`total ${Math.round(totalMs)} ms sampled`);
for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
  console.log(
    `${((ms / totalMs) * 100).toFixed(1).padStart(5)} %  ${Math.round(ms).toString().padStart(6)} ms  ${key}`,
  );
}
