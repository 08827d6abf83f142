// Pins the H5P reference model (h5p-rules.ts) to numbers worked out by hand from the rules, for
// every ready-made package (packages.ts). "new" is release "1.5+", "old" is "1.0-1.4".
// Question maxes under "new" (highest alternative score above 0 that does not end):
//   diamond q0 2, q1 3, q2 1, q3 0; loop q1 2, q2 3, q4 1 (the +1 back to the start);
//   negative all 0; mixedMedia q3 0.
import { inflateRawSync } from "node:zlib";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { playH5P, type H5PParams, type H5PRelease } from "./h5p-rules";
import {
  declareUncompressedSize,
  diamond,
  escapingPath,
  h5pPackage,
  loop,
  LYING_ZIP_BOMB_DECLARED_SIZE,
  lyingZipBomb,
  MIXED_MEDIA_IMAGE,
  missingContent,
  missingImage,
  mixedMedia,
  mixedMediaFiles,
  negative,
  noScore,
  notAZip,
  staticEnds,
  wrongType,
  ZIP_BOMB_PADDING,
  zipBomb,
} from "./packages";

const OLD: H5PRelease = "1.0-1.4";
const NEW: H5PRelease = "1.5+";
const both = [OLD, NEW] as const;

describe("diamond (dynamic)", () => {
  // Old max: the best loop-free route, q0 +2 then q1 +3 = 5; the end screen's 10 never counts.
  it.each(both)("the best route scores 5 of 5 (%s)", (release) => {
    expect(playH5P(diamond, [0, 0, 0], release)).toEqual({
      ending: { kind: "custom", at: 3, alternative: 0 },
      score: 5, // 2 + 3 + 0 (into an end: 0)
      maxScore: 5, // new 2 + 3 + 0; old best route 2 + 3
      visited: [0, 1, 3],
    });
  });

  it.each(both)("route [0,1,0] scores 2 of 5 (%s)", (release) => {
    const run = playH5P(diamond, [0, 1, 0], release);
    expect(run.score).toBe(2); // 2 + 0 + 0
    expect(run.maxScore).toBe(5); // new 2 + 3 + 0; old 5
    expect(run.ending).toEqual({ kind: "custom", at: 3, alternative: 0 });
  });

  it("the other branch: new measures against the route taken, old against the best route", () => {
    const newRun = playH5P(diamond, [1, 0, 1], NEW);
    expect(newRun).toEqual({
      ending: { kind: "default" },
      score: 0, // -1 + 1 + 0
      maxScore: 3, // 2 + 1 + 0
      visited: [0, 2, 3],
    });
    expect(playH5P(diamond, [1, 0, 1], OLD).maxScore).toBe(5); // best route 2 + 3
    expect(playH5P(diamond, [1, 1, 1], NEW)).toMatchObject({ score: -3, maxScore: 3 }); // -1 - 2 + 0; 2 + 1 + 0
  });
});

describe("loop (dynamic)", () => {
  it("straight through: new counts q4's +1 back to the start in its max", () => {
    const route = [0, 0, 0];
    expect(playH5P(loop, route, NEW)).toEqual({
      ending: { kind: "custom", at: 4, alternative: 0 },
      score: 8, // text 1 + q1 2 + q2 3 + text 2 + q4 0
      maxScore: 9, // 1 + 2 + 3 + 2 + 1
      visited: [0, 1, 2, 3, 4],
    });
    expect(playH5P(loop, route, OLD)).toMatchObject({ score: 8, maxScore: 8 }); // best route 1+2+3+2
  });

  it.each(both)("back to q1, then escalate: q2's score from in between is kept (%s)", (release) => {
    // List: text 1, q1 2, q2 1; q1 again is removed and re-added as -1: [text 1, q2 1, q1 -1];
    // then text 2 and q4 0.
    const run = playH5P(loop, [0, 1, 1, 1], release);
    expect(run.visited).toEqual([0, 1, 2, 1, 3, 4]);
    expect(run.ending).toEqual({ kind: "default" });
    expect(run.score).toBe(3); // 1 + 1 - 1 + 2 + 0
    expect(run.maxScore).toBe(release === NEW ? 9 : 8); // new 1 + 3 + 2 + 2 + 1; old best route 8
  });

  it("back to the start screen: old drops what followed it, new keeps it", () => {
    // Both: text 1, q1 2, q2 3, text 2, then q4's "start over" (new +1, old 0: nextContentId 0 is
    // falsy). Leaving text 0 again, its next (1) is the next entry's id:
    // old cuts the list to [text 1]; then q1 -1, text 2, q4 0.
    // new keeps [text 1, q1 2, q2 3, text 2, q4 1]; q1 is moved to the end as -1; leaving text 3
    // again keeps everything; q4 is moved to the end as 0: [text 1, q2 3, text 2, q1 -1, q4 0].
    const route = [0, 0, 2, 1, 1];
    const visited = [0, 1, 2, 3, 4, 0, 1, 3, 4];
    expect(playH5P(loop, route, OLD)).toEqual({
      ending: { kind: "default" },
      score: 2, // 1 - 1 + 2 + 0
      maxScore: 8,
      visited,
    });
    expect(playH5P(loop, route, NEW)).toEqual({
      ending: { kind: "default" },
      score: 5, // 1 + 3 + 2 - 1 + 0
      maxScore: 9, // 1 + 3 + 2 + 2 + 1
      visited,
    });
  });
});

