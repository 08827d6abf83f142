import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import {
  demoPassword,
  expect,
  logIn,
  seriousA11yViolations,
  test,
  waitForHydration,
} from "./fixtures";

// Two-factor sign-in as a person meets it: turned on from /me/security with the key an
// authenticator app would read from the QR code, then a sign-in that asks for a code after the
// password, a wrong code, and a recovery code. A demo account no other browser test uses (Lena,
// a manager who reads Frontline in Danish: she switches it to English first).

const email = "lena.fischer@demo.frontline.test";

test("turning on two-factor sign-in, then signing in with a wrong code and a recovery code", async ({
  page,
}) => {
  test.slow();
  await logIn(page, email);
  const { origin } = new URL(page.url());
  const english = await page.request.post("/locale", {
    form: { locale: "en", redirectTo: "/me/security" },
    headers: { Origin: origin },
  });
  expect(english.ok()).toBe(true);
  await page.goto("/me/security");
  await waitForHydration(page);
  const section = page.getByRole("region", { name: "Two-factor sign-in" });
  await expect(section.getByRole("img", { name: /QR code/ })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // What the app would read from the QR code: the key, as also shown for typing.
  const typed = (await section.locator("code").innerText()).replace(/\s/g, "");
  const appCode = () => generateTOTP(decodeBase32IgnorePadding(typed), 30, 6);
  await section
    .getByLabel("The code the app shows now")
    .fill("000000" === appCode() ? "111111" : "000000");
  await section.getByRole("button", { name: "Turn on" }).click();
  await expect(
    section.getByText("That code is not right, or it has been used already."),
  ).toBeVisible();
  await section.getByLabel("The code the app shows now").fill(appCode());
  await section.getByRole("button", { name: "Turn on" }).click();
  const codes = section.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = await codes.first().innerText();
  await expect(section.getByText(/^On since .*\. 10 recovery codes left\.$/)).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await section.screenshot({ path: `test-results/two-factor-on-${width}.png` });
  }
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Signing in again: the password, then the code step.
  await page.context().clearCookies();
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL("/login/two-factor");
  await expect(
    page.getByRole("heading", { level: 1, name: "Enter your sign-in code" }),
  ).toBeVisible();
  await waitForHydration(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByLabel("Code").fill("123456");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "That code is not right, or it has been used already.",
  );
  await page.screenshot({ path: "test-results/two-factor-code-390.png" });
  await page.getByLabel("Code").fill(recovery);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/team");

  // The recovery code is used up: /me/security counts nine left.
  await page.goto("/me/security");
  await expect(page.getByText(/9 recovery codes left/)).toBeVisible();
});
