import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

// `/page?bytes=N`: a static document of about N bytes of HTML, rendered by React from ordinary
// elements (sections of a heading, a paragraph and a list, all fixed text), so a Frontline page
// can be set against the framework rendering a page of the same size. The loader hands over only
// N: none of the text goes into the hydration data.

/**
 * Bytes of the document around the content for this route: the head, Remix's context and module
 * scripts, and N itself in the loader data. Measured from this build with `bytes=0`; the bench
 * checks every run that the page it gets is within 3% of the size it asked for.
 */
export const shellBytes = 3625;

const heading = "Greeting a customer who has been waiting";
const paragraph =
  "Look up, say hello and give your name before anything else. Thank the customer for waiting, " +
  "whether it was two minutes or twenty, and say what happens next and how long it will take. " +
  "If you cannot help yourself, find the colleague who can and introduce the customer to them, " +
  "so nobody has to explain the problem twice.";
const items = [
  "Make eye contact and smile before you speak.",
  "Use the name on the booking once you know it.",
  "Say what you will do, then do it, then say it is done.",
];

// Every string is plain ASCII with nothing React escapes, so its length is its size in bytes.
const element = (tag: string, text: string) => `<${tag}>${text}</${tag}>`;
const sectionBytes =
  element("section", element("h2", heading) + element("p", paragraph) + "<ul></ul>").length +
  items.reduce((sum, item) => sum + element("li", item).length, 0);
const fillerStep = element("p", "").length;

export const meta: MetaFunction = () => [{ title: "Bare page" }];

export function loader({ request }: LoaderFunctionArgs) {
  const bytes = Number(new URL(request.url).searchParams.get("bytes") ?? "0");
  if (!Number.isSafeInteger(bytes) || bytes < 0 || bytes > 50_000_000) {
    throw new Response("bytes must be a whole number of bytes", { status: 400 });
  }
  return { bytes };
}

export default function Page() {
  const { bytes } = useLoaderData<typeof loader>();
  const content = Math.max(0, bytes - shellBytes);
  const sections = Math.floor(content / sectionBytes);
  // The rest, less than one section, as one paragraph of the same text cut to length.
  const rest = content - sections * sectionBytes - fillerStep;
  const filler = paragraph.repeat(Math.ceil(Math.max(0, rest) / paragraph.length));
  return (
    <main>
      <h1>A static page</h1>
      {Array.from({ length: sections }, (_, i) => (
        <section key={i}>
          <h2>{heading}</h2>
          <p>{paragraph}</p>
          <ul>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      {rest > 0 ? <p>{filler.slice(0, rest)}</p> : null}
    </main>
  );
}
