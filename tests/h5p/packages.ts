// Test packages shaped like real H5P Branching Scenario exports (.h5p zips), good and bad. The
// scores each good package earns under H5P's rules are pinned in h5p-rules.test.ts.
import { constants, crc32, deflateRawSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import type {
  H5PAlternative,
  H5PContent,
  H5PFeedback,
  H5PParams,
  H5PScoringOption,
} from "./h5p-rules";

// ---------------------------------------------------------------------------------------------
// The zip

/** Versions written into h5p.json and the library folders (current releases, May 2026). */
const LIBRARY_VERSIONS: Record<string, string> = {
  "H5P.BranchingScenario": "1.10",
  "H5P.BranchingQuestion": "1.0",
  "H5P.AdvancedText": "1.1",
  "H5P.Image": "1.1",
  "H5P.Video": "1.6",
  "H5P.InteractiveVideo": "1.28",
  "H5P.CoursePresentation": "1.27",
  "H5P.ImageHotspots": "1.10",
};

type PackageOptions = {
  title?: string;
  mainLibrary?: string;
  /** Extra zip entries, e.g. "content/images/door.png". */
  files?: Record<string, Uint8Array>;
  omit?: ("h5p.json" | "content/content.json")[];
};

function dependency(machineName: string) {
  const [major, minor] = (LIBRARY_VERSIONS[machineName] ?? "1.0").split(".").map(Number);
  return { machineName, majorVersion: major ?? 1, minorVersion: minor ?? 0 };
}

/** The entries of a package, before zipping (shared by h5pPackage and zipBomb). */
function packageEntries(params: H5PParams, opts: PackageOptions = {}): Record<string, Uint8Array> {
  const mainLibrary = opts.mainLibrary ?? "H5P.BranchingScenario";
  const used = params.content.map((n) => n.type.library.split(" ")[0] ?? "");
  const dependencies = [...new Set([mainLibrary, ...used])].map(dependency);
  const h5pJson = {
    title: opts.title ?? params.title ?? "Untitled",
    language: "en",
    mainLibrary,
    embedTypes: ["iframe"],
    license: "U",
    defaultLanguage: "en",
    preloadedDependencies: dependencies,
  };
  const entries: Record<string, Uint8Array> = {};
  if (!opts.omit?.includes("h5p.json")) entries["h5p.json"] = strToU8(JSON.stringify(h5pJson));
  if (!opts.omit?.includes("content/content.json")) {
    entries["content/content.json"] = strToU8(JSON.stringify({ branchingScenario: params }));
  }
  Object.assign(entries, opts.files);
  // A token library folder per dependency, as a real export carries the libraries' code.
  for (const d of dependencies) {
    const library = { title: d.machineName, ...d, patchVersion: 0, runnable: 0 };
    entries[`${d.machineName}-${d.majorVersion}.${d.minorVersion}/library.json`] = strToU8(
      JSON.stringify(library),
    );
  }
  return entries;
}

/** A zip like a real .h5p export: h5p.json, content/content.json, extra files, library folders. */
export function h5pPackage(params: H5PParams, opts: PackageOptions = {}): Uint8Array {
  return zipSync(packageEntries(params, opts), { mtime: new Date("2026-05-01T09:00:00Z") });
}

// ---------------------------------------------------------------------------------------------
// Building blocks for params

const scenario = (
  title: string,
  scoringOption: H5PScoringOption,
  content: H5PContent[],
  defaultEndScore = 0,
): H5PParams => ({
  title,
  startScreen: { startScreenTitle: title, startScreenSubtitle: "Customer service practice" },
  endScreens: [
    {
      endScreenTitle: "Conversation closed",
      endScreenSubtitle: "The customer has an answer for now.",
      endScreenScore: defaultEndScore,
      contentId: -1,
    },
  ],
  content: content.map((node, index) => ({ ...node, contentId: index })),
  scoringOptionGroup: { scoringOption, includeInteractionsScores: true },
  behaviour: {
    enableBackwardsNavigation: false,
    forceContentFinished: false,
    randomizeBranchingQuestions: false,
  },
  l10n: {
    startScreenButtonText: "Start the course",
    endScreenButtonText: "Restart the course",
    proceedButtonText: "Proceed",
    scoreText: "Your score:",
    backButtonText: "Back",
    fullscreenAria: "Fullscreen",
    replayButtonText: "Replay the video",
    disableProceedButtonText: "Require to complete the current module",
  },
});

const screen = (
  library: string,
  contentType: string,
  title: string,
  params: H5PContent["type"]["params"],
  subContentId: string,
  nextContentId: number,
  feedback: H5PFeedback = {},
): H5PContent => ({
  type: { library, params, subContentId, metadata: { title, contentType, license: "U" } },
  showContentTitle: false,
  proceedButtonText: "Proceed",
  forceContentFinished: "useBehavioural",
  contentBehaviour: "useBehavioural",
  nextContentId,
  feedback,
});

/** A branching question. Its own nextContentId is -1, as the editor writes it. */
const question = (id: string, title: string, html: string, alternatives: H5PAlternative[]) =>
  screen(
    "H5P.BranchingQuestion 1.0",
    "Branching Question",
    title,
    { branchingQuestion: { question: html, alternatives } },
    id,
    -1,
  );

/** An alternative; `score` is its feedback.endScreenScore. */
const alt = (text: string, nextContentId: number, score?: number, end?: H5PFeedback) => ({
  text,
  nextContentId,
  feedback: { ...end, ...(score === undefined ? {} : { endScreenScore: score }) },
});

const text = (id: string, title: string, html: string, next: number, score?: number) =>
  screen("H5P.AdvancedText 1.1", "Text", title, { text: html }, id, next, {
    ...(score === undefined ? {} : { endScreenScore: score }),
  });

// ---------------------------------------------------------------------------------------------
// Ready-made params (each node's subContentId is fixed)

/**
 * Dynamic score. Two routes from the opening question meet at one shared question, whose
 * alternatives end in a custom end screen (score 10, which dynamic scoring ignores) or the
 * default end screen. Scores: q0 +2/-1, q1 +3/0, q2 +1/-2.
 */
export const diamond: H5PParams = scenario("Late delivery: the birthday parcel", "dynamic-score", [
  question(
    "7c1e2f30-1a4b-4c5d-8e6f-0a1b2c3d4e01",
    "Opening the reply",
    "<p>Priya emails: her parcel is five days late and she needs it for a birthday on Saturday. How do you open your reply?</p>",
    [
      alt("Apologise, and say you are checking the tracking now.", 1, 2),
      alt("Explain that delays are the courier's responsibility.", 2, -1),
    ],
  ),
  question(
    "7c1e2f30-1a4b-4c5d-8e6f-0a1b2c3d4e02",
    "The parcel is stuck",
    "<p>Tracking shows the parcel stuck at the regional depot since Monday. What do you offer?</p>",
    [
      alt("Re-send it by next-day express at no cost.", 3, 3),
      alt("Ask her to wait until the depot clears its backlog.", 3, 0),
    ],
  ),
  question(
    "7c1e2f30-1a4b-4c5d-8e6f-0a1b2c3d4e03",
    "She asks for a manager",
    "<p>Priya replies: “I don't care whose fault it is. Put me through to a manager.” What now?</p>",
    [
      alt("Take ownership: apologise and check the tracking yourself.", 3, 1),
      alt("Transfer her to the manager queue (about 40 minutes).", 3, -2),
    ],
  ),
  question(
    "7c1e2f30-1a4b-4c5d-8e6f-0a1b2c3d4e04",
    "The express charge",
    "<p>Priya adds that her invoice charged £4.99 for express shipping she never got. What do you do?</p>",
    [
      alt("Refund the £4.99 now and confirm it by email.", -1, 10, {
        title: "Priya stays a customer",
        subtitle: "The parcel is on its way and the charge is refunded.",
      }),
      alt("Tell her the billing team will be in touch.", -1),
    ],
  ),
]);

/**
 * Dynamic score with loops. Content 0 and 3 are AdvancedText screens worth 1 and 2. Question 2's
 * second alternative goes back to question 1 (an earlier question); question 4's third goes back
 * to the start screen. Scores: q1 +2/-1, q2 +3/+1/end, q4 end(5)/end/+1.
 */
export const loop: H5PParams = scenario("Wrong invoice: charged twice", "dynamic-score", [
  text(
    "3f9a0b6e-5d2c-4e1f-9a7b-1c2d3e4f5a00",
    "Refund policy reminder",
    "<p>Refund policy: a duplicate card charge is refunded within 5 working days. Always confirm the refund in writing.</p>",
    1,
    1,
  ),
  question(
    "3f9a0b6e-5d2c-4e1f-9a7b-1c2d3e4f5a01",
    "Charged twice",
    "<p>Tomasz writes: “You've charged me twice for March, £49 each time.” What is your first step?</p>",
    [
      alt("Open his billing history and go through it with him.", 2, 2),
      alt("Escalate straight to the billing team.", 3, -1),
    ],
  ),
  question(
    "3f9a0b6e-5d2c-4e1f-9a7b-1c2d3e4f5a02",
    "One charge is pending",
    "<p>You see two £49 charges, but one is marked “pending”. What do you tell him?</p>",
    [
      alt("The pending charge will drop off within 5 working days; I'll confirm by email.", 3, 3),
      alt("I'm not sure yet. Let me go back and re-check your account.", 1, 1),
      alt("Ask your bank for a chargeback.", -1, undefined, {
        title: "Tomasz files a chargeback",
        subtitle: "The bank now handles a refund we would have made anyway.",
      }),
    ],
  ),
  text(
    "3f9a0b6e-5d2c-4e1f-9a7b-1c2d3e4f5a03",
    "Confirm in writing",
    "<p>Summarise what happens next and send Tomasz the written confirmation.</p>",
    4,
    2,
  ),
  question(
    "3f9a0b6e-5d2c-4e1f-9a7b-1c2d3e4f5a04",
    "Anything else?",
    "<p>Tomasz thanks you and asks whether there is anything else you can do.</p>",
    [
      alt("Offer a £5 goodwill credit for the trouble.", -1, 5, {
        title: "Complaint resolved",
        subtitle: "Tomasz has his refund date in writing and a goodwill credit.",
      }),
      alt("Thank him and close the chat.", -1),
      alt("Start over from the policy reminder.", 0, 1),
    ],
  ),
]);

/**
 * Static end score: custom end screens worth 0, 10 and 5, and the default end screen worth 2. The
 * +4 on question 0's first alternative leads on, so static scoring ignores it.
 */
export const staticEnds: H5PParams = scenario(
  "Wrong invoice: the returned coffee machine",
  "static-end-score",
  [
    question(
      "b2d4f6a8-0c1e-4a3b-8d5f-7e9a1b3c5d00",
      "A returned item on the invoice",
      "<p>Amara says her March invoice lists a coffee machine she returned in February. What do you do?</p>",
      [
        alt("Check the returns log while she's on the line.", 1, 4),
        alt("Tell her invoices can't be changed once issued.", -1, 0, {
          title: "Amara closes her account",
          subtitle: "An invoice error became a lost customer.",
        }),
      ],
    ),
    question(
      "b2d4f6a8-0c1e-4a3b-8d5f-7e9a1b3c5d01",
      "The return arrived",
      "<p>The returns log shows the machine arrived back on 14 February. What next?</p>",
      [
        alt("Issue a corrected invoice, apologise, and confirm by email.", -1, 10, {
          title: "Invoice corrected, trust restored",
          subtitle: "Amara has a corrected invoice and an apology in writing.",
        }),
        alt("Issue a corrected invoice without comment.", -1, 5, {
          title: "Invoice corrected",
          subtitle: "The numbers are right, but Amara is still annoyed.",
        }),
        alt("Ask her to email the accounts team herself.", -1),
      ],
    ),
  ],
  2,
);

/** No score: the scores written on a screen and an end screen are ignored. */
export const noScore: H5PParams = scenario("Late delivery: the delivery fee", "no-score", [
  text(
    "e5f6a7b8-2c3d-4e5f-8a9b-0c1d2e3f4a00",
    "Late-delivery policy",
    "<p>Policy: when a parcel arrives more than one day late, refund the delivery fee without being asked twice.</p>",
    1,
    3,
  ),
  question(
    "e5f6a7b8-2c3d-4e5f-8a9b-0c1d2e3f4a01",
    "Can I get the fee back?",
    "<p>Jonas asks whether he can get the delivery fee back for a parcel that arrived two days late.</p>",
    [
      alt("Yes: refund the fee now, as the policy allows.", -1, 7, {
        title: "Fee refunded",
        subtitle: "Jonas got the refund in one contact.",
      }),
      alt("Say you'll look into it.", -1),
    ],
  ),
]);

/**
 * Dynamic score where every scored alternative is negative (-2/-1, -3, and an end screen worth -5
 * that dynamic scoring ignores), so H5P's max is 0.
 */
export const negative: H5PParams = scenario("Damaged delivery: the cracked jug", "dynamic-score", [
  question(
    "0d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f00",
    "A cracked jug",
    "<p>Leila's blender arrived with a cracked jug. How do you respond?</p>",
    [
      alt("Say the courier must have dropped it.", 1, -2),
      alt("Ask for photos before you can do anything.", 1, -1),
    ],
  ),
  question(
    "0d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f01",
    "No photos",
    "<p>Leila says she has already thrown the box away and won't send photos.</p>",
    [
      alt("Close the ticket: no photos, no refund.", -1),
      alt("Remind her that she agreed to the terms and conditions.", 2, -3),
    ],
  ),
  question(
    "0d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f02",
    "A chargeback threat",
    "<p>Leila says she will raise a chargeback with her bank.</p>",
    [
      alt("Read the returns policy out to her.", -1, -5, {
        title: "Chargeback filed",
        subtitle: "Leila's bank will decide instead of us.",
      }),
      alt("End the chat.", -1),
    ],
  ),
]);

/** A 2×2 RGB PNG (orange and white squares), 77 bytes. */
export const tinyPng = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR42mP4Oo/7////DEAMZAEAQlwJN08n2s4AAAAASUVORK5CYII=",
    "base64",
  ),
);

