import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileModule } from "../compile.server";
import type { Problem } from "../types";
import { convert, wantedFile, type ImportWarning } from "./convert";
import { ImportError, readPackage } from "./package.server";

// `npm run content:import`: an .h5p package in, a module folder out. The module is built and
// checked in a scratch folder first; only a module that passes content:check is moved into the
// course, in one rename, so a failed import writes nothing.

export type ImportResult =
  | { ok: true; slug: string; folder: string; scoring: string; warnings: ImportWarning[] }
  | { ok: false; error: string; problems?: Problem[] };

export async function importH5P(
  bytes: Uint8Array,
  contentDir: string,
  options: { slug?: string } = {},
): Promise<ImportResult> {
  let scratch: string | null = null;
  try {
    const pkg = readPackage(bytes, wantedFile);
    const converted = convert(pkg.meta, pkg.content, new Set(pkg.files.keys()), options);
    const target = path.join(contentDir, "modules", converted.slug);
    if (existsSync(target))
      throw new ImportError(
        `content/modules/${converted.slug} already exists: choose another slug with --slug`,
      );

    scratch = mkdtempSync(path.join(os.tmpdir(), "frontline-import-"));
    const folder = path.join(scratch, "modules", converted.slug);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "index.mdx"), converted.mdx);
    for (const image of converted.images)
      writeFileSync(path.join(folder, image.to), pkg.files.get(image.from)!);

    const checked = await compileModule(scratch, converted.slug);
    if (checked.problems.length)
      return {
        ok: false,
        error: "The converted module does not pass content:check, so nothing was written",
        problems: checked.problems,
      };

    // Copy beside the course, then one rename puts the whole folder in place.
    mkdirSync(path.dirname(target), { recursive: true });
    const staging = path.join(path.dirname(target), `.${converted.slug}.importing`);
    rmSync(staging, { recursive: true, force: true });
    cpSync(folder, staging, { recursive: true });
    renameSync(staging, target);
    return {
      ok: true,
      slug: converted.slug,
      folder: target,
      scoring: converted.scoring,
      warnings: converted.warnings,
    };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error.message };
    throw error;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
