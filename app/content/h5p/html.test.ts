import { describe, expect, it } from "vitest";
import { attribute, htmlToLine, htmlToMarkdown, htmlToText } from "./html";

describe("H5P HTML to module text", () => {
  it("keeps paragraphs, lists and emphasis, with spaces outside the markers", () => {
    expect(
      htmlToMarkdown(
        "<p>Say <strong>sorry </strong>first,<em> then</em> act.</p><ul><li>Listen</li><li>Act</li></ul>",
      ),
    ).toBe("Say **sorry** first, _then_ act.\n\n- Listen\n- Act");
  });

  it("escapes what MDX would read as code or components, and decodes entities", () => {
    expect(htmlToLine("<p>Use {name} &lt;b&gt; &amp; 5 &gt; 3 &#8364;</p>")).toBe(
      "Use \\{name\\} \\<b\\> & 5 \\> 3 €",
    );
    // A paragraph that looks like a list item or a heading stays a paragraph.
    expect(htmlToMarkdown("<p>- not a list</p><p>1. not a list</p><p># no heading</p>")).toBe(
      "\\- not a list\n\n1\\. not a list\n\n\\# no heading",
    );
    // MDX would read these as code.
    expect(htmlToMarkdown("<p>export the file</p><p>import it again</p>")).toBe(
      "&#101;xport the file\n\n&#105;mport it again",
    );
    expect(htmlToText("<p>export the file</p>")).toBe("export the file");
  });

  it("gives plain text for props, and drops scripts", () => {
    expect(htmlToText("<p>Tom's <b>{bill}</b></p><script>alert(1)</script>")).toBe("Tom's {bill}");
    expect(attribute("title", "Tom's bill")).toBe(`title="Tom's bill"`);
    expect(attribute("title", 'The "pending" charge {x}')).toBe(
      `title={"The \\"pending\\" charge {x}"}`,
    );
  });
});