/** An ISO-BMFF "ftyp" box: looks like the start of an MP4 file, but does not play. */
export const tinyMp4 = Uint8Array.from(
  Buffer.from("00000018667479706d703432000000006d70343269736f6d", "hex"),
);

export const MIXED_MEDIA_IMAGE = "images/file-wrong-cable-label.png";
export const MIXED_MEDIA_VIDEO = "videos/file-returns-walkthrough.mp4";
export const MIXED_MEDIA_ALT = "Parcel label: order 48213, item “USB-C cable, 1 m”";

const imageScreen = (path: string, next: number, score?: number) =>
  screen(
    "H5P.Image 1.1",
    "Image",
    "The label Sam photographed",
    {
      file: { path, mime: "image/png", width: 2, height: 2 },
      alt: MIXED_MEDIA_ALT,
      contentName: "Image",
    },
    "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01",
    next,
    score === undefined ? {} : { endScreenScore: score },
  );

const mixedMediaParams = (imagePath: string): H5PParams =>
  scenario("Wrong item delivered: the short cable", "dynamic-score", [
    text(
      "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c00",
      "Wrong item delivered",
      "<h2>Wrong item delivered</h2><p>Sam ordered a 2-metre charging cable and received a 1-metre one. Look at the photo Sam sent, then watch the returns walkthrough.</p>",
      1,
    ),
    imageScreen(imagePath, 2, 1),
    screen(
      "H5P.Video 1.6",
      "Video",
      "Returns walkthrough",
      {
        sources: [{ path: MIXED_MEDIA_VIDEO, mime: "video/mp4" }],
        visuals: { fit: true, controls: true },
        playback: { autoplay: false, loop: false },
      },
      "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c02",
      3,
      { endScreenScore: 2 },
    ),
    question(
      "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03",
      "Putting it right",
      "<p>Sam asks how to get the right cable. What do you offer?</p>",
      [
        alt("Send the 2-metre cable today with a prepaid label for the wrong one.", -1, 5, {
          title: "Sorted in one contact",
          subtitle: "Sam has the right cable on its way and a free return.",
        }),
        alt("Ask Sam to return the cable first, then order again.", -1),
      ],
    ),
  ]);

