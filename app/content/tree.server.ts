import { getMDXExport } from "mdx-bundler/client/index.js";
import type { ComponentType, ReactElement, ReactNode } from "react";
import { Fragment, isValidElement } from "react";
import { componentNames } from "./props";
import type { TreeElement, TreeNode } from "./tree";

// Turns mdx-bundler's compiled code into a TreeNode by running it once, on the server, with
// marker components: each author component comes back as a named element, not rendered.

const slotNames = ["QuizSlot", "ScenarioSlot"] as const;
const markers = new Map<unknown, string>();
const markerComponents: Record<string, ComponentType> = {};
for (const name of [...componentNames, ...slotNames]) {
  const marker = () => null;
  markers.set(marker, name);
  markerComponents[name] = marker;
}

function jsonSafe(value: unknown): boolean {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value === "object") return Object.values(value as object).every(jsonSafe);
  return false;
}

function toTree(node: ReactNode): TreeNode[] {
  if (node === null || node === undefined || typeof node === "boolean") return [];
  if (typeof node === "string" || typeof node === "number") return [String(node)];
  if (Array.isArray(node)) return node.flatMap(toTree);
  if (!isValidElement(node)) return [];
  const element = node as ReactElement<Record<string, unknown>>;
  const { children, ...rest } = element.props;
  if (element.type === Fragment) return toTree(children as ReactNode);
  let name: string;
  if (typeof element.type === "string") name = element.type;
  else if (markers.has(element.type)) name = markers.get(element.type)!;
  else if (typeof element.type === "function") {
    // An imported .mdx file: expand it in place.
    return toTree(
      (element.type as (props: unknown) => ReactNode)({
        ...element.props,
        components: markerComponents,
      }),
    );
  } else return [];
  const props = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined && jsonSafe(v)),
  );
  const out: TreeElement = { t: name };
  if (Object.keys(props).length) out.p = props;
  const kids = toTree(children as ReactNode);
  if (kids.length) out.c = kids;
  return [out];
}

/** The element tree of a compiled module. Throws when the code cannot run. */
export function treeFromCode(code: string): TreeNode[] {
  const mdx = getMDXExport(code);
  const Content = mdx.default as unknown as (props: {
    components: Record<string, ComponentType>;
  }) => ReactNode;
  return toTree(Content({ components: markerComponents }));
}
