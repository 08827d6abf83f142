import type { ServerBuild } from "@remix-run/node";
import { setTimeout as sleep } from "node:timers/promises";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { log } from "./log.server";

// A full disk must not look like a crash. The database refuses the write whole (SQLite rolls the
// transaction back, PostgreSQL too), so the person is told plainly that nothing was saved, with
// status 507, and the next write after space is freed works again: no restart, no repair.
// See docs/reliability.md.

/** 507 Insufficient Storage: the server could not store what the request needed. */
export const storageFullStatus = 507;

// SQLite's SQLITE_FULL (also what max_page_count gives) and SQLITE_IOERR_SHMSIZE (no room to
// create or grow the WAL's shared-memory file, on opening), PostgreSQL's disk_full, and the
// operating system's own, for files the app writes itself.
const storageFullCodes = new Set(["SQLITE_FULL", "SQLITE_IOERR_SHMSIZE", "53100", "ENOSPC"]);

type Coded = {
  code?: unknown;
  originalCode?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/** Whether the error, or one it wraps, says the storage is full. */
export function isStorageFull(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length) {
    const next = pending.pop();
    if (!next || typeof next !== "object" || seen.has(next)) continue;
    seen.add(next);
    const e = next as Coded;
    if ([e.code, e.originalCode].some((c) => typeof c === "string" && storageFullCodes.has(c))) {
      return true;
    }
    // Prisma puts the driver's own error under meta.driverAdapterError.cause.
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A loader or action that answers a full disk with the 507 error page instead of a 500. */
export function answeringStorageFull<Args extends { request: Request }, Result>(
  handler: (args: Args) => Result,
): (args: Args) => Promise<Awaited<Result>> {
  return async (args: Args): Promise<Awaited<Result>> => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isStorageFull(error)) throw error;
      log.error("storage.full", {
        method: args.request.method,
        path: new URL(args.request.url).pathname,
        error: messageOf(error),
      });
      // A thrown Response reaches a page route's ErrorBoundary with its status (a thrown error
      // would be hidden as a 500), and a resource route (no UI) passes it on as it is, in the
      // language of the visitor's cookie or browser (no session lookup on a failing disk).
      const locale = await requestLocale(args.request).catch(() => "en" as const);
      throw new Response(fixedT(locale)("errors.storageFull"), {
        status: storageFullStatus,
        statusText: "Insufficient Storage",
        headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Language": locale },
      });
    }
  };
}

/** The server build with every route's loader and action answering a full disk (see above). */
export function withStorageFullAnswers(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const { loader, action } = route.module;
      const module = {
        ...route.module,
        ...(loader ? { loader: answeringStorageFull(loader) } : {}),
        ...(action ? { action: answeringStorageFull(action) } : {}),
      };
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes };
}

/**
 * Run a write that a reading request can do without (moving a session's expiry along, say):
 * on a full disk it is skipped and logged, so reading pages keeps working.
 */
export async function unlessStorageFull<T>(
  write: Promise<T>,
  event: string,
): Promise<T | undefined> {
  try {
    return await write;
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    log.warn("storage.full_write_skipped", { event, error: messageOf(error) });
    return undefined;
  }
}

/**
 * Start-up work that writes (migrations, the demo seed) on a full disk: wait for space and try
 * again, rather than exit into a supervisor's restart loop. Each try is all or nothing.
 */
export async function retryWhileStorageFull<T>(
  work: () => Promise<T>,
  retryAfterMs = 5000,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isStorageFull(error)) throw error;
      // The first time, then about once a minute: enough to be seen, not a flood.
      if (attempt % 12 === 1) {
        log.error("storage.full_waiting", {
          error: messageOf(error),
          retryEverySeconds: retryAfterMs / 1000,
        });
      }
      await sleep(retryAfterMs);
    }
  }
}
