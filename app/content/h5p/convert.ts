import { z } from "zod";
import { slugify } from "../extract.server";
import type { ScoringMode } from "../types";
import { attribute, htmlToLine, htmlToMarkdown, htmlToText } from "./html";
import { ImportError } from "./package.server";

// An H5P Branching Scenario (content/content.json, shaped by the content type's semantics.json)
// turned into one Frontline module: text and image screens become sections, branching questions
// become role-play nodes, end screens become endings, and H5P's scoring option becomes the
// matching mode, with scores that give every route the score H5P gives it (docs/authoring.md,
// "Importing from H5P", lists each rule). What Frontline cannot play is reported, never dropped
// in silence.

const num = z.number().finite();
const feedback = z
  .object({
    title: z.string().optional(),
    subtitle: z.string().optional(),
    image: z.object({ path: z.string() }).partial().passthrough().optional(),
    endScreenScore: num.optional(),
  })
  .passthrough();
const alternative = z
  .object({
    text: z.string().default(""),
    nextContentId: num.optional(),
    feedback: feedback.optional(),
  })
  .passthrough();
const screen = z
  .object({
    type: z
      .object({
        library: z.string(),
        params: z.record(z.string(), z.unknown()).default({}),
        subContentId: z.string().optional(),
        metadata: z.object({ title: z.string().optional() }).passthrough().optional(),
      })
      .passthrough(),
    nextContentId: num.optional(),
    feedback: feedback.optional(),
    contentBehaviour: z.string().optional(),
    forceContentFinished: z.string().optional(),
  })
  .passthrough();
