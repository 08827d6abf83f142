import type { Response } from "express";

// Answers to an address the login throttle has refused are held back for a moment: a client
// flooding sign-in attempts then gets one answer per connection per pause instead of as many as
// the server can produce, and the CPU stays with everyone else's pages. Held answers are capped,
// so holding cannot itself use up memory or sockets; past the cap they go out at once.

const pauseMs = 1000;
const maxHeld = 1000;
let held = 0;

export function heldAnswerCount() {
  return held;
}

export function answerAfterPause(res: Response, send: () => void) {
  if (held >= maxHeld) return send();
  held++;
  let released = false;
  const release = () => {
    if (released) return false;
    released = true;
    held--;
    return true;
  };
  const timer = setTimeout(() => {
    if (release()) send();
  }, pauseMs);
  // A client that hangs up frees its place at once.
  res.once("close", () => {
    clearTimeout(timer);
    release();
  });
}
