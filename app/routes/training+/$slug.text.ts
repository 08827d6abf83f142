import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireArea } from "~/auth/permissions.server";
import { prosePieces, proseRuns } from "~/components/content/prose.server";
import { requireReadableModule } from "~/content/modules.server";
import { requestLocale } from "~/i18n/locale.server";

// GET /training/<slug>/text: the module's runs of text as HTML, by key, as this reader is served
// them. The page fetches them only when it was not rendered by the server (a navigation inside
// the app); a page load gets them in its HTML. The same access as the module page itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "training");
  const module = await requireReadableModule(params.slug ?? "", user);
  const runs = proseRuns(prosePieces(module, await requestLocale(request, user)));
  return Response.json(
    { runs },
    {
      headers: {
        "Cache-Control": "private, no-store",
        "Content-Language": module.language?.served ?? "en",
      },
    },
  );
}