const branchingScenario = z
  .object({
    title: z.string().optional(),
    startScreen: z
      .object({
        startScreenTitle: z.string().optional(),
        startScreenSubtitle: z.string().optional(),
        startScreenImage: z.object({ path: z.string() }).partial().passthrough().optional(),
      })
      .passthrough()
      .optional(),
    endScreens: z
      .array(
        z
          .object({
            endScreenTitle: z.string().optional(),
            endScreenSubtitle: z.string().optional(),
            endScreenImage: z.object({ path: z.string() }).partial().passthrough().optional(),
            endScreenScore: num.optional(),
          })
          .passthrough(),
      )
      .optional(),
    content: z.array(screen).min(1),
    scoringOptionGroup: z
      .object({
        scoringOption: z.string().optional(),
        includeInteractionsScores: z.boolean().optional(),
      })
      .passthrough()
      .optional(),
    // Content made before H5P 1.4 kept the option here.
    scoringOption: z.string().optional(),
    behaviour: z
      .object({
        enableBackwardsNavigation: z.boolean().optional(),
        forceContentFinished: z.boolean().optional(),
        randomizeBranchingQuestions: z.boolean().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();
const questionParams = z.object({
  branchingQuestion: z.object({
    question: z.string().default(""),
    alternatives: z.array(alternative),
  }),
});

type Feedback = z.infer<typeof feedback>;
type Alternative = z.infer<typeof alternative>;

export type ImportWarning = { h5pId: string; message: string };

export type Converted = {
  slug: string;
  mdx: string;
  /** Images to copy: path under the package's content/ → file name beside index.mdx. */
  images: { from: string; to: string }[];
  scoring: ScoringMode;
  warnings: ImportWarning[];
};

const modes: Record<string, ScoringMode> = {
  "dynamic-score": "path",
  "static-end-score": "ending",
  "no-score": "none",
};
const imageTypes = [".png", ".jpg", ".jpeg", ".gif", ".webp"];
/** Which files under content/ the importer reads: images it can show (never SVG from outside). */
export const wantedFile = (name: string) =>
  imageTypes.some((ext) => name.toLowerCase().endsWith(ext));

const hasCustomEnd = (f: Feedback | undefined) =>
  !!f && (!!f.title || !!f.subtitle || !!f.image?.path || f.endScreenScore !== undefined);

/**
 * Convert a package's parsed parts. `files` names the files the package holds under content/.
 * Throws ImportError when the content cannot become a module that passes content:check.
 */
export function convert(
  meta: Record<string, unknown>,
  content: unknown,
  files: ReadonlySet<string>,
  options: { slug?: string } = {},
): Converted {
  const mainLibrary = typeof meta.mainLibrary === "string" ? meta.mainLibrary : "";
  if (mainLibrary !== "H5P.BranchingScenario")
    throw new ImportError(
      `This package is ${mainLibrary ? `an ${mainLibrary}` : "not marked with a content type"}; Frontline imports H5P.BranchingScenario packages only`,
    );
  const parsed = z.object({ branchingScenario: branchingScenario }).safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(
      `content/content.json is not a Branching Scenario: ${issue.path.join(".") || "(top)"} ${issue.message}`,
    );
  }
  const bs = parsed.data.branchingScenario;
  const screens = bs.content;
  const warnings: ImportWarning[] = [];
  const warn = (h5pId: string, message: string) => warnings.push({ h5pId, message });
  const idOf = (i: number) => {
    const sub = screens[i]?.type.subContentId;
    return `content ${i}${sub ? ` (${sub})` : ""}`;
  };
  const libraryOf = (i: number) => screens[i]!.type.library.split(" ")[0]!;
  const isQuestion = (i: number) => libraryOf(i) === "H5P.BranchingQuestion";

  const option = bs.scoringOptionGroup?.scoringOption ?? bs.scoringOption ?? "no-score";
  const scoring = modes[option];
  if (!scoring) throw new ImportError(`Unknown H5P scoring option "${option}"`);

  const title =
    htmlToText(String(meta.title ?? "")) ||
    htmlToText(bs.title ?? "") ||
    htmlToText(bs.startScreen?.startScreenTitle ?? "") ||
    "Imported role-play";
  const slug = options.slug ?? slugify(title).slice(0, 60).replace(/-$/, "");
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))
    throw new ImportError(
      `"${slug}" cannot be a module's slug: use lower-case letters, digits and hyphens (--slug)`,
    );

  // Images: the path is relative to the package's content/ folder and must stay inside it.
  const images: Converted["images"] = [];
  const imageFile = (p: string | undefined, where: string): string | null => {
    if (!p) return null;
    if (/^[a-z]+:/i.test(p)) {
      warn(
        where,
        `the image at ${p} is on another site; Frontline shows only images in the module`,
      );
      return null;
    }
    const parts = p.split("/");
    if (p.startsWith("/") || p.includes("\\") || parts.includes(".."))
      throw new ImportError(`${where}: the image path "${p}" escapes the package's content folder`);
    const normalized = parts.filter((s) => s && s !== ".").join("/");
    if (!wantedFile(normalized)) {
      warn(where, `the image ${normalized} is not a PNG, JPEG, GIF or WebP image: left out`);
      return null;
    }
    if (!files.has(normalized))
      throw new ImportError(
        `${where}: the image content/${normalized} is missing from the package`,
      );
    const existing = images.find((i) => i.from === normalized);
    if (existing) return existing.to;
    const base = normalized
      .split("/")
      .pop()!
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, "-");
    let to = base;
    for (let n = 2; images.some((i) => i.to === to); n++) to = `${n}-${base}`;
    images.push({ from: normalized, to });
    return to;
  };

  // Behaviour Frontline does not have.
  if (bs.behaviour?.enableBackwardsNavigation === false)
    warn("behaviour", "H5P did not let learners go back; Frontline's role-plays always can");
  if (bs.behaviour?.randomizeBranchingQuestions)
    warn("behaviour", "H5P shuffled the replies; Frontline shows them in the written order");
  if (bs.behaviour?.forceContentFinished)
    warn("behaviour", "H5P required each screen to be finished; Frontline has no such setting");
  const interactive = ["H5P.InteractiveVideo", "H5P.CoursePresentation"];
  if (
    scoring === "path" &&
    bs.scoringOptionGroup?.includeInteractionsScores &&
    screens.some((s) => interactive.includes(s.type.library.split(" ")[0]!))
  )
    warn(
      "scoringOptionGroup",
      "H5P added the scores of interactions inside screens; Frontline plays none of those screens",
    );
  if (typeof meta.language === "string" && !["en", "und"].includes(meta.language))
    warn(
      "h5p.json",
      `the package is in "${meta.language}"; a Frontline module's source is English: translate it, or add it as a translation (docs/authoring.md)`,
    );

  // Screens no route reaches (H5P keeps them in the content list): left out, and said so.
  const reachable = new Set<number>();
  const queue = [0];
  while (queue.length) {
    const i = queue.shift()!;
    if (reachable.has(i) || !screens[i]) continue;
    reachable.add(i);
    const q = isQuestion(i) ? questionParams.safeParse(screens[i].type.params) : null;
    const next = q?.success
      ? q.data.branchingQuestion.alternatives.map((a) => a.nextContentId)
      : [screens[i].nextContentId];
    for (const n of next) if (n !== undefined && n >= 0) queue.push(n);
  }
  const unreachable = screens.map((_, i) => i).filter((i) => !reachable.has(i));
  for (const i of unreachable)
    warn(idOf(i), "no route reaches this screen, in H5P either: left out");

  // Screens Frontline shows as sections, and those it cannot play.
  const sections: string[] = [];
  const sectionTitles = new Set<string>();
  screens.forEach((s, i) => {
    if (!reachable.has(i)) return;
    const h5pId = idOf(i);
    if (s.contentBehaviour && s.contentBehaviour !== "useBehavioural")
      warn(h5pId, `its own back-button setting ("${s.contentBehaviour}") has no equivalent`);
    if (s.forceContentFinished && s.forceContentFinished !== "useBehavioural")
      warn(h5pId, `its own "finish first" setting ("${s.forceContentFinished}") has no equivalent`);
    if (isQuestion(i)) return;
    const library = libraryOf(i);
    const name = htmlToText(s.type.metadata?.title ?? "") || `Screen ${i}`;
    let body: string;
    if (library === "H5P.AdvancedText") {
      body = htmlToMarkdown(String(s.type.params.text ?? ""));
    } else if (library === "H5P.Image") {
      const p = s.type.params as { file?: { path?: string }; alt?: string };
      const file = imageFile(p.file?.path, h5pId);
      const alt = htmlToText(p.alt ?? "");
      if (!alt) warn(h5pId, "the image has no alternative text: its title stands in; write one");
      body = file
        ? `<Figure ${attribute("src", `./${file}`)} ${attribute("alt", alt || name)} />`
        : "";
    } else {
      warn(h5pId, `${library} cannot be played in Frontline: left out, the route goes on past it`);
      return;
    }
    let heading = name;
    for (let n = 2; sectionTitles.has(heading.toLowerCase()); n++) heading = `${name} (${n})`;
    sectionTitles.add(heading.toLowerCase());
    sections.push(
      `## ${escapeMarkdown(heading)}\n\n${body || "_(This screen was empty in H5P.)_"}`,
    );
  });

  // Endings. H5P ends where a reply or screen leads to a negative id: its own feedback is a
  // custom end screen; otherwise the default end screen (endScreens[0]) shows.
  const fallback = bs.endScreens?.[0] ?? {};
  const defaultScore = fallback.endScreenScore ?? 0;
  type Ending = { id: string; title: string; outcome: string; score: number; h5pId: string };
  const endings: Ending[] = [];
  const endingFor = (f: Feedback | undefined, id: string, h5pId: string): string => {
    const custom = hasCustomEnd(f);
    const endId = custom ? id : "end";
    if (endings.some((e) => e.id === endId)) return endId;
    const endTitle =
      htmlToText((custom ? f?.title : undefined) ?? fallback.endScreenTitle ?? "") || "The end";
    const outcome =
      htmlToLine((custom ? f?.subtitle : undefined) ?? fallback.endScreenSubtitle ?? "") ||
      escapeMarkdown(endTitle);
    if (custom && f?.image?.path)
      warn(h5pId, "the end screen's image is not shown: endings are text");
    if (!custom && fallback.endScreenImage?.path)
      warn("endScreens", "the default end screen's image is not shown: endings are text");
    let score = defaultScore;
    if (custom && f?.endScreenScore !== undefined) score = f.endScreenScore;
    else if (custom && scoring === "ending")
      warn(h5pId, `this end screen has no score: it gets the default end screen's ${defaultScore}`);
    endings.push({ id: endId, title: endTitle, outcome, score, h5pId });
    return endId;
  };

  // Where a reply really leads: through plain screens to the next question, or to an ending. In
  // H5P's dynamic score a plain screen that leads on counts its score when it is left; the reply
  // into it carries that score here, so the route sums the same.
  const resolve = (
    target: number | undefined,
    from: string,
  ): { to: string; carried: number; through: Set<number> } => {
    let carried = 0;
    const seen = new Set<number>();
    let at = target;
    for (;;) {
      if (at === undefined || !Number.isInteger(at))
        throw new ImportError(`${from} leads nowhere (no nextContentId)`);
      if (at < 0) return { to: endingFor(undefined, "end", from), carried, through: seen };
      if (at >= screens.length)
        throw new ImportError(`${from} leads to content ${at}, which is missing from the package`);
      if (isQuestion(at)) return { to: nodeId(at), carried, through: seen };
      if (seen.has(at))
        throw new ImportError(`${idOf(at)} loops through screens with no question: it never ends`);
      seen.add(at);
      const s = screens[at]!;
      // H5P's player reads a screen without nextContentId as one that ends.
      if (s.nextContentId === undefined || s.nextContentId < 0)
        return { to: endingFor(s.feedback, `end-${at}`, idOf(at)), carried, through: seen };
      // H5P counts a plain screen's score only when it leads on to a later screen (id above 0).
      if (
        scoring === "path" &&
        s.feedback?.endScreenScore !== undefined &&
        (s.nextContentId ?? 0) > 0
      )
        carried += s.feedback.endScreenScore;
      at = s.nextContentId;
    }
  };
  const nodeId = (i: number) => `question-${i}`;

  const start = resolve(0, "The start");
  if (endings.some((e) => e.id === start.to))
    throw new ImportError(
      "This Branching Scenario has no branching question to play as a role-play",
    );
  screens.forEach((s, i) => {
    if (
      !isQuestion(i) &&
      reachable.has(i) &&
      !start.through.has(i) &&
      ["H5P.AdvancedText", "H5P.Image"].includes(libraryOf(i))
    )
      warn(
        idOf(i),
        "H5P shows this screen between replies; Frontline shows it as a section before the role-play",
      );
  });
  // Screens before the first question score once per run in H5P: each first reply carries that.
  const leadIn = start.carried;

  // Nodes, in content order.
  const nodes: string[] = [];
  const edges: { from: string; to: string; score: number; where: string }[] = [];
  screens.forEach((s, i) => {
    if (!isQuestion(i) || !reachable.has(i)) return;
    const h5pId = idOf(i);
    const q = questionParams.safeParse(s.type.params);
    if (!q.success) throw new ImportError(`${h5pId} is a branching question without alternatives`);
    const alternatives = q.data.branchingQuestion.alternatives;
    if (alternatives.length < 2 || alternatives.length > 4)
      throw new ImportError(
        `${h5pId} has ${alternatives.length} alternatives; a Frontline role-play node takes 2 to 4`,
      );
    const line = htmlToLine(q.data.branchingQuestion.question) || "What do you say?";
    const choices = alternatives.map((alt, a) => choice(alt, a, i, h5pId));
    nodes.push(
      [
        `  <Node id="${nodeId(i)}" speaker="Customer" mood="neutral">`,
        `    ${line}`,
        ...choices,
        "  </Node>",
      ].join("\n"),
    );
  });

  function choice(alt: Alternative, a: number, i: number, h5pId: string): string {
    const where = `${h5pId}, alternative ${a + 1}`;
    // An alternative without nextContentId ends there, as H5P's player treats it.
    const intoEnd = alt.nextContentId === undefined || alt.nextContentId < 0;
    const target = intoEnd
      ? { to: endingFor(alt.feedback, `end-${i}-${a + 1}`, where), carried: 0, through: new Set() }
      : resolve(alt.nextContentId, where);
    let score = 0;
    if (scoring === "path") {
      // H5P's dynamic score counts a reply's score unless it leads straight to an end screen.
      score =
        (intoEnd ? 0 : (alt.feedback?.endScreenScore ?? 0)) +
        target.carried +
        (nodeId(i) === start.to ? leadIn : 0);
      if (intoEnd && alt.feedback?.endScreenScore)
        warn(
          where,
          `its end-screen score (${alt.feedback.endScreenScore}) counts only in H5P's static scoring: not imported`,
        );
    }
    if (!Number.isInteger(score) || score < -100 || score > 100)
      throw new ImportError(
        `${where} scores ${score}; Frontline takes whole numbers from -100 to 100`,
      );
    // Feedback shown on the way to another screen; into an end, the feedback is the ending.
    const said = intoEnd
      ? ""
      : [htmlToText(alt.feedback?.title ?? ""), htmlToText(alt.feedback?.subtitle ?? "")]
          .filter(Boolean)
          .reduce((a, b) => (!a ? b : /[.!?:…]$/.test(a) ? `${a} ${b}` : `${a}. ${b}`), "");
    if (!intoEnd && alt.feedback?.image?.path) warn(where, "its feedback image is not shown");
    edges.push({ from: nodeId(i), to: target.to, score, where });
    const props = [
      attribute("to", target.to),
      score ? `score={${score}}` : "",
      said ? attribute("feedback", said) : "",
    ].filter(Boolean);
    const text = htmlToLine(alt.text) || `Reply ${a + 1}`;
    return `    <Choice ${props.join(" ")}>\n      ${text}\n    </Choice>`;
  }

  if (scoring === "path") warnScoredLoops(start.to, edges, warn);

  // The rating is Frontline's own: from the score where endings are scored, else a neutral one.
  const best = Math.max(...endings.map((e) => e.score));
  const worst = Math.min(...endings.map((e) => e.score));
  const rating = (e: Ending) =>
    scoring !== "ending" || best === worst
      ? "mixed"
      : e.score === best
        ? "good"
        : e.score === worst
          ? "bad"
          : "mixed";
  if (scoring !== "ending")
    warn(
      "endScreens",
      'H5P endings have no rating: each is "mixed"; set good or bad where it fits',
    );
  warn("content", 'H5P questions have no speaker or mood: each node says "Customer", neutral');

  const endingsMdx = endings.map((e) =>
    [
      `  <Ending ${attribute("id", e.id)} ${attribute("title", e.title)} rating="${rating(e)}"${scoring === "ending" ? ` score={${e.score}}` : ""}>`,
      `    ${e.outcome}`,
      "  </Ending>",
    ].join("\n"),
  );

  // The start screen's text is the summary; only a longer one is repeated in full as the intro.
  const startText = htmlToText(bs.startScreen?.startScreenSubtitle ?? "");
  const intro = startText.length > 200 ? htmlToMarkdown(bs.startScreen!.startScreenSubtitle!) : "";
  const startImage = imageFile(bs.startScreen?.startScreenImage?.path, "startScreen");
  const summary =
    (startText.length > 200 ? `${startText.slice(0, 199).trimEnd()}…` : startText) ||
    `Imported from the H5P Branching Scenario "${title}".`;
  const minutes = Math.min(120, Math.max(5, Math.ceil(nodes.length * 1.5 + sections.length)));
  const frontmatter = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `summary: ${JSON.stringify(summary)}`,
    `minutes: ${minutes}`,
    'version: "1.0"',
    "audience:",
    "  roles: [employee, manager]",
    "required: false",
    "dueDays: 14",
    "passScore: 80",
    "# Imported from H5P: a draft until a trainer has read it through.",
    "draft: true",
    "---",
  ].join("\n");
  const scenario = [
    `<Scenario ${attribute("id", slug.slice(0, 40).replace(/-$/, ""))} ${attribute("title", title)} start="${start.to}" scoring="${scoring}">`,
    ...nodes,
    ...endingsMdx,
    "</Scenario>",
  ].join("\n");
  const mdx = [
    frontmatter,
    intro,
    startImage
      ? `<Figure ${attribute("src", `./${startImage}`)} ${attribute("alt", title)} />`
      : "",
    ...sections,
    `## ${escapeMarkdown(sectionTitles.has("role-play") ? "Role-play (2)" : "Role-play")}`,
    scenario,
  ]
    .filter(Boolean)
    .join("\n\n");
  return { slug, mdx: `${mdx}\n`, images, scoring, warnings };
}