/**
 * Dynamic score: an AdvancedText intro (content 0), an H5P.Image screen worth 1, an H5P.Video
 * screen worth 2, then a question whose alternatives both end. Zip it with mixedMediaFiles.
 */
export const mixedMedia: H5PParams = mixedMediaParams(MIXED_MEDIA_IMAGE);

/** The media files mixedMedia refers to, as zip entries. */
export const mixedMediaFiles: Record<string, Uint8Array> = {
  [`content/${MIXED_MEDIA_IMAGE}`]: tinyPng,
  [`content/${MIXED_MEDIA_VIDEO}`]: tinyMp4,
};

// ---------------------------------------------------------------------------------------------
// Bad inputs

/** 4 KiB of seeded pseudo-random bytes (xorshift32): the same every run, and not a zip. */
export const notAZip: Uint8Array = (() => {
  const out = new Uint8Array(4096);
  let x = 0x9e3779b9;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
})();

/** A well-formed package whose h5p.json names another content type. */
export const wrongType: Uint8Array = h5pPackage(diamond, { mainLibrary: "H5P.InteractiveVideo" });

/** No content/content.json. */
export const missingContent: Uint8Array = h5pPackage(diamond, { omit: ["content/content.json"] });

/** mixedMedia without its image file (the video is there). */
export const missingImage: Uint8Array = h5pPackage(mixedMedia, {
  files: { [`content/${MIXED_MEDIA_VIDEO}`]: tinyMp4 },
});

