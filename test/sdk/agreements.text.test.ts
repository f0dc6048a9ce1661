/**
 * The checks of an agreement's title and document link, and how chain text is made safe to show: pure
 * functions, no chain (the writes that use them are in agreements.refusals.test.ts).
 */
import { describe, expect, it } from "vitest";

import { agreementLimits, agreementTitleProblem, documentURIProblem, visibleText } from "../../sdk/index.ts";

describe("agreement titles", () => {
  it("accepts any script and emoji up to 96 bytes, one line, nothing hidden", () => {
    expect(agreementTitleProblem("RPC service for the grants cell")).toBeNull();
    expect(agreementTitleProblem("הסכם שירות לתא התשתיות")).toBeNull(); // right-to-left text itself is fine
    expect(agreementTitleProblem("On-call rota 👩‍💻")).toBeNull(); // a zero-width joiner inside an emoji
    expect(agreementTitleProblem("a".repeat(agreementLimits.MAX_TITLE_LENGTH))).toBeNull();
    expect(agreementTitleProblem("a".repeat(agreementLimits.MAX_TITLE_LENGTH + 1))).toMatch(
      new RegExp(`at most ${agreementLimits.MAX_TITLE_LENGTH} bytes`),
    );
    expect(agreementTitleProblem("€".repeat(32))).toBeNull(); // 3 bytes each: exactly 96
    expect(agreementTitleProblem("€".repeat(33))).toMatch(/^The title is 99 bytes long/);
  });

  it("refuses every character that hides what a title says", () => {
    for (const hidden of [
      "\u202E",
      "\u202D",
      "\u2066",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
      "\u2028",
      "\ufeff",
      "\u0085",
      "\u007f",
      "\t",
      "\r",
    ]) {
      const code = hidden.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      expect(agreementTitleProblem(`Pay ${hidden}bob`), code).toBe(
        `The title contains an invisible control character (U+${code}) at position 5: use plain text.`,
      );
    }
  });
});

describe("document links", () => {
  it("accepts https:// with a host and ipfs:// with a content id, up to 256 bytes", () => {
    expect(documentURIProblem("https://example.org")).toBeNull();
    expect(documentURIProblem("HTTPS://Example.org/Terms.md")).toBeNull();
    expect(
      documentURIProblem("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5/terms.md"),
    ).toBeNull();
    expect(documentURIProblem(`https://example.org/${"a".repeat(236)}`)).toBeNull(); // 256 bytes
    expect(documentURIProblem(`https://example.org/${"a".repeat(237)}`)).toMatch(/257 bytes long/);
  });

  it("refuses what a browser would not open for every party, or would open as something else", () => {
    expect(documentURIProblem("https://")).toMatch(/name its host plainly/);
    expect(documentURIProblem("https://@/x")).toMatch(/name its host plainly/);
    expect(documentURIProblem(" https://example.org")).toMatch(/contains a space/);
    expect(documentURIProblem("ipfs://")).toMatch(/no IPFS content id/);
    expect(documentURIProblem("ipfs://bafy\u0000x")).toMatch(/U\+0000/);
    expect(documentURIProblem("vbscript:msgbox")).toMatch(/"vbscript:" links are not accepted/);
    expect(documentURIProblem("//example.org/terms.md")).toMatch(/must start with https:\/\/ or ipfs:\/\//);
  });
});

describe("one list of hidden characters", () => {
  it("visibleText hides exactly the characters the title check refuses, on every code point", () => {
    const disagree: string[] = [];
    for (let code = 0; code <= 0x10ffff; code += code < 0x10000 ? 1 : 0x100) {
      const character = String.fromCodePoint(code);
      const shown = visibleText(character) !== character;
      const refused = /invisible control character|unpaired UTF-16 surrogate/.test(
        agreementTitleProblem(`a${character}`) ?? "",
      );
      if (shown !== refused) disagree.push(code.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it("the link check uses the registry's limit", () => {
    const path = "a".repeat(agreementLimits.MAX_URI_LENGTH - "https://example.org/".length);
    expect(documentURIProblem(`https://example.org/${path}`)).toBeNull();
    expect(documentURIProblem(`https://example.org/${path}a`)).toMatch(
      new RegExp(`at most ${agreementLimits.MAX_URI_LENGTH} bytes`),
    );
  });
});

describe("visibleText", () => {
  it("shows every hidden character as U+FFFD and leaves the rest as it is", () => {
    expect(visibleText("Pay \u202Etxt.exe")).toBe("Pay \ufffdtxt.exe");
    expect(visibleText("a\u0000b\nc\ud800")).toBe("a\ufffdb\ufffdc\ufffd");
    expect(visibleText("הסכם 👩‍💻 Nœud")).toBe("הסכם 👩‍💻 Nœud");
    expect(visibleText("")).toBe("");
  });
});