/** Text that Markdown and MDX read as itself (a heading, an ending's line). */
function escapeMarkdown(text: string) {
  return text.replace(/[\\`*_{}[\]<>#|~!]/g, (c) => `\\${c}`);
}

/**
 * A reply back to an earlier question: H5P keeps the scores of the questions visited in between,
 * Frontline drops them (docs/decisions/006, difference 2). Routes through such a loop score
 * differently when any of those questions has a scored reply, so each is reported.
 */
function warnScoredLoops(
  start: string,
  edges: { from: string; to: string; score: number; where: string }[],
  warn: (h5pId: string, message: string) => void,
) {
  const out = (id: string) => edges.filter((e) => e.from === id);
  const reach = (from: string) => {
    const seen = new Set<string>([from]);
    const queue = [from];
    while (queue.length)
      for (const { to } of out(queue.shift()!))
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
    return seen;
  };
  // Back edges of a depth-first walk from the start: replies to a question still being walked.
  const back: typeof edges = [];
  const state = new Map<string, "open" | "done">();
  const walk = (id: string) => {
    state.set(id, "open");
    for (const edge of out(id)) {
      if (state.get(edge.to) === "open") back.push(edge);
      else if (!state.has(edge.to)) walk(edge.to);
    }
    state.set(id, "done");
  };
  walk(start);
  back.sort((a, b) => edges.indexOf(a) - edges.indexOf(b));
  for (const edge of back) {
    // The questions on a way from the loop's target back to this one, the target excluded.
    const between = [...reach(edge.to)].filter((id) => id !== edge.to && reach(id).has(edge.from));
    if (edges.some((e) => between.includes(e.from) && e.score !== 0))
      warn(
        edge.where,
        `it loops back to content ${edge.to.replace("question-", "")}; H5P keeps the scores of the questions in between, Frontline drops them, so routes through this loop score differently`,
      );
  }
}
