// What the HTTP server (server/index.ts) hands every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy. */
    cspNonce: string;
    /** The client's address as the server sees it (honours TRUST_PROXY). */
    clientAddress: string | undefined;
  }
}

export {};
