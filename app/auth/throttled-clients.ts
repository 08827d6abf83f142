// Addresses the login throttle has refused, remembered in this process until their wait is over,
// so the HTTP server turns their next sign-in attempts away before any page is rendered or the
// database is asked (server/index.ts). A flood of guesses from one address then costs next to
// nothing, and everyone else's pages stay fast. The database throttle stays the authority: this
// only repeats its answer. Kept on globalThis because the HTTP server and the Remix build are
// bundled separately and would otherwise each have their own copy.

type Store = Map<string, number>;
const holder = globalThis as { frontlineThrottledClients?: Store };
const store: Store = (holder.frontlineThrottledClients ??= new Map());
const maxAddresses = 10_000;

export function rememberThrottledClient(
  address: string,
  retryAfterSeconds: number,
  now = Date.now(),
) {
  if (store.size >= maxAddresses) {
    for (const [key, until] of store) if (until <= now) store.delete(key);
    if (store.size >= maxAddresses) store.delete(store.keys().next().value!);
  }
  store.set(address, now + retryAfterSeconds * 1000);
}

/** Whole seconds this address must still wait, or null when it may try. */
export function throttledClientWait(address: string | undefined, now = Date.now()) {
  if (!address) return null;
  const until = store.get(address);
  if (until === undefined) return null;
  if (until <= now) {
    store.delete(address);
    return null;
  }
  return Math.ceil((until - now) / 1000);
}

/** An admin cleared this address's failures: let it try again at once. */
export function forgetThrottledClient(address: string) {
  store.delete(address);
}
