import type { ReactNode } from "react";
import { createElement } from "react";
import type { TreeNode } from "~/content/tree";
import { allowedProps, allowedTags, isSafeUrl } from "~/content/tree";
import type { SlotRenderers } from "./mdx-components";
import { mdxComponents } from "./mdx-components";

const components: Record<string, (props: Record<string, unknown>) => ReactNode> =
  mdxComponents as never;

/** One node of a module's element tree as React elements, slots filled by `slots`. */
export function render(node: TreeNode, key: number, slots: SlotRenderers): ReactNode {
  if (typeof node === "string") return node;
  const children = node.c?.map((child, i) => render(child, i, slots));
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(node.p ?? {})) {
    if (!allowedProps.has(name)) continue;
    if ((name === "href" || name === "src") && !isSafeUrl(value)) continue;
    props[name] = value;
  }
  if (node.t === "QuizSlot") return <div key={key}>{slots.quiz(String(node.p?.id))}</div>;
  if (node.t === "ScenarioSlot") return <div key={key}>{slots.scenario(String(node.p?.id))}</div>;
  if (node.t === "a" && typeof props.href === "string" && /^https?:/.test(props.href)) {
    props.rel = "noopener noreferrer";
  }
  const component = components[node.t];
  if (component) return createElement(component, props, children);
  if (!allowedTags.has(node.t)) return null;
  return createElement(node.t, props, children);
}

/** A module's text, rendered from its element tree, with quiz and scenario slots filled by the page. */
export function ModuleBody({ tree, slots }: { tree: TreeNode[]; slots: SlotRenderers }) {
  return <div className="module-prose">{tree.map((node, i) => render(node, i, slots))}</div>;
}