describe("staticEnds (static)", () => {
  // Max in both: ends worth 0, 10, 5 and the default's 2 -> 10. The +4 that leads on is ignored.
  it.each(both)("each end scores its own number, max 10 (%s)", (release) => {
    expect(playH5P(staticEnds, [1], release)).toMatchObject({
      ending: { kind: "custom", at: 0, alternative: 1 },
      score: 0,
      maxScore: 10,
    });
    expect(playH5P(staticEnds, [0, 0], release)).toMatchObject({ score: 10, maxScore: 10 });
    expect(playH5P(staticEnds, [0, 1], release)).toMatchObject({ score: 5, maxScore: 10 });
    expect(playH5P(staticEnds, [0, 2], release)).toMatchObject({
      ending: { kind: "default" },
      score: 2,
      maxScore: 10,
    });
  });

  it("before 1.5 the option sat at the top level of the params", () => {
    const old: H5PParams = {
      ...staticEnds,
      scoringOptionGroup: undefined,
      scoringOption: "static-end-score",
    };
    expect(playH5P(old, [0, 1], OLD)).toMatchObject({ score: 5, maxScore: 10 });
    expect(playH5P(old, [0, 1], NEW)).toMatchObject({ score: 0, maxScore: 0 }); // no group: no-score
  });

  it("a custom end without a score counts as the default end's score in the max", () => {
    const noTen = structuredClone(staticEnds);
    delete noTen.content[1]!.type.params.branchingQuestion!.alternatives[0]!.feedback!
      .endScreenScore;
    noTen.endScreens[0]!.endScreenScore = 7;
    // Ends: (no score -> 7), 5, 0, default 7 -> max 7; the learner there gets nothing (H5P: undefined).
    expect(playH5P(noTen, [0, 0])).toMatchObject({
      ending: { kind: "custom", at: 1, alternative: 0 },
      score: 0,
      maxScore: 7,
    });
  });
});

describe("noScore", () => {
  it.each(both)("scores 0 of 0 at any end (%s)", (release) => {
    expect(playH5P(noScore, [0], release)).toEqual({
      ending: { kind: "custom", at: 1, alternative: 0 },
      score: 0,
      maxScore: 0,
      visited: [0, 1],
    });
    expect(playH5P(noScore, [1], release)).toMatchObject({ ending: { kind: "default" }, score: 0 });
  });
});

describe("negative (dynamic)", () => {
  it.each(both)("the max is floored at 0 (%s)", (release) => {
    expect(playH5P(negative, [0, 0], release)).toEqual({
      ending: { kind: "default" },
      score: -2, // -2 + 0
      maxScore: 0, // new 0 + 0; old best of -2, -5, -1, -4 ... from 0 -> 0
      visited: [0, 1],
    });
    expect(playH5P(negative, [1, 1, 0], release)).toMatchObject({
      ending: { kind: "custom", at: 2, alternative: 0 },
      score: -4, // -1 - 3 + 0 (the end screen's -5 is ignored)
      maxScore: 0,
    });
    expect(playH5P(negative, [0, 1, 1], release)).toMatchObject({ score: -5, maxScore: 0 }); // -2 - 3 + 0
  });

  it("a plain screen's negative score is not floored under 1.5+", () => {
    const start = structuredClone(negative);
    start.content.unshift({
      ...structuredClone(loop.content[0]!),
      nextContentId: 1,
      feedback: { endScreenScore: -1 },
    });
    for (const node of start.content.slice(1)) {
      for (const a of node.type.params.branchingQuestion!.alternatives) {
        if (a.nextContentId !== undefined && a.nextContentId >= 0) a.nextContentId += 1;
      }
    }
    expect(playH5P(start, [0, 0], NEW)).toMatchObject({ score: -3, maxScore: -1 }); // -1 - 2 + 0; -1 + 0 + 0
    expect(playH5P(start, [0, 0], OLD)).toMatchObject({ score: -3, maxScore: 0 });
  });
});

