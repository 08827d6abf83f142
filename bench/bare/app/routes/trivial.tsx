import type { MetaFunction } from "@remix-run/node";

// `/`: a document with no data at all, the least a Remix page can cost.

export const meta: MetaFunction = () => [{ title: "Bare Remix" }];

export default function Trivial() {
  return (
    <main>
      <h1>Bare Remix</h1>
      <p>A document with no data.</p>
    </main>
  );
}
