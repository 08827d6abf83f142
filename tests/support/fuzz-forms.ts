import fc from "fast-check";

// Forms for fuzzing actions: built from an action's real field names, each run keeps most fields
// valid and breaks some (left out, sent twice, hostile or wrongly typed values, other people's
// ids), so every field's validation is reached, not just the first one that fails.

/** One field of an action's form; `C` is what the spec's prepare step made for this run. */
export type FieldSpec<C> = {
  name: string;
  /** Values a real form could send; one is picked once the run's rows exist. */
  valid: (ctx: C) => string[];
  /** Ids of rows that exist but are not this visitor's to touch. */
  foreign?: (ctx: C) => string[];
  /** A route parameter (part of the URL), not a form field. */
  param?: boolean;
};

type Token =
  | { kind: "valid"; pick: number }
  | { kind: "foreign"; pick: number }
  | { kind: "hostile"; value: string }
  | { kind: "decorated"; pick: number; prefix: string; suffix: string };

/** Per field, the values sent: none (left out), one, or several (the field repeated). */
export type FormPlan = {
  fields: Token[][];
  /** Extra fields no form has: prototype names, look-alikes, sometimes hundreds of them. */
  junk: [string, string][];
  contentType: string;
  /** Raw bytes appended to the encoded body: broken percent escapes, stray separators. */
  rawTail: string;
};

const lengths = [64, 101, 255, 257, 1_001, 2_001, 5_000, 17_000];

/** Strings a hostile or careless client sends. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\t\n",
    "\u0000",
    "a\u0000b",
    "\u202Egnirts desrever\u202C",
    "\u200B",
    "\u200D\uFEFF",
    "\uD800",
    "\uDFFF",
    "😀👍🏽",
    "e\u0301",
    "İı",
    "ß",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR '1'='1",
    '1; DROP TABLE "User"; --',
    "%00",
    "../../etc/passwd",
    "${7*7}{{7*7}}",
    "null",
    "undefined",
    "true",
    "on",
    "[]",
    "{}",
    '{"$gt":""}',
    "[object Object]",
    "__proto__",
    "constructor",
    "NaN",
    "Infinity",
    "-Infinity",
    "-1",
    "0",
    "-0",
    "1e309",
    "-1e309",
    "1e-7",
    "2e2",
    "9007199254740993",
    "0x1F",
    "1_000",
    "٣",
    "１２",
    " 5 ",
    "5.5",
    "+5",
    "0000-00-00",
    "0000-01-01",
    "0001-01-01",
    "2024-02-30",
    "2024-13-01",
    "9999-12-31",
    "+275760-09-13",
    "2024-01-01T24:00",
    "2024-01-01T23:60",
    "0000-00-00T00:00",
    "1970-01-01T00:00",
    "Invalid Date",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc
    .tuple(fc.constantFrom(...lengths), fc.constantFrom("x", "é", "<", "😀", "\u0000", " "))
    .map(([n, unit]) => unit.repeat(n)),
  fc
    .date({ noInvalidDate: false })
    .map((d) =>
      Number.isNaN(d.getTime())
        ? "Invalid Date"
        : d.toISOString().slice(0, 10 + (d.getUTCMinutes() % 2) * 6),
    ),
);

const junkName = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    "__proto__.polluted",
    "constructor.prototype.polluted",
    "answer:__proto__",
    "answer:constructor",
    "ratings.__proto__",
    "ratings[0]",
    "teamIds[99999999]",
    "x".repeat(2_000),
    "",
    "intent[]",
    "id",
    "userId",
  ),
  fc.string({ unit: "binary", maxLength: 20 }),
);

const formType = "application/x-www-form-urlencoded";

function brokenToken(hasForeign: boolean) {
  const alternatives = [
    { weight: 3, arbitrary: fc.constant([] as Token[]) },
    { weight: 6, arbitrary: hostileString.map((value) => [{ kind: "hostile", value }] as Token[]) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.nat(),
          fc.constantFrom("", " ", "\u0000", "x", "<b>", "\u200B", "-1"),
          fc.constantFrom("", " ", "\u0000", "x", "</b>", "\u202E", "0"),
        )
        .map(([pick, prefix, suffix]) => [{ kind: "decorated", pick, prefix, suffix }] as Token[]),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat(), fc.option(hostileString, { nil: undefined }))
        .map(
          ([pick, second]) =>
            [
              { kind: "valid", pick },
              second === undefined
                ? { kind: "valid", pick: pick + 1 }
                : { kind: "hostile", value: second },
            ] as Token[],
        ),
    },
  ];
  if (hasForeign) {
    alternatives.push({
      weight: 3,
      arbitrary: fc.nat().map((pick) => [{ kind: "foreign", pick }] as Token[]),
    });
  }
  return fc.oneof(...alternatives);
}

const validToken = fc.nat().map((pick) => [{ kind: "valid", pick }] as Token[]);

/**
 * Two plans every run starts with, so neither answer is left to chance: the wholly valid form as a
 * browser would send it, and the same form with its first field left out.
 */
