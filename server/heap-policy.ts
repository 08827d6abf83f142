import { setFlagsFromString } from "node:v8";

// How far V8 lets the heap grow past what survived the last full collection before it collects
// again. By default up to four times when allocation is fast, which is what a whole-organisation
// CSV export does: ~100 MB of live data let the process reach 420-460 MiB, nearly all of it
// garbage nobody had collected yet. 50% keeps that export's peak at 325-360 MiB for no
// measurable cost elsewhere; 20% gave 300-340 MiB but cost the team matrix ~20% more CPU in
// collections (docs/performance.md). It paces collection, it does not limit memory: a heap that
// needs more still gets it.
// Imported first by server/index.ts, so it holds from start-up on. One given on the command line
// (`node --heap-growing-percent=N build/server.js`) wins.
if (!process.execArgv.some((arg) => arg.startsWith("--heap-growing-percent"))) {
  setFlagsFromString("--heap-growing-percent=50");
}
