/**
 * Phases, scales, limits, topic ids and nucleus hashes of the CellRegistry.
 */
import { isHex, keccak256, size, stringToBytes } from "viem";
import type { Hex } from "viem";

import { InvalidInputError } from "../errors.ts";

/**
 * The developmental phases of a cell (`setPhase`).
 *
 * @example
 * import { Phase } from "@concord-dao/sdk";
 *
 * await concord.cells.setPhase({ cellId, phase: Phase.COMMITMENT });
 */
export const Phase = { CONVERSATION: 0, COLLABORATION: 1, COMMITMENT: 2, COORDINATION: 3 } as const;

/** A phase value, 0..3. */
export type PhaseValue = (typeof Phase)[keyof typeof Phase];

/**
 * Phase names by value.
 *
 * @example
 * import { phaseNames } from "@concord-dao/sdk";
 *
 * phaseNames[2]; // "commitment"
 */
export const phaseNames = ["conversation", "collaboration", "commitment", "coordination"] as const;

/** A phase's name. */
export type PhaseName = (typeof phaseNames)[number];

/**
 * The scales of a cell, derived on-chain from its member count (<= 8 collaboration, <= 150
 * coordination, beyond that constituency).
 *
 * @example
 * import { Scale } from "@concord-dao/sdk";
 *
 * (await concord.cells.scaleOf({ cellId })) === Scale.COORDINATION;
 */
export const Scale = { COLLABORATION: 0, COORDINATION: 1, CONSTITUENCY: 2 } as const;

/** A scale value, 0..2. */
export type ScaleValue = (typeof Scale)[keyof typeof Scale];

/**
 * Scale names by value.
 *
 * @example
 * import { scaleNames } from "@concord-dao/sdk";
 *
 * scaleNames[1]; // "coordination"
 */
export const scaleNames = ["collaboration", "coordination", "constituency"] as const;

/** A scale's name. */
export type ScaleName = (typeof scaleNames)[number];

/**
 * The registry's limits (constants of `CellRegistry.sol`).
 *
 * @example
 * import { cellLimits } from "@concord-dao/sdk";
 *
 * cellLimits.MAX_DEPTH; // 8
 */
export const cellLimits = {
  /** Deepest nesting: a top-level cell has depth 1. */
  MAX_DEPTH: 8,
  /** Up to this many members: collaboration scale. */
  COLLABORATION_MAX: 8,
  /** Up to this many members: coordination scale; beyond it, constituency. */
  COORDINATION_MAX: 150,
  /** Highest phase value. */
  MAX_PHASE: 3,
  /** The longest cell name, in UTF-8 bytes. */
  MAX_NAME_LENGTH: 64,
  /** The longest nucleus URI, in UTF-8 bytes. */
  MAX_URI_LENGTH: 256,
  /** The longest declared state or signalled intent, in UTF-8 bytes. */
  MAX_NOTE_LENGTH: 280,
} as const;

/**
 * The name of a phase value.
 *
 * @example
 * import { phaseName } from "@concord-dao/sdk";
 *
 * phaseName(3); // "coordination"
 */
export function phaseName(phase: number): PhaseName {
  const name = phaseNames[phase];
  if (name === undefined) throw new InvalidInputError("phase", phase, "expected 0..3");
  return name;
}

/**
 * The name of a scale value.
 *
 * @example
 * import { scaleName } from "@concord-dao/sdk";
 *
 * scaleName(0); // "collaboration"
 */
export function scaleName(scale: number): ScaleName {
  const name = scaleNames[scale];
  if (name === undefined) throw new InvalidInputError("scale", scale, "expected 0..2");
  return name;
}

/**
 * The scale a cell with `memberCount` members has, as the contract computes it.
 *
 * @example
 * import { scaleForMemberCount } from "@concord-dao/sdk";
 *
 * scaleForMemberCount(9); // 1 (coordination)
 */
export function scaleForMemberCount(memberCount: number | bigint): ScaleValue {
  const count = BigInt(memberCount);
  if (count <= BigInt(cellLimits.COLLABORATION_MAX)) return Scale.COLLABORATION;
  if (count <= BigInt(cellLimits.COORDINATION_MAX)) return Scale.COORDINATION;
  return Scale.CONSTITUENCY;
}

/**
 * Validates a phase given as a value (0..3) or a name and returns the value.
 *
 * @throws {InvalidInputError} when out of range or unknown.
 * @example
 * import { toPhase } from "@concord-dao/sdk";
 *
 * toPhase("commitment"); // 2
 */
export function toPhase(phase: number | PhaseName): PhaseValue {
  if (typeof phase === "string") {
    const index = phaseNames.indexOf(phase);
    if (index < 0) throw new InvalidInputError("phase", phase, `expected one of ${phaseNames.join(", ")}`);
    return index as PhaseValue;
  }
  if (!Number.isInteger(phase) || phase < 0 || phase > cellLimits.MAX_PHASE) {
    throw new InvalidInputError("phase", phase, "expected 0 (conversation) to 3 (coordination)");
  }
  return phase as PhaseValue;
}

/**
 * The bytes32 id of a decision topic: keccak256 of its UTF-8 name.
 *
 * @example
 * import { topicId } from "@concord-dao/sdk";
 *
 * topicId("treasury"); // keccak256(toBytes("treasury"))
 */
export function topicId(topic: string): Hex {
  return keccak256(stringToBytes(topic));
}

/** A decision topic: its name (hashed with {@link topicId}) or its bytes32 id (0x + 64 hex digits). */
export type Topic = string;

/**
 * Resolves a {@link Topic} to its bytes32 id: a 32-byte hex string is used as is, anything else is
 * a name and is hashed.
 *
 * @throws {InvalidInputError} for an empty topic.
 * @example
 * import { toTopicId, topicId } from "@concord-dao/sdk";
 *
 * toTopicId("treasury") === topicId("treasury"); // true
 * toTopicId(topicId("treasury")) === topicId("treasury"); // true
 */
export function toTopicId(topic: Topic): Hex {
  if (typeof topic !== "string" || topic.length === 0) {
    throw new InvalidInputError("topic", topic, "expected a topic name or a bytes32 id");
  }
  if (isHex(topic, { strict: true }) && size(topic) === 32) return topic.toLowerCase() as Hex;
  return topicId(topic);
}

/**
 * The keccak256 hash of a nucleus document (text as UTF-8, or raw bytes), as stored on-chain.
 *
 * @example
 * import { nucleusHash } from "@concord-dao/sdk";
 *
 * const text = "# Purpose\nKeep the treasury healthy.";
 * await concord.cells.updateNucleus({ cellId, nucleusURI: "ipfs://…", nucleusHash: nucleusHash(text) });
 */
export function nucleusHash(document: string | Uint8Array): Hex {
  return keccak256(typeof document === "string" ? stringToBytes(document) : document);
}
