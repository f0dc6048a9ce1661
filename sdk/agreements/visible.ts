/**
 * Showing text from the chain as its bytes say: the characters that hide or reorder text, and
 * {@link visibleText}. Tiny and side-effect free, so that every page that shows a title can carry it.
 */
/**
 * Characters that change how the text around them is shown without being seen themselves: C0 and C1
 * controls (line breaks included: a title is one line), DEL, the bidirectional embeddings, overrides and
 * isolates (U+202E makes "txt.exe" read "exe.txt"), the directional marks, the line and paragraph
 * separators and the byte order mark; and unpaired surrogates. The SDK's title and link checks
 * (./text.ts) refuse the same characters.
 */
const HIDDEN = "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069\\ufeff";
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ALL_INVISIBLE = new RegExp(`[${HIDDEN}]|${LONE_SURROGATE.source}`, "gu");

/**
 * Text from the chain as a reader may show it: every invisible control, bidirectional-override or
 * unpaired-surrogate character becomes U+FFFD (�), so that a title or a link reads as its bytes say
 * ("Pay \u202Etxt.exe" shows "Pay �txt.exe", not "Pay exe.txt"). Show the result as text, never as HTML.
 *
 * @example
 * import { visibleText } from "@concord-dao/sdk";
 *
 * visibleText("RPC\u202E service"); // "RPC� service"
 */
export function visibleText(text: string): string {
  return text.replace(ALL_INVISIBLE, "\ufffd");
}
