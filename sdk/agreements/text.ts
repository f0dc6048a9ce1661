/**
 * The text of an agreement that the registry keeps as bytes: its title and its document link. The registry
 * checks only their lengths; these checks are what the SDK sends and what the app's forms say, and the
 * typed errors the writes throw. No side effect: a form imports them without the error catalogue.
 */
import { InvalidInputError } from "../errors.ts";
import { agreementLimits } from "./constants.ts";

const { MAX_TITLE_LENGTH: MAX_TITLE_BYTES, MAX_URI_LENGTH: MAX_URI_BYTES } = agreementLimits;

/**
 * Characters that change how the text around them is shown without being seen themselves: C0 and C1
 * controls (line breaks included: a title is one line), DEL, the bidirectional embeddings, overrides and
 * isolates (U+202E makes "txt.exe" read "exe.txt"), the directional marks, the line and paragraph
 * separators and the byte order mark. Lone surrogates are caught separately.
 */
const HIDDEN = "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069\\ufeff";
const INVISIBLE = new RegExp(`[${HIDDEN}]`, "u");
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ALL_INVISIBLE = new RegExp(`[${HIDDEN}]|${LONE_SURROGATE.source}`, "gu");

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

function hiddenCharacter(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return "an unpaired UTF-16 surrogate (not text)";
  const match = INVISIBLE.exec(text);
  if (!match) return null;
  return `an invisible control character (U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}) at position ${match.index + 1}`;
}

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

/** A sentence as the reason of an InvalidInputError ("Invalid title: an agreement needs a title."). */
const asReason = (sentence: string): string =>
  sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, "");

/**
 * A title the SDK refuses to send ({@link agreementTitleProblem} says why); `shortMessage` is that sentence.
 *
 * @example
 * import { AgreementTitleError } from "@concord-dao/sdk";
 *
 * await concord.agreements.proposeAgreement({ ...terms, title: "" }).catch((e) => e instanceof AgreementTitleError);
 */
export class AgreementTitleError extends InvalidInputError {
  override name = "AgreementTitleError";
  /** The sentence that says what is wrong. */
  readonly problem: string;

  constructor(title: unknown, problem: string) {
    super("title", title, asReason(problem));
    this.problem = problem;
  }
}

/**
 * A document link the SDK refuses to send ({@link documentURIProblem} says why); `shortMessage` is that
 * sentence, with the field.
 *
 * @example
 * import { DocumentURIError } from "@concord-dao/sdk";
 *
 * await concord.agreements.proposeAgreement({ ...terms, termsURI: "http://x" }).catch((e) => e instanceof DocumentURIError);
 */
export class DocumentURIError extends InvalidInputError {
  override name = "DocumentURIError";
  /** The sentence that says what is wrong. */
  readonly problem: string;

  constructor(parameter: string, uri: unknown, problem: string) {
    super(parameter, uri, asReason(problem));
    this.problem = problem;
  }
}
