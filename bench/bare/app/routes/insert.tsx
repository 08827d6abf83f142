import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { insertRow } from "../db.server";

// `/insert`: a form whose post inserts one row and answers with a redirect, as Frontline's quiz
// submission does (a plain form post, application/x-www-form-urlencoded, one write, a 302).

export const meta: MetaFunction = () => [{ title: "Bare insert" }];

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const n = Number(form.get("n") ?? "0");
  await insertRow(
    String(form.get("run") ?? ""),
    Number.isSafeInteger(n) ? n : 0,
    String(form.get("note") ?? ""),
  );
  return redirect("/insert");
}

export default function Insert() {
  return (
    <main>
      <h1>Insert a row</h1>
      <Form method="post">
        <input name="note" aria-label="Note" />
        <button type="submit">Save</button>
      </Form>
    </main>
  );
}
