import type { NextFunction, Request, Response } from "express";
import { Readable } from "node:stream";
import { fixedT } from "~/i18n/i18n.server";
import { visitorLocale } from "./visitor-locale";

// Sign-in attempts from one address take turns, one at a time: each costs a password hash and
// writes, and a burst of them (a flood's first guesses, before the throttle refuses its address)
// then queues instead of crowding out everyone else's pages. Turns are per address, so one
// address's queue never delays another's sign-ins.
//
// A turn cannot be held by a slow client: the form is read in full, within a deadline, before
// the attempt joins the queue, and the turn ends when the answer has been handed over (or after
// two seconds at most). The queue holds one attempt per account (the e-mail the form names): a
// newer attempt for the same account takes the older one's place, which is answered 409, so a
// flood at one account holds one place and an attempt at any other account from that address
// waits for at most one turn per account ahead of it. Only when `maxWaiting` different accounts
// are waiting (credential stuffing, which the throttle refuses soon after) is an attempt for yet
// another account answered 503.

type Options = {
  /** Answers the request itself (and returns true) when its address is refused. */
  refused: (req: Request, res: Response) => boolean;
  longestTurnMs?: number;
  /** Accounts waiting per address. */
  maxWaiting?: number;
  /** How long a client may take to send its form. */
  bodyDeadlineMs?: number;
  maxBodyBytes?: number;
};

type Waiting = { start: () => void; supersede: () => void };
type AddressQueue = { busy: boolean; waiting: Map<string, Waiting> };

type Refusal = "busy" | "slowForm" | "formTooLarge" | "superseded";
const refusalStatus: Record<Refusal, number> = {
  busy: 503,
  slowForm: 408,
  formTooLarge: 413,
  superseded: 409,
};

function refuse(req: Request, res: Response, refusal: Refusal) {
  if (res.headersSent) return;
  const locale = visitorLocale(req.headers);
  if (refusal === "busy") res.set("Retry-After", "5");
  if (refusal === "slowForm" || refusal === "formTooLarge") res.set("Connection", "close");
  res
    .status(refusalStatus[refusal])
    .set("Content-Language", locale)
    .type("text/plain")
    .send(fixedT(locale, "auth")(`server.${refusal}`));
}

/** The whole request body, or why not: too slow or too large. */
function readBody(req: Request, limit: number, deadlineMs: number) {
  return new Promise<Buffer | "slowForm" | "formTooLarge">((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | "slowForm" | "formTooLarge") => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish("formTooLarge");
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onError = () => finish("slowForm");
    const timer = setTimeout(() => finish("slowForm"), deadlineMs);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/** The account a sign-in form names (its e-mail, as the login action reads it). */
function accountOf(req: Request, body: Buffer): string {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.get("content-type") ?? "")) return "";
  return (new URLSearchParams(body.toString("utf8")).get("email") ?? "").trim().toLowerCase();
}

export function signInTurns({
  refused,
  longestTurnMs = 2000,
  maxWaiting = 100,
  bodyDeadlineMs = 5000,
  maxBodyBytes = 16 * 1024,
}: Options) {
  const queues = new Map<string, AddressQueue>();

  const startNext = (address: string, queue: AddressQueue) => {
    const next = queue.waiting.entries().next();
    if (next.done) {
      queue.busy = false;
      if (queues.get(address) === queue) queues.delete(address);
      return;
    }
    queue.waiting.delete(next.value[0]);
    next.value[1].start();
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    if (refused(req, res)) return;
    const body = await readBody(req, maxBodyBytes, bodyDeadlineMs);
    if (typeof body === "string") return refuse(req, res, body);
    res.locals.signInBody = body;

    const address = req.ip ?? "";
    let queue = queues.get(address);
    if (!queue) queues.set(address, (queue = { busy: false, waiting: new Map() }));
    const own = queue;
    const account = accountOf(req, body);

    const start = () => {
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        startNext(address, own);
      };
      const timer = setTimeout(end, longestTurnMs);
      res.once("finish", end);
      res.once("close", end);
      // The address may have been refused while this attempt waited for its turn.
      if (refused(req, res)) return end();
      next();
    };

    if (!own.busy) {
      own.busy = true;
      return start();
    }
    const earlier = own.waiting.get(account);
    if (!earlier && own.waiting.size >= maxWaiting) return refuse(req, res, "busy");
    // Same account: this attempt keeps the earlier one's place in the queue.
    own.waiting.set(account, { start, supersede: () => refuse(req, res, "superseded") });
    earlier?.supersede();
    // A client that gives up while waiting leaves its place to the next.
    res.once("close", () => {
      if (own.waiting.get(account)?.start === start) own.waiting.delete(account);
    });
  };
}

/**
 * The request as Remix's Express adapter reads it, with the sign-in form it already read played
 * back as its body (the stream itself was consumed before the attempt took its turn).
 */
export function withReadBody(req: Request, res: Response): Request {
  const body = res.locals.signInBody as Buffer | undefined;
  if (!body) return req;
  return Object.assign(Readable.from([body]), {
    method: req.method,
    headers: req.headers,
    originalUrl: req.originalUrl,
    protocol: req.protocol,
    hostname: req.hostname,
    ip: req.ip,
    get: req.get.bind(req),
  }) as unknown as Request;
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
