/**
 * Human messages for the refusals of the CellRegistry (`contracts/cells/ICellRegistry.sol`).
 * `defineErrorMessages` makes `tsc` fail when an error of the ABI has no message here.
 */
import { cellRegistryAbi } from "../generated/abis.ts";
import { defineErrorMessages, formatTimestamp, shortAddress } from "../internal/messages.ts";

/**
 * One sentence per custom error of the CellRegistry, used by `decodeConcordError`.
 *
 * @example
 * import { cellErrorMessages } from "@concord-dao/sdk";
 *
 * cellErrorMessages.CellNonexistent!({ cellId: 7n }); // "Cell 7 does not exist."
 */
export const cellErrorMessages = defineErrorMessages(cellRegistryAbi, {
  CellNonexistent: ({ cellId }) => `Cell ${cellId} does not exist.`,
  CellNotSteward: ({ cellId, account }) =>
    `${shortAddress(account)} is not a steward of cell ${cellId} (nor of any cell above it).`,
  CellNotMember: ({ cellId, account }) => `${shortAddress(account)} is not a member of cell ${cellId}.`,
  CellAlreadyMember: ({ cellId, account }) =>
    `${shortAddress(account)} is already a member of cell ${cellId}.`,
  CellDepthLimit: ({ parentId, maxDepth }) =>
    `Cell ${parentId} is at the maximum nesting depth (${maxDepth}) and cannot have child cells.`,
  CellLastSteward: ({ cellId, account }) =>
    `${shortAddress(account)} is the last steward of top-level cell ${cellId} and cannot stop being one: appoint another steward first.`,
  CellInvalidRoles: ({ roles }) =>
    `Invalid roles ${roles}: a role set must include MEMBER (1) and may add only STEWARD (2) and DELEGATE (4).`,
  CellInvalidPhase: ({ phase }) =>
    `Invalid phase ${phase}: expected 0 (conversation), 1 (collaboration), 2 (commitment) or 3 (coordination).`,
  CellNoJoinRequest: ({ cellId, account }) =>
    `${shortAddress(account)} has no pending request to join cell ${cellId}.`,
  CellJoinRequestPending: ({ cellId, account }) =>
    `${shortAddress(account)} has already asked to join cell ${cellId}; the request is pending.`,
  CellAccountHoldsSeat: ({ account, cellId }) =>
    `${shortAddress(account)} already holds an operational seat: one seat per account, so it cannot hold the seat of cell ${cellId} too.`,
  CellSeatChangeNotOwnSteward: ({ cellId, caller }) =>
    `Cell ${cellId} is recognised: only its own stewards (not an ancestor's) or governance change its stewards or its delegate, and ${shortAddress(caller)} is neither. A new delegate's seat counts 7 days after the change.`,
  CellDelegateTaken: ({ cellId, delegate }) =>
    `Cell ${cellId} already has a delegate (${shortAddress(delegate)}): remove that role first.`,
  CellEmptyName: () => "A cell needs a non-empty name.",
  CellIntentInPast: ({ at, nowTime }) =>
    `The intent is dated ${formatTimestamp(at)}, before the chain's current time (${formatTimestamp(nowTime)}).`,
  CellUnauthorizedGovernance: ({ account }) => `${shortAddress(account)} is not the registry's governance.`,
  CellZeroAddress: () => "The zero address was given where an account is needed.",
  CellNameTooLong: ({ length, max }) =>
    `The cell name is ${length} bytes long; at most ${max} bytes are allowed (UTF-8: an accented letter takes 2, an emoji 4).`,
  CellURITooLong: ({ length, max }) =>
    `The nucleus URI is ${length} bytes long; at most ${max} bytes are allowed: link to the document instead of inlining it.`,
  CellStateTooLong: ({ length, max }) =>
    `The state is ${length} bytes long; at most ${max} bytes are allowed.`,
  CellIntentTooLong: ({ length, max }) =>
    `The intent is ${length} bytes long; at most ${max} bytes are allowed.`,
  CellFutureLookup: ({ timepoint, currentTime }) =>
    `Timepoint ${timepoint} is not in the past (the chain's clock reads ${currentTime}): history can only be read for past timestamps.`,
});