export function examplePlans<C>(fields: FieldSpec<C>[]): FormPlan[] {
  const valid = (): Token[][] => fields.map(() => [{ kind: "valid", pick: 0 }]);
  const plain = { junk: [], contentType: formType, rawTail: "" };
  const plans: FormPlan[] = [{ fields: valid(), ...plain }];
  if (fields.length) plans.push({ fields: [[], ...valid().slice(1)], ...plain });
  return plans;
}

/**
 * Plans for a form with these fields. Most runs break one field of an otherwise valid form (so
 * the check of each field is reached), some break many at once, some are wholly valid.
 */
export function formPlan<C>(fields: FieldSpec<C>[]): fc.Arbitrary<FormPlan> {
  const breakOne = fields.length
    ? fc
        .nat({ max: fields.length - 1 })
        .chain((broken) =>
          fc.tuple(
            ...fields.map((f, i) => (i === broken ? brokenToken(Boolean(f.foreign)) : validToken)),
          ),
        )
    : fc.constant([] as Token[][]);
  const breakMany = fc.tuple(
    ...fields.map((f) => fc.oneof(validToken, brokenToken(Boolean(f.foreign)))),
  );
  const allValid = fc.tuple(...fields.map(() => validToken));
  const junk = fc.oneof(
    { weight: 6, arbitrary: fc.constant([] as [string, string][]) },
    { weight: 3, arbitrary: fc.array(fc.tuple(junkName, hostileString), { maxLength: 3 }) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 100, max: 3_000 })
        .map((n) => Array.from({ length: n }, (_, i) => [`f${i}`, "1"] as [string, string])),
    },
  );
  return fc.record({
    fields: fc.oneof(
      { weight: 6, arbitrary: breakOne },
      { weight: 3, arbitrary: breakMany },
      { weight: 2, arbitrary: allValid },
    ) as fc.Arbitrary<Token[][]>,
    junk,
    contentType: fc.oneof(
      { weight: 20, arbitrary: fc.constant(formType) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "",
          "text/plain",
          "application/json",
          "multipart/form-data; boundary=x",
          `${formType}; charset=latin1`,
        ),
      },
    ),
    rawTail: fc.oneof(
      { weight: 10, arbitrary: fc.constant("") },
      {
        weight: 1,
        arbitrary: fc.constantFrom("&", "&=", "=&=", "%", "%FF%FE", "x=%E0%80", "%zz=1", "&&&a"),
      },
    ),
  });
}

const pick = (values: string[], index: number) =>
  values.length ? values[index % values.length]! : undefined;

/** The fields actually sent for a plan, given the run's valid values and other people's ids. */
export function resolvePlan<C>(fields: FieldSpec<C>[], plan: FormPlan, ctx: C) {
  const form: [string, string][] = [];
  const params: Record<string, string> = {};
  fields.forEach((field, i) => {
    const values: string[] = [];
    for (const token of plan.fields[i] ?? []) {
      const valid = pick(field.valid(ctx), "pick" in token ? token.pick : 0);
      if (token.kind === "hostile") values.push(token.value);
      else if (token.kind === "foreign") {
        const foreign = pick(field.foreign?.(ctx) ?? [], token.pick);
        if (foreign !== undefined) values.push(foreign);
      } else if (valid !== undefined) {
        values.push(token.kind === "valid" ? valid : token.prefix + valid + token.suffix);
      }
    }
    if (field.param) params[field.name] = values[0] ?? "";
    else for (const value of values) form.push([field.name, value]);
  });
  return { form: [...form, ...plan.junk], params };
}

/** Percent-encode as a browser does (UTF-8; a lone surrogate becomes U+FFFD). */
export function percentEncode(text: string) {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9*\-._]/.test(ch)
      ? ch
      : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function encodeForm(form: [string, string][], rawTail = "") {
  return form.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&") + rawTail;
}

/** Readable, bounded description of a form for a failure message. */
export function describeForm(form: [string, string][]) {
  const shown = form
    .slice(0, 40)
    .map(([k, v]) => [
      k.length > 60 ? `${k.slice(0, 60)}…(${k.length})` : k,
      v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v,
    ]);
  return JSON.stringify(shown) + (form.length > 40 ? ` …and ${form.length - 40} more fields` : "");
}
