import path from "node:path";
import { moduleSlugs, translationLocales } from "~/content/compile.server";
import { isStamped, stampTranslation } from "~/content/stamp.server";

// `npm run content:stamp -- <slug> <locale>`: record in a translation's frontmatter which English
// text it was made from, after a translator has brought it up to date. `--unstamped` stamps every
// translation that has no stamp yet. See docs/authoring.md.

const dir = path.resolve(process.env.CONTENT_DIR ?? "content");
const [first, second] = process.argv.slice(2);

async function stamp(slug: string, locale: string) {
  const result = await stampTranslation(dir, slug, locale);
  if ("error" in result) {
    console.error(result.error);
    process.exitCode = 1;
  } else console.log(`stamped modules/${slug}/index.${locale}.mdx from ${slug}@${result.version}`);
}

if (first === "--unstamped") {
  for (const slug of moduleSlugs(dir))
    for (const locale of translationLocales(dir, slug))
      if (!isStamped(dir, slug, locale)) await stamp(slug, locale);
} else if (first && second) {
  await stamp(first, second);
} else {
  console.error("usage: npm run content:stamp -- <slug> <locale> | --unstamped");
  process.exit(2);
}
