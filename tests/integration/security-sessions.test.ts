import { afterAll, describe, expect, it } from "vitest";
import { validateSessionToken } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { action as loginAction } from "~/routes/_auth+/login";
import { action as personAction } from "~/routes/admin+/people.$userId";
import { statusOf } from "../support/module-actions";
import { newPerson, removePeople, signIn, startingPassword } from "../support/people";
import { context, cookiePair, formRequest } from "../support/requests";
import { demo } from "../support/sessions";
import { postAs } from "../support/team";

// ASVS 7.2.4 (a new token at every authentication, the old one ended) and 7.4.2 (deactivating a
// person ends every session of theirs), through the routes a browser uses.

const made: string[] = [];
afterAll(() => removePeople(made));

describe("session tokens at authentication", () => {
  it("a login ends the session the browser still carried and sets a new token", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const carried = await signIn(robin.id);
    const response = (await loginAction({
      request: formRequest(
        "/login",
        { email: robin.email, password: startingPassword },
        { Cookie: carried.cookie },
      ),
      context: context(),
      params: {},
    })) as Response;
    expect(response.status).toBe(302);
    const fresh = cookiePair(response.headers.get("Set-Cookie"));
    expect(fresh).not.toBe(carried.cookie);
    expect(await validateSessionToken(carried.token)).toBeNull();
    expect(await validateSessionToken(fresh.split("=")[1]!)).toMatchObject({ id: robin.id });
  });
});

describe("deactivation", () => {
  it("an admin deactivating a person ends all their sessions at once", async () => {
    const robin = await newPerson();
    made.push(robin.id);
    const sessions = [await signIn(robin.id), await signIn(robin.id), await signIn(robin.id)];
    const result = await postAs(
      personAction,
      demo.admin,
      `/admin/people/${robin.id}`,
      { intent: "deactivate" },
      { userId: robin.id },
    );
    expect(statusOf(result)).toBe(200);
    expect(await prisma.session.count({ where: { userId: robin.id } })).toBe(0);
    for (const { token } of sessions) expect(await validateSessionToken(token)).toBeNull();
    // …and the password no longer opens the account.
    const login = await loginAction({
      request: formRequest("/login", { email: robin.email, password: startingPassword }),
      context: context(),
      params: {},
    });
    expect(login).not.toBeInstanceOf(Response);
    expect(statusOf(login)).toBe(401);
  });
});