/**
 * Path traversal twice over: a zip entry named "content/../../evil.txt", and an H5P.Image whose
 * file.path is "../../../etc/passwd" (resolved against content/, it leaves the package).
 */
export const escapingPath: Uint8Array = h5pPackage(mixedMediaParams("../../../etc/passwd"), {
  files: {
    ...mixedMediaFiles,
    "content/../../evil.txt": strToU8("written outside the package folder"),
  },
});

const MIB = 1024 * 1024;
/** How far a zip bomb's content/content.json inflates: 210 MiB of JSON, over a 200 MiB limit. */
export const ZIP_BOMB_PADDING = 210 * MIB;

type RawEntry = { name: string; method: 0 | 8; crc: number; size: number; data: Uint8Array };

/**
 * Writes a zip from entries already compressed (method 8, raw deflate) or stored (method 0):
 * per entry a 30-byte local header and the data; then a 46-byte central directory header per
 * entry and the 22-byte end-of-central-directory record (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16).
 */
function writeZip(entries: RawEntry[]): Uint8Array {
  const names = entries.map((e) => strToU8(e.name));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i]!.length + e.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const dosDate = ((2026 - 1980) << 9) | (5 << 5) | 1; // 1 May 2026, 00:00
  let at = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    const name = names[i]!;
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true); // local file header signature
    view.setUint16(at + 4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(at + 8, e.method, true);
    view.setUint16(at + 12, dosDate, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.data.length, true); // compressed size
    view.setUint32(at + 22, e.size, true); // uncompressed size
    view.setUint16(at + 26, name.length, true);
    out.set(name, at + 30);
    out.set(e.data, at + 30 + name.length);
    at += 30 + name.length + e.data.length;
  });
  entries.forEach((e, i) => {
    const name = names[i]!;
    view.setUint32(at, 0x02014b50, true); // central directory header signature
    view.setUint16(at + 4, 20, true); // version made by
    view.setUint16(at + 6, 20, true); // version needed
    view.setUint16(at + 10, e.method, true);
    view.setUint16(at + 14, dosDate, true);
    view.setUint32(at + 16, e.crc, true);
    view.setUint32(at + 20, e.data.length, true); // compressed size
    view.setUint32(at + 24, e.size, true); // uncompressed size
    view.setUint16(at + 28, name.length, true);
    view.setUint32(at + 42, offsets[i]!, true); // where the local header is
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, 0x06054b50, true); // end of central directory signature
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, localSize, true); // where the central directory starts
  return out;
}

