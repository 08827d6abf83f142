// `npm run test:chaos [-- --cycles N]`: the crash test (crash.ts), then the disk-full test
// (disk-full.ts), each in its own process; fails when either fails. See docs/reliability.md.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const started = Date.now();
const parts: [string, string[]][] = [
  ["crash.ts", process.argv.slice(2)],
  ["disk-full.ts", []],
];
const failed: string[] = [];
for (const [file, args] of parts) {
  const script = fileURLToPath(new URL(file, import.meta.url));
  const result = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed.push(file);
  console.log("");
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  failed.length
    ? `test:chaos FAILED (${failed.join(", ")}) after ${seconds} s`
    : `test:chaos passed in ${seconds} s`,
);
process.exit(failed.length ? 1 : 0);
