// Reading an uploaded file (multipart/form-data) defensively: the body is read up to a limit and
// no further, whatever Content-Length says (it may lie or be missing), so a 100 MB upload costs
// at most the limit in memory before it is refused. Messages are message keys.

export type Upload = { ok: true; formData: FormData } | { ok: false; message: string };

export async function readUpload(request: Request, limit: number): Promise<Upload> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(type))
    return { ok: false, message: "forms:body.contentType" };
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit) return { ok: false, message: "admin:import.errors.tooLarge" };
  if (!request.body) return { ok: false, message: "admin:import.errors.noFile" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false, message: "admin:import.errors.tooLarge" };
    }
    chunks.push(value);
  }
  try {
    const formData = await new Request("http://upload.invalid/", {
      method: "POST",
      headers: { "Content-Type": type },
      body: Buffer.concat(chunks),
    }).formData();
    return { ok: true, formData };
  } catch {
    return { ok: false, message: "admin:import.errors.malformedUpload" };
  }
}
