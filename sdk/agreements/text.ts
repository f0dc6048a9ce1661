/**
 * The text of an agreement that the registry keeps as bytes: its title and its document link. The registry
 * checks only their lengths; these checks are what the SDK sends (its writes load this module with their
 * first proposal, so a page that only reads does not carry it) and what the app's forms say. No import, no
 * side effect.
 */
/**
 * The characters `visibleText` (./visible.ts) shows as U+FFFD, written again here so that this module
 * imports nothing (loaded lazily, it stays one small chunk); agreements.text.test.ts checks both lists
 * agree on every code point.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `agreementLimits.MAX_TITLE_LENGTH` and `MAX_URI_LENGTH` (agreements.text.test.ts checks they are equal). */
const MAX_TITLE_BYTES = 96;
const MAX_URI_BYTES = 256;

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

function hiddenCharacter(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return "an unpaired UTF-16 surrogate (not text)";
  const match = INVISIBLE.exec(text);
  if (!match) return null;
  return `an invisible control character (U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}) at position ${match.index + 1}`;
}

/**
 * Why `title` cannot be an agreement's title, in a sentence, or null when it can: it needs a visible
 * character, at most 96 UTF-8 bytes, and no control or bidirectional-override character (which would
 * make the title read differently from what the parties see). The registry itself only checks the length.
 *
 * @example
 * import { agreementTitleProblem } from "@concord-dao/sdk";
 *
 * agreementTitleProblem("RPC service"); // null
 * agreementTitleProblem(""); // "An agreement needs a title."
 */
export function agreementTitleProblem(title: string): string | null {
  if (typeof title !== "string") return "The title must be text.";
  if (title.trim() === "") return "An agreement needs a title.";
  const bytes = byteLength(title);
  if (bytes > MAX_TITLE_BYTES) {
    return `The title is ${bytes} bytes long; at most ${MAX_TITLE_BYTES} bytes are allowed: put the details in the document.`;
  }
  const hidden = hiddenCharacter(title);
  return hidden ? `The title contains ${hidden}: use plain text.` : null;
}

/**
 * Why `uri` is not a document link every party can open, in a sentence, or null when it is: an
 * `https://` URL with a host, or an `ipfs://` CID (and path), at most 256 UTF-8 bytes, without spaces or
 * control characters. `http://` (readable and changeable by anyone on the way), `ar://`, `data:` and
 * `javascript:` are refused. The registry itself only checks that a URI is given and its length.
 *
 * @example
 * import { documentURIProblem } from "@concord-dao/sdk";
 *
 * documentURIProblem("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5"); // null
 * documentURIProblem("javascript:alert(1)"); // "The document link must start with https:// or ipfs:// …"
 */
export function documentURIProblem(uri: string): string | null {
  if (typeof uri !== "string" || uri.trim() === "") {
    return "The agreement needs a link to its document (https:// or ipfs://), so that every party can read what it acknowledges.";
  }
  const bytes = byteLength(uri);
  if (bytes > MAX_URI_BYTES) {
    return `The document link is ${bytes} bytes long; at most ${MAX_URI_BYTES} bytes are allowed: link to the document instead of inlining it.`;
  }
  const hidden = hiddenCharacter(uri);
  if (hidden) return `The document link contains ${hidden}.`;
  if (/\s/u.test(uri)) return "The document link contains a space: a link has none.";
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
  if (scheme !== "https" && scheme !== "ipfs") {
    return `The document link must start with https:// or ipfs:// (a browser opens ipfs:// links through a gateway)${scheme ? `; "${scheme}:" links are not accepted` : ""}.`;
  }
  if (scheme === "https" && !/^https:\/\/[^/?#@:]+(:\d{1,5})?([/?#]|$)/i.test(uri)) {
    return "The document link must name its host plainly: expected https://host/path (no user@ part).";
  }
  if (scheme === "ipfs" && !/^ipfs:\/\/(ipfs\/)?[a-z0-9]{10,}([/?#]|$)/i.test(uri)) {
    return "The document link has no IPFS content id: expected ipfs://<CID>/path.";
  }
  return null;
}
