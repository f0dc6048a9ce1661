/**
 * The error catalogues the decoder knows: the CellRegistry's (the core) and those registered by the modules in use.
 * A module of its own so that module catalogues can register while `errors.ts` is still loading.
 */
import type { Abi } from "viem";

import { cellErrorMessages } from "../cells/errors.ts";
import { cellRegistryAbi } from "../generated/abis.ts";
import { commonErrorMessages } from "./messages.ts";
import type { ErrorMessages } from "./messages.ts";

type AbiError = Extract<Abi[number], { type: "error" }>;

/**
 * A module's refusal messages and the ABIs whose custom errors they explain. The decoder knows the CellRegistry's
 * catalogue (the core) and every catalogue registered with `registerErrorCatalogue`: a module registers its
 * own when its writes (or its decorator) are imported, so a page that only reads cells does not carry the
 * governance catalogue.
 */
export type ErrorCatalogue = {
  /** The contracts it covers, e.g. `["ResourceLeases"]`. */
  readonly contracts: readonly string[];
  /** Their ABIs (only the `error` items are used). */
  readonly abis: readonly Abi[];
  /** Human messages by error name. */
  readonly messages: ErrorMessages;
};

const coreCatalogue: ErrorCatalogue = {
  contracts: ["CellRegistry"],
  abis: [cellRegistryAbi],
  messages: { ...(commonErrorMessages as unknown as ErrorMessages), ...cellErrorMessages },
};

const catalogues = new Set<ErrorCatalogue>();

/**
 * Makes `decodeConcordError` know a module's errors and messages; returns the catalogue. Each module's `errors.ts`
 * calls it once for its catalogue (`leaseErrorCatalogue`...); integrators can register their own contracts'.
 *
 * @example
 * import { defineErrorMessages, registerErrorCatalogue } from "@concord-dao/sdk";
 *
 * export const myErrors = registerErrorCatalogue({
 *   contracts: ["MyGuard"],
 *   abis: [myGuardAbi],
 *   messages: defineErrorMessages(myGuardAbi, { GuardClosed: () => "The guard is closed." }),
 * });
 */
export function registerErrorCatalogue<const catalogue extends ErrorCatalogue>(
  catalogue: catalogue,
): catalogue {
  catalogues.add(catalogue);
  return catalogue;
}

/** @internal The messages of every known catalogue: the core's, then each registered one's (later ones win). */
export function knownMessages(): ErrorMessages {
  let messages: ErrorMessages = { ...coreCatalogue.messages };
  for (const catalogue of catalogues) messages = { ...messages, ...catalogue.messages };
  return messages;
}

/** @internal The custom errors of every known catalogue's ABIs, deduplicated by signature, to decode raw revert data. */
export function knownErrorAbi(): AbiError[] {
  const seen = new Set<string>();
  const errors: AbiError[] = [];
  for (const catalogue of [coreCatalogue, ...catalogues]) {
    for (const abi of catalogue.abis) {
      for (const item of abi) {
        if (item.type !== "error") continue;
        const key = `${item.name}(${item.inputs.map((input) => input.type).join(",")})`;
        if (seen.has(key)) continue;
        seen.add(key);
        errors.push(item);
      }
    }
  }
  return errors;
}
