import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { ProseSource } from "~/components/content/prose";
import { proseHtml } from "~/components/content/prose.server";
import { isLocale, type Locale } from "~/i18n/config";
import { instanceFor } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { log } from "~/utils/log.server";
import { NonceProvider } from "~/utils/nonce";

// How long single-fetch data streams may stay open; rendering is aborted a second later.
export const streamTimeout = 5000;

// Pages show personal records: never keep them in a shared or back-forward cache.
const noStore = "private, no-store";

/** The root loader's language; when the root loader failed, the visitor's detected one. */
async function documentLocale(request: Request, context: EntryContext): Promise<Locale> {
  const root = context.staticHandlerContext.loaderData?.root as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : requestLocale(request);
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const i18n = instanceFor(await documentLocale(request, remixContext));
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <ProseSource.Provider value={proseHtml}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </ProseSource.Provider>
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Cache-Control", noStore);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error("render.failed", { error: String(error) });
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  response.headers.set("Cache-Control", noStore);
  return response;
};

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // Remix's own refusals (a method no route takes, a path no route has) are the visitor's
  // mistake, not the server's failure: info, so error-level lines stay worth waking up for.
  if (isRouteErrorResponse(error) && error.status < 500) {
    log.info("request.refused", {
      method: request.method,
      path: new URL(request.url).pathname,
      status: error.status,
    });
    return;
  }
  log.error("request.failed", {
    method: request.method,
    path: new URL(request.url).pathname,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