describe("mixedMedia (dynamic)", () => {
  it.each(both)("text, image +1 and video +2 pass through to the question (%s)", (release) => {
    expect(playH5P(mixedMedia, [0], release)).toEqual({
      ending: { kind: "custom", at: 3, alternative: 0 },
      score: 3, // 0 + 1 + 2 + 0
      maxScore: 3, // new 0 + 1 + 2 + 0; old the one route's 3
      visited: [0, 1, 2, 3],
    });
    expect(playH5P(mixedMedia, [1], release)).toMatchObject({
      ending: { kind: "default" },
      score: 3,
    });
  });
});

describe("playH5P's route checks", () => {
  it("wants exactly one valid choice per question reached", () => {
    expect(() => playH5P(diamond, [0, 0])).toThrow(/no choice left/);
    expect(() => playH5P(diamond, [0, 0, 0, 1])).toThrow(/left over/);
    expect(() => playH5P(diamond, [2])).toThrow(/no alternative 2/);
  });
});

describe("packages", () => {
  const names = (zip: Uint8Array) => Object.keys(unzipSync(zip));

  it("are zips shaped like an .h5p export", () => {
    const files = unzipSync(h5pPackage(mixedMedia, { files: mixedMediaFiles }));
    const h5pJson = JSON.parse(new TextDecoder().decode(files["h5p.json"]));
    expect(h5pJson).toMatchObject({ mainLibrary: "H5P.BranchingScenario", language: "en" });
    const content = JSON.parse(new TextDecoder().decode(files["content/content.json"]));
    expect(content.branchingScenario.content[1].type.params.file.path).toBe(MIXED_MEDIA_IMAGE);
    expect(files[`content/${MIXED_MEDIA_IMAGE}`]?.subarray(1, 4)).toEqual(strToU8("PNG"));
    expect(Object.keys(files)).toContain("H5P.BranchingScenario-1.10/library.json");
  });

  it("bad inputs are bad in the intended way", () => {
    expect(() => unzipSync(notAZip)).toThrow();
    const h5pJson = JSON.parse(new TextDecoder().decode(unzipSync(wrongType)["h5p.json"]));
    expect(h5pJson.mainLibrary).toBe("H5P.InteractiveVideo");
    expect(names(missingContent)).not.toContain("content/content.json");
    expect(names(missingImage)).not.toContain(`content/${MIXED_MEDIA_IMAGE}`);
    expect(names(escapingPath)).toContain("content/../../evil.txt");
  });

  // The central directory entry for content/content.json: uncompressed size at +24.
  const declaredSize = (zip: Uint8Array) => {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let at = view.getUint32(zip.length - 22 + 16, true);
    for (;;) {
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
      if (name === "content/content.json") {
        return {
          central: view.getUint32(at + 24, true),
          local: view.getUint32(view.getUint32(at + 42, true) + 22, true),
        };
      }
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
  };

  it("zipBomb inflates past 200 MiB; lyingZipBomb says it holds 1 KiB", () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(declaredSize(bomb).central).toBeGreaterThan(ZIP_BOMB_PADDING);
    expect(declaredSize(lyingZipBomb())).toEqual({
      central: LYING_ZIP_BOMB_DECLARED_SIZE,
      local: LYING_ZIP_BOMB_DECLARED_SIZE,
    });
    // The data really inflates past 200 MiB: the h5p.json entry's local header is at 0.
    const view = new DataView(bomb.buffer, bomb.byteOffset);
    const second = 30 + view.getUint16(26, true) + view.getUint32(18, true);
    const start = second + 30 + view.getUint16(second + 26, true);
    const data = bomb.subarray(start, start + view.getUint32(second + 18, true));
    expect(() => inflateRawSync(data, { maxOutputLength: 200 * 1024 * 1024 })).toThrow(RangeError);
  });

  it("declareUncompressedSize patches a zipSync zip too", () => {
    const zip = zipSync({ "content/content.json": new Uint8Array(4096).fill(0x20) });
    expect(declaredSize(declareUncompressedSize(zip, "content/content.json", 10))).toEqual({
      central: 10,
      local: 10,
    });
  });
});
