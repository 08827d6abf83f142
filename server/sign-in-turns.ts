import type { NextFunction, Request, Response } from "express";
import { fixedT } from "~/i18n/i18n.server";
import { semaphore } from "~/utils/semaphore";
import { visitorLocale } from "./visitor-locale";

// Sign-in attempts from one address take turns, one at a time: each costs a password hash and
// writes, and a burst of them (a flood's first guesses, before the throttle refuses its address)
// then queues instead of crowding out everyone else's pages. Turns are per address, so one
// address's queue never delays another's sign-ins; a turn ends when the answer has gone or after
// two seconds, so a client sending its form slowly cannot hold its address's queue either.

type Options = {
  /** Answers the request itself (and returns true) when its address is refused. */
  refused: (req: Request, res: Response) => boolean;
  longestTurnMs?: number;
  maxWaiting?: number;
};

export function signInTurns({ refused, longestTurnMs = 2000, maxWaiting = 100 }: Options) {
  const queues = new Map<string, ReturnType<typeof semaphore>>();
  return (req: Request, res: Response, next: NextFunction) => {
    if (refused(req, res)) return;
    const address = req.ip ?? "";
    let turns = queues.get(address);
    if (!turns) queues.set(address, (turns = semaphore(1)));
    if (turns.waiting >= maxWaiting) {
      const locale = visitorLocale(req.headers);
      res
        .status(503)
        .set("Retry-After", "5")
        .set("Content-Language", locale)
        .type("text/plain")
        .send(fixedT(locale, "auth")("server.busy"));
      return;
    }
    void turns
      .run(
        () =>
          new Promise<void>((done) => {
            // The address may have been refused while this attempt waited for its turn.
            if (refused(req, res)) return done();
            const timer = setTimeout(done, longestTurnMs);
            res.once("close", () => {
              clearTimeout(timer);
              done();
            });
            next();
          }),
      )
      .finally(() => {
        if (turns.idle && queues.get(address) === turns) queues.delete(address);
      });
  };
}

/**
 * A request path as Remix's router reads it: percent-escapes decoded, letter case and trailing
 * slashes ignored (its matching is case-insensitive). "/%6cogin" and "/LOGIN/" reach the login
 * route, so they must take turns and be held like "/login".
 */
export function routerPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape reaches no route of ours as it stands.
  }
  return decoded.toLowerCase().replace(/\/+$/, "") || "/";
}

const signInPaths = new Set(["/login", "/login.data"]);
/** Whether a request path is the sign-in form's, however it is spelled. */
export const isSignInPath = (path: string) => signInPaths.has(routerPath(path));
