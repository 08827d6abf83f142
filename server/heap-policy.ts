import { setFlagsFromString } from "node:v8";

// How far V8 lets the heap grow past what survived the last full collection before it collects
// again. By default it grows it up to four times when allocation is fast, which is when a large
// CSV export runs: 90 MB of live data let the process reach 550-650 MiB, nearly all of it garbage
// nobody had collected yet. 20% keeps the peak near the live data (about 330 MiB for the bench's
// whole-organisation export of 10,000 people) for a few percent more collection time. It is a
// pacing rule, not a limit: a heap that needs more memory still gets it. docs/performance.md.
// Imported first by server/index.ts, so it holds from start-up on. An explicit
// --heap-growing-percent in NODE_OPTIONS wins.
if (!/--heap-growing-percent/.test(process.env.NODE_OPTIONS ?? "")) {
  setFlagsFromString("--heap-growing-percent=20");
}