let bomb: Uint8Array | undefined;

/**
 * A package whose content/content.json inflates to over 200 MiB (its JSON followed by
 * ZIP_BOMB_PADDING bytes of spaces, so it would even parse) from a zip of about 0.2 MiB. Sizes and
 * CRCs in the headers are truthful. Built in ~50 ms without holding 210 MiB in memory: one MiB
 * of spaces is deflated once, with a sync flush so it ends on a byte boundary, and that chunk is
 * repeated 210 times, then closed with an empty final block. Memoised; do not modify the result.
 */
export function zipBomb(): Uint8Array {
  if (bomb) return bomb;
  const entries = packageEntries(diamond);
  const json = entries["content/content.json"]!;
  const spaces = new Uint8Array(MIB).fill(0x20);
  const flush = { level: 9, finishFlush: constants.Z_SYNC_FLUSH };
  const head = deflateRawSync(json, flush);
  const chunk = deflateRawSync(spaces, flush);
  const finalBlock = Uint8Array.of(0x03, 0x00); // BFINAL=1, fixed Huffman, end-of-block
  const chunks = ZIP_BOMB_PADDING / MIB;
  const data = new Uint8Array(head.length + chunks * chunk.length + finalBlock.length);
  data.set(head, 0);
  let crc = crc32(json);
  for (let i = 0; i < chunks; i++) {
    data.set(chunk, head.length + i * chunk.length);
    crc = crc32(spaces, crc);
  }
  data.set(finalBlock, data.length - finalBlock.length);

  const raw: RawEntry[] = Object.entries(entries).map(([name, bytes]) =>
    name === "content/content.json"
      ? { name, method: 8, crc, size: json.length + ZIP_BOMB_PADDING, data }
      : { name, method: 8, crc: crc32(bytes), size: bytes.length, data: deflateRawSync(bytes) },
  );
  bomb = writeZip(raw);
  return bomb;
}

