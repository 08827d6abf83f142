import { Unzip, UnzipInflate } from "fflate";
import path from "node:path";

// Reading an .h5p file: a zip with h5p.json and content/content.json, plus the content's images and
// the H5P libraries (which Frontline never opens). Nothing in it is trusted: names must stay inside
// the package, and only the files we need are inflated, each counted byte by byte as it inflates,
// so a zip bomb stops at the limit whatever sizes its headers declare.

export class ImportError extends Error {}

export const limits = {
  /** The .h5p file itself. */
  packageBytes: 200 * 1024 * 1024,
  /** h5p.json and content/content.json, each. */
  jsonBytes: 10 * 1024 * 1024,
  /** One image of the content. */
  fileBytes: 20 * 1024 * 1024,
  /** Everything inflated together. */
  totalBytes: 100 * 1024 * 1024,
  entries: 20_000,
};

/** A zip entry's name, refused when it could point outside the package folder. */
export function safeEntryName(name: string): string {
  const normalized = path.posix.normalize(name);
  if (
    name.includes("\\") ||
    name.includes("\0") ||
    name.startsWith("/") ||
    /^[a-zA-Z]:/.test(name) ||
    normalized.startsWith("../") ||
    normalized === ".." ||
    name.split("/").includes("..")
  ) {
    throw new ImportError(`The package holds a path that escapes its folder: "${name}"`);
  }
  return normalized;
}

export type H5PPackage = {
  meta: Record<string, unknown>;
  content: unknown;
  /** Files under content/ (images), by their path relative to content/. */
  files: Map<string, Uint8Array>;
};

/**
 * Unzip the parts of an .h5p package Frontline reads. `wanted` decides, per path under content/,
 * whether to inflate it (content.json always is). Throws ImportError with a message for people.
 */
export function readPackage(
  bytes: Uint8Array,
  wanted: (contentPath: string) => boolean = () => true,
): H5PPackage {
  if (bytes.byteLength > limits.packageBytes)
    throw new ImportError(
      `The file is ${Math.round(bytes.byteLength / 1048576)} MiB; an H5P package may be at most ${limits.packageBytes / 1048576} MiB`,
    );
  // Every zip starts with a local file header (or is an empty zip's end record).
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new ImportError("This is not an H5P package: the file is not a zip archive");

  const found = new Map<string, Uint8Array>();
  let entries = 0;
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    entries += 1;
    if (entries > limits.entries) {
      failure = new ImportError(`The package holds more than ${limits.entries} files`);
      return;
    }
    let name: string;
    try {
      name = safeEntryName(file.name);
    } catch (error) {
      failure = error as Error;
      return;
    }
    if (name.endsWith("/")) return;
    const isJson = name === "h5p.json" || name === "content/content.json";
    const underContent = name.startsWith("content/") ? name.slice("content/".length) : null;
    if (!isJson && (underContent === null || !wanted(underContent))) return;
    const limit = isJson ? limits.jsonBytes : limits.fileBytes;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new ImportError(`"${name}" in the package is damaged: ${error.message}`);
        return;
      }
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (size > limit || total > limits.totalBytes) {
        failure = new ImportError(
          `"${name}" inflates to more than ${Math.round((size > limit ? limit : limits.totalBytes) / 1048576)} MiB: the package looks like a zip bomb and was not imported`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) found.set(name, concat(chunks, size));
    };
    if (file.compression !== 0 && file.compression !== 8) {
      failure = new ImportError(`"${name}" uses a compression method Frontline cannot read`);
      return;
    }
    file.start();
  });
  unzip.register(UnzipInflate);
  // Small pieces: deflate can inflate at most about 1,000 times its input, so each step stays
  // small and the byte count above stops a bomb early.
  const step = 16 * 1024;
  try {
    for (let at = 0; at < bytes.byteLength && !failure; at += step) {
      unzip.push(bytes.subarray(at, at + step), at + step >= bytes.byteLength);
    }
  } catch (error) {
    if (!failure)
      failure = new ImportError(
        `This is not a readable H5P package: ${(error as Error).message || "the zip is damaged"}`,
      );
  }
  if (failure) throw failure;

  const meta = parseJson(found.get("h5p.json"), "h5p.json");
  const content = parseJson(found.get("content/content.json"), "content/content.json");
  if (typeof meta !== "object" || meta === null || Array.isArray(meta))
    throw new ImportError("h5p.json does not describe an H5P package");
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of found)
    if (name.startsWith("content/") && name !== "content/content.json")
      files.set(name.slice("content/".length), data);
  return { meta: meta as Record<string, unknown>, content, files };
}

function parseJson(data: Uint8Array | undefined, name: string): unknown {
  if (!data) throw new ImportError(`This is not an H5P package: it has no ${name}`);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(data));
  } catch {
    throw new ImportError(`${name} in the package is not valid JSON`);
  }
}

function concat(chunks: Uint8Array[], size: number) {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
