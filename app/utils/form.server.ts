import { data } from "@remix-run/node";
import type { Locale } from "~/i18n/config";
import { errorKey, errorText } from "~/i18n/errors";
import { fixedT } from "~/i18n/i18n.server";

// Reading a form body defensively: a wrong content type or an oversized body is the client's
// mistake (400), never a server error, and it is refused before the body is parsed. Messages are
// keys of app/locales/<locale>/forms.json, put into words where they are shown (errorText).

export const defaultFormLimitBytes = 16 * 1024;

export type FormBody = { ok: true; formData: FormData } | { ok: false; message: string };

// Conform reads "x[99999999]" as a list that long: echoing it back in a field-error reply took
// seconds and hundreds of megabytes for a 20-byte field. No form of ours has lists that long.
const maxListIndex = 999;
const listIndexTooLarge = (name: string) =>
  [...name.matchAll(/\[(\d+)\]/g)].some((match) => Number(match[1]) > maxListIndex);

async function readLimited(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

export async function readForm(request: Request, limit = defaultFormLimitBytes): Promise<FormBody> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    return { ok: false, message: "forms:body.contentType" };
  }
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit) return { ok: false, message: "forms:body.tooLarge" };
  const text = await readLimited(request, limit);
  if (text === null) return { ok: false, message: "forms:body.tooLarge" };
  // U+0000 is never typed into a form, and PostgreSQL cannot store it in text (nor compare with
  // it: a lookup by an id ending in it fails rather than finding nothing), so refuse it here.
  const fields = [...new URLSearchParams(text)];
  if (fields.some(([key, value]) => key.includes("\0") || value.includes("\0"))) {
    return {
      ok: false,
      message: errorKey("forms:body.forbiddenCharacter", { character: "U+0000" }),
    };
  }
  if (fields.some(([key]) => listIndexTooLarge(key))) {
    return { ok: false, message: "forms:body.badFieldName" };
  }
  const formData = new FormData();
  for (const [key, value] of fields) formData.append(key, value);
  return { ok: true, formData };
}

/** A 400 answer in the shape Conform's useForm reads as form-level errors. */
export function formErrorResponse(message: string, status = 400) {
  return data({ result: { status: "error" as const, error: { "": [message] } } }, { status });
}

/**
 * A 400 for a resource route (a CSV download, a fetch): the message in the visitor's words as
 * plain text. A thrown `data()` is not a Response there, and Remix answers it as a server error.
 */
export function plainBadRequest(message: string, locale: Locale) {
  return new Response(errorText(fixedT(locale), message), {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Language": locale },
  });
}