/**
 * Rewrites an entry's declared uncompressed size, leaving its data alone. In the central
 * directory header the size is the 4 bytes at +24 (little-endian); in the local file header at
 * +22. The central directory is found from the end-of-central-directory record (the last 22
 * bytes when there is no zip comment): entry count at +10, directory offset at +16. A central
 * header's name length is at +28, extra length at +30, comment length at +32, the local header's
 * offset at +42 and the name at +46. Works on zips from zipSync and zipBomb (no ZIP64, no comment).
 */
export function declareUncompressedSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const end = out.length - 22;
  if (view.getUint32(end, true) !== 0x06054b50)
    throw new Error("no end-of-central-directory record");
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength));
    if (name === entry) {
      view.setUint32(at + 24, size, true);
      view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
      return out;
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no entry ${entry}`);
}

/** What lyingZipBomb's headers claim content/content.json inflates to. */
export const LYING_ZIP_BOMB_DECLARED_SIZE = 1024;

let lyingBomb: Uint8Array | undefined;

/**
 * zipBomb with content/content.json's uncompressed size declared as 1 KiB in both its local and
 * central headers (see declareUncompressedSize for the offsets), while its data still inflates to
 * over 210 MiB. Its CRC is of the full data. Readers differ: fflate's unzipSync inflates into a
 * buffer of the declared size, so it throws a RangeError here (and silently truncates an entry
 * zipSync wrote, which has no stored blocks); Info-ZIP's unzip checks only the CRC and would write
 * all 210 MiB. An importer must stop inflating at its own limit and refuse the package.
 * (Patched from zipBomb rather than from a zipSync zip: zipSync needs ~2 s for 210 MiB.)
 * Memoised; do not modify the result.
 */
export function lyingZipBomb(): Uint8Array {
  lyingBomb ??= declareUncompressedSize(
    zipBomb(),
    "content/content.json",
    LYING_ZIP_BOMB_DECLARED_SIZE,
  );
  return lyingBomb;
}
