import { setFlagsFromString } from "node:v8";

// How far V8 lets the heap grow past what survived the last full collection before it collects
// again. By default it grows it up to four times when allocation is fast, which is when a large
// CSV export runs: 90 MB of live data let the process reach 550-650 MiB, nearly all of it garbage
// nobody had collected yet. 20% keeps the peak near the live data (about 330 MiB for the bench's
// whole-organisation export of 10,000 people) for a few percent more collection time. It is a
// pacing rule, not a limit: a heap that needs more memory still gets it. docs/performance.md.
// Imported first by server/index.ts, so it holds from start-up on. One given on the command line
// (`node --heap-growing-percent=N build/server.js`) wins.
if (!process.execArgv.some((arg) => arg.startsWith("--heap-growing-percent"))) {
  setFlagsFromString("--heap-growing-percent=20");
}
