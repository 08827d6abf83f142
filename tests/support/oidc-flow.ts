// Signing in at the test provider (./oidc-provider.ts) over plain HTTP, as a browser would: follow
// its redirects with its cookies, fill in its development login form (any password) and confirm
// its consent screen, until it redirects back to Frontline's callback with a code.

/** The provider's cookies, by name (its paths are ignored: every cookie goes with every request). */
class CookieJar {
  private cookies = new Map<string, string>();

  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((a) => {
        const [key = "", val = ""] = a.trim().split("=");
        if (key.toLowerCase() === "max-age") return Number(val) <= 0;
        if (key.toLowerCase() === "expires") return new Date(val).getTime() <= Date.now();
        return false;
      });
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): Record<string, string> {
    if (!this.cookies.size) return {};
    return {
      Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
    };
  }
}

const decodeHtml = (text: string) =>
  text
    .replace(/&#x2F;/gi, "/")
    .replace(/&#x3D;/gi, "=")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The form on one of the provider's interaction pages: where it posts and which prompt it answers. */
function interactionForm(html: string, pageUrl: string) {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
  if (!action || !prompt)
    throw new Error(`no interaction form at ${pageUrl}:\n${html.slice(0, 500)}`);
  return { action: new URL(decodeHtml(action), pageUrl).href, prompt };
}

/**
 * Sign in at the provider as `login` (an account's sub) starting from an authorization URL, and
 * return the URL it finally sends the browser to: Frontline's callback with code and state (or an
 * error). Throws if the provider answers anything else.
 */
export async function signInAtProvider(authorizationUrl: string | URL, login: string) {
  const start = new URL(authorizationUrl);
  const jar = new CookieJar();
  let url = start.href;
  let init: RequestInit = { method: "GET" };
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), ...jar.header() },
    });
    jar.store(response);
    const location = response.headers.get("Location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.arrayBuffer();
      const next = new URL(location, url);
      if (next.origin !== start.origin) return next;
      url = next.href;
      init = { method: "GET" };
      continue;
    }
    const body = await response.text();
    if (response.status !== 200) {
      throw new Error(`the provider answered ${response.status} at ${url}:\n${body.slice(0, 800)}`);
    }
    const form = interactionForm(body, url);
    const fields: Record<string, string> =
      form.prompt === "login"
        ? { prompt: "login", login, password: "any password will do" }
        : { prompt: form.prompt };
    url = form.action;
    init = {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    };
  }
  throw new Error("the provider never sent the browser back");
}
