import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { requireArea } from "~/auth/permissions.server";
import { imageContentType, slugPattern } from "~/content/compile.server";
import { canSeeDrafts } from "~/content/modules.server";
import { contentDir, getModuleArtefact } from "~/content/store.server";

// Images beside a module's index.mdx, for signed-in readers of that module only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "training");
  const slug = params.slug ?? "";
  const name = params.file ?? "";
  const type = imageContentType(name);
  const notFound = () => data({ message: "No such file." }, { status: 404 });
  if (!slugPattern.test(slug) || !type || name !== path.basename(name) || name.startsWith("."))
    throw notFound();
  const artefact = await getModuleArtefact(slug);
  if (!artefact || (artefact.frontmatter?.draft && !canSeeDrafts(user))) throw notFound();
  const file = path.join(contentDir(), "modules", slug, name);
  if (!existsSync(file)) throw notFound();
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    headers: {
      "Content-Type": type,
      "Cache-Control": "private, max-age=3600",
      // An SVG opened directly must not run script.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
