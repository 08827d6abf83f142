import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Account, Configuration, JWK } from "oidc-provider";
import Provider from "oidc-provider";

// A real OpenID Connect provider for tests: panva's oidc-provider (the certified implementation),
// on 127.0.0.1 and a free port, with Frontline registered as a confidential client that must use
// PKCE, and a few accounts. Its built-in development interactions (a login form that takes any
// password, then a consent screen) are what tests drive, over HTTP or in the browser.
// Keys, cookie keys and the client secret are made afresh each time it starts.

/** Claims of one account at the provider; `sub` is also what one types into its login form. */
export type TestAccount = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** A Frontline team name, as a company directory would hold it. */
  team?: string;
  /** employee | manager | trainer | admin, or anything else a directory may hold. */
  role?: string;
  groups?: string[];
};

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The OIDC_* environment that points Frontline at this provider. */
  env: Record<string, string>;
  /** Accounts by sub; tests may add more at any time. */
  accounts: Map<string, TestAccount>;
  addAccount(account: TestAccount): TestAccount;
  close(): Promise<void>;
};

export type TestProviderOptions = {
  /** Frontline origins whose /auth/oidc/callback the client registration allows. */
  appOrigins?: string[];
  clientId?: string;
  accounts?: TestAccount[];
};

/** Demo-like people: a new employee of Front desk, and one whose claims ask for too much. */
export const defaultAccounts: TestAccount[] = [
  {
    sub: "new.hire",
    email: "new.hire@idp.frontline.test",
    email_verified: true,
    name: "Noa Hire",
    team: "Front desk",
    role: "employee",
  },
];

const callbackPath = "/auth/oidc/callback";

export async function startTestProvider(options: TestProviderOptions = {}): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const addAccount = (account: TestAccount) => {
    accounts.set(account.sub, account);
    return account;
  };
  for (const account of options.accounts ?? defaultAccounts) addAccount(account);

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = options.clientId ?? "frontline-test";
  const clientSecret = randomBytes(24).toString("base64url");
  const appOrigins = options.appOrigins ?? ["http://localhost:3000", "http://localhost:3100"];

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig" } as JWK;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: appOrigins.map((origin) => `${origin}${callbackPath}`),
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    // PKCE for every client, not only public ones.
    pkce: { required: () => true },
    // Scope → claims; team and role ride on the standard profile scope, as a directory's
    // custom claims usually do.
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "team", "role", "groups"],
    },
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ ...account }) };
    },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    features: { devInteractions: { enabled: true } },
  };
  const provider = new Provider(issuer, configuration);
  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    },
    accounts,
    addAccount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
