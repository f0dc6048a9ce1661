/**
 * The cell page's types: what a page about one cell shows beyond the directory (`getDashboardDirectory`).
 */
import type { Address, Hex } from "viem";

import type { Activity, Cell, JoinRequest, Member } from "../cells/types.ts";
import type { ScanProgress } from "../internal/logs.ts";
import type { Page } from "../internal/page.ts";
import type { BigIntish } from "../internal/validate.ts";

/** How many members (and pending join requests) the first page carries by default. */
export const CELL_PAGE_MEMBERS = 50;
/** How many activity entries the page carries by default, and at most (what the indexer's cell page carries). */
export const CELL_PAGE_ACTIVITY = 30;
/** The most decision owners the page carries (the cell's and its ancestors', by cell then topic). */
export const CELL_PAGE_OWNERS = 100;

/** A decision owner set on a cell itself (not inherited). */
export type DecisionOwnerEntry = { cellId: bigint; topic: Hex; owner: Address };

/** What `getCellPage` shows of a cell that the directory does not carry: who created it, when, its nucleus. */
export type CellPageDetails = Pick<Cell, "creator" | "createdAt" | "nucleusURI" | "nucleusHash">;

/** The cell page: the same on both read paths. */
export type CellPage = {
  cellId: bigint;
  /** Its creator, creation time and nucleus. */
  details: CellPageDetails;
  /** The first page of the members, by membership date (`getMembers`; its `next` pages on). */
  members: Page<Member>;
  /** The first page of the pending join requests, oldest first (`getJoinRequests`; its `next` pages on). */
  joinRequests: Page<JoinRequest>;
  /** The newest `activityLimit` states and intents, newest first (`getActivity`). */
  activity: Activity[];
  /**
   * The decision owners set on the cell and on each of its ancestors (not inherited), by cell id then topic,
   * at most {@link CELL_PAGE_OWNERS}.
   */
  owners: DecisionOwnerEntry[];
};

/** What `getCellPage` takes after the client. */
export type GetCellPageParameters = {
  cellId: BigIntish;
  /** The first page's size of members and of join requests: 1 to 500 (default {@link CELL_PAGE_MEMBERS}). */
  membersLimit?: number | undefined;
  /** How many activity entries: 0 to {@link CELL_PAGE_ACTIVITY} (the default). */
  activityLimit?: number | undefined;
  /** Direct path: the decision-owner scan's progress. */
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  /** Direct path: aborts the scans. */
  signal?: AbortSignal | undefined;
};
