import { sessionIdFromToken } from "../../../app/auth/session-token.server";
import { demoPassword } from "../../../app/demo/organisation";

// One person using the app over real HTTP, as a browser without JavaScript would: forms posted
// with the page's Origin and the session cookie, redirects not followed (a redirect after a POST
// is the app saying "saved").

export type Answer = { status: number; location: string | null; body: string };
export type Fields = Record<string, string | string[]>;

const requestTimeoutMs = 15_000;

export class Visitor {
  cookie = "";

  constructor(
    readonly origin: string,
    readonly email: string,
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Answer> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("Cookie", this.cookie);
    const response = await fetch(new URL(path, this.origin), {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    this.#keepSession(response);
    return {
      status: response.status,
      location: response.headers.get("Location"),
      body: await response.text(),
    };
  }

  get(path: string) {
    return this.request(path);
  }

  post(path: string, fields: Fields) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    return this.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: this.origin },
      body,
    });
  }

  /** Log in with the demo password; on success the answer carries the new session's id. */
  async login(): Promise<Answer & { sessionId?: string }> {
    const before = this.cookie;
    const answer = await this.post("/login", { email: this.email, password: demoPassword });
    const started = this.cookie && this.cookie !== before ? this.sessionId : null;
    return { ...answer, sessionId: started ?? undefined };
  }

  /** The database id of the session in the cookie (SHA-256 of its token, as the app stores it). */
  get sessionId(): string | null {
    const token = this.cookie.split("=")[1];
    return token ? sessionIdFromToken(token) : null;
  }

  #keepSession(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(";")[0]!;
      if (!/^(__Host-)?frontline_session=/.test(pair)) continue;
      this.cookie = pair.endsWith("=") ? "" : pair;
    }
  }
}
