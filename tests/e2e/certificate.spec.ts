import { expect, logIn, seriousA11yViolations, test, waitForHydration } from "./fixtures";
import { answerQuiz, signStatement } from "./helpers";
import { builtModule } from "./course-content";

// The version the certificate and the record name: module 1's, as built.
const version = builtModule("our-service-policy").frontmatter!.version;

const slug = "our-service-policy";
const email = "kwame.asante@demo.frontline.test";
const longDate =
  /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/;

/** Page objects in a PDF: each page's dictionary says /Type /Page (the tree's root says /Pages). */
const pageCount = (pdf: Buffer) =>
  pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

test("an employee completes module 1, prints the certificate on one A4 page, and anyone can verify it", async ({
  page,
  browser,
}, testInfo) => {
  // A long journey (module, quiz, role-play, signature, print, verify): 90 s, as the others.
  test.setTimeout(90_000);
  await logIn(page, email);

  await test.step("no certificate before the module is complete", async () => {
    const response = await page.goto(`/training/${slug}/certificate`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "You haven’t completed this module yet",
    );
  });

  await test.step("complete module 1 through the page", async () => {
    await page.goto(`/training/${slug}`);
    await waitForHydration(page);
    const quiz = await answerQuiz(page, slug, true);
    await expect(quiz.getByRole("status")).toContainText("Passed: 100%");
    await signStatement(page, "Kwame Asante");
    await expect(page.getByRole("status").filter({ hasText: "Completed" })).toContainText(
      `(version ${version})`,
    );
  });

  let code = "";
  await test.step("the certificate shows name, module, version, date and code", async () => {
    await page.goto(`/training/${slug}/certificate`);
    await waitForHydration(page);
    const sheet = page.getByRole("article", { name: "Certificate of completion" });
    await expect(sheet).toContainText("Kwame Asante");
    await expect(sheet).toContainText("Our service policy");
    await expect(sheet).toContainText(`version ${version}`);
    await expect(sheet).toContainText(longDate);
    const link = (await sheet.getByText(/\/verify\//).textContent()) ?? "";
    expect(link).toMatch(/^http:\/\/localhost:\d+\/verify\/[a-z2-7]{16}$/);
    code = link.slice(-16);
    // The same address as a QR code, for a phone held to a printed copy.
    await expect(
      sheet.getByRole("img", { name: "QR code of the verification address" }),
    ).toBeVisible();
    await expect(sheet).toContainText(code.match(/.{4}/g)!.join(" "));
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The button hands over to the browser's print dialog (stubbed: headless Chromium has none).
    await page.evaluate(() => {
      window.print = () => {
        document.documentElement.dataset.printed = "true";
      };
    });
    await page.getByRole("button", { name: "Print or save as PDF" }).click();
    await expect(page.locator("html[data-printed='true']")).toHaveCount(1);
  });

  await test.step("printed, it is exactly one A4 page without the app's header or buttons", async () => {
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Log out" })).toBeHidden();
    const pdf = await page.pdf({
      path: testInfo.outputPath("certificate.pdf"),
      format: "A4",
      printBackground: true,
    });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(1);
    await testInfo.attach("certificate.pdf", { body: pdf, contentType: "application/pdf" });

    // The page as printed, for a person to look at: A4 at 96 dpi.
    await page.setViewportSize({ width: 794, height: 1123 });
    const png = await page.screenshot({
      path: testInfo.outputPath("certificate-a4.png"),
      fullPage: true,
    });
    await testInfo.attach("certificate-a4.png", { body: png, contentType: "image/png" });
    await page.emulateMedia({ media: "screen" });
  });

  await test.step("without JavaScript it still prints on one page, and says how", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto("/login");
    await plain.getByLabel("E-mail").fill(email);
    await plain.getByLabel("Password").fill("frontline-demo");
    await plain.getByRole("button", { name: "Log in" }).click();
    await expect(plain).toHaveURL("/training");
    await plain.goto(`/training/${slug}/certificate`);
    await expect(plain.getByText("use your browser’s Print command")).toBeVisible();
    await expect(plain.getByRole("button", { name: "Print or save as PDF" })).toHaveCount(0);
    const pdf = await plain.pdf({ format: "A4", printBackground: true });
    expect(pageCount(pdf)).toBe(1);
    await noScript.close();
  });

  await test.step("a signed-out visitor verifies the code", async () => {
    const visitor = await browser.newContext();
    const other = await visitor.newPage();
    const response = await other.goto(`/verify/${code}`);
    expect(response?.status()).toBe(200);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Certificate verified");
    const facts = other.locator("dl");
    await expect(facts).toContainText("Kwame Asante");
    await expect(facts).toContainText("Our service policy");
    await expect(facts).toContainText(version);
    await expect(facts).toContainText(longDate);
    await expect(other.getByRole("main")).not.toContainText("@demo.frontline.test");
    await expect(other.getByRole("main")).not.toContainText("Online chat");
    expect(await seriousA11yViolations(other)).toEqual([]);

    const unknown = await other.goto("/verify/abcdefghijklmnop");
    expect(unknown?.status()).toBe(404);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText(
      "We can’t find a certificate with that code",
    );

    // The address without a code asks for one; the code may be typed as printed, in capitals.
    await other.goto("/verify");
    await expect(other).toHaveTitle("Check a certificate · Frontline");
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Check a certificate");
    await other.getByRole("button", { name: "Check the certificate" }).click();
    await expect(other.getByText("Enter the code from the certificate.")).toBeVisible();
    await other
      .getByLabel("Certificate code")
      .fill(code.toUpperCase().replace(/(.{4})(?=.)/g, "$1 "));
    await other.getByRole("button", { name: "Check the certificate" }).click();
    await expect(other).toHaveURL(`/verify/${code}`);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Certificate verified");
    expect(await seriousA11yViolations(other)).toEqual([]);
    await visitor.close();
  });

  await test.step("my record shows the completion, the attempt and the signature", async () => {
    await page.goto("/me");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My record");
    const completions = page.getByRole("table", { name: /Completed modules/ });
    await expect(completions.getByRole("row").nth(1)).toContainText("Our service policy");
    await expect(completions.getByRole("row").nth(1)).toContainText(`Version ${version}`);
    const attempts = page.getByRole("table", { name: /Quiz attempts/ });
    await expect(attempts.getByRole("row")).toHaveCount(2);
    await expect(attempts.getByRole("row").nth(1)).toContainText("Check your understanding");
    await expect(attempts.getByRole("row").nth(1)).toContainText("100%");
    await expect(attempts.getByRole("row").nth(1)).toContainText("Passed");
    await expect(page.getByText("No role-play played yet.")).toBeVisible();
    await expect(page.getByRole("region", { name: /Signed statements/ })).toContainText(
      "Signed as Kwame Asante",
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Certificate for Our service policy" }).click();
    await expect(page).toHaveURL(`/training/${slug}/certificate`);
    await expect(page.getByRole("article", { name: "Certificate of completion" })).toContainText(
      code.match(/.{4}/g)!.join(" "),
    );
  });
});
