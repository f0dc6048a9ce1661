import { describe, expect, it } from "vitest";

import {
  describeProgress,
  idleProgress,
  isBusy,
  isDone,
  progressReducer,
  progressSteps,
  reachedStep,
} from "./progress.ts";
import type { WriteEvent, WriteProgress } from "./progress.ts";

const hash = `0x${"12".repeat(32)}` as const;
const run = (...events: WriteEvent[]): WriteProgress => events.reduce(progressReducer, idleProgress);

describe("write progress", () => {
  it("goes checking → signing → pending → confirmed", () => {
    const start = run({ type: "start", action: "Create the cell" });
    expect(start).toEqual({ stage: "checking", kind: "transaction", action: "Create the cell" });
    const signing = progressReducer(start, { type: "walletRequested" });
    expect(signing.stage).toBe("signing");
    const pending = progressReducer(signing, { type: "submitted", hash });
    expect(pending).toEqual({ stage: "pending", kind: "transaction", action: "Create the cell", hash });
    const done = progressReducer(pending, { type: "confirmed", hash, summary: "Cell 4 created." });
    expect(done).toEqual({
      stage: "confirmed",
      kind: "transaction",
      action: "Create the cell",
      hash,
      summary: "Cell 4 created.",
    });
    expect(describeProgress(done)).toBe("Create the cell: confirmed. Cell 4 created.");
    expect([start, signing, pending, done].map(isBusy)).toEqual([true, true, true, false]);
    expect([start, signing, pending, done].map(reachedStep)).toEqual([0, 1, 2, 4]);
    // A transaction is never "signed".
    expect(progressReducer(signing, { type: "signed" })).toBe(signing);
  });

  it("goes checking → signing → signed for a signature, never pending nor confirmed", () => {
    const start = run({ type: "start", action: "Sign agreement 3", kind: "signature" });
    expect(start).toEqual({ stage: "checking", kind: "signature", action: "Sign agreement 3" });
    const signing = progressReducer(start, { type: "walletRequested" });
    expect(signing).toEqual({ stage: "signing", kind: "signature", action: "Sign agreement 3" });
    // Nothing is sent: a stray hash or confirmation does not move a signature.
    expect(progressReducer(signing, { type: "submitted", hash })).toBe(signing);
    expect(progressReducer(signing, { type: "confirmed", hash: null })).toBe(signing);
    const signed = progressReducer(signing, { type: "signed", summary: "Nothing was sent." });
    expect(signed).toEqual({
      stage: "signed",
      kind: "signature",
      action: "Sign agreement 3",
      summary: "Nothing was sent.",
    });
    expect(describeProgress(signed)).toBe("Sign agreement 3: signed. Nothing was sent.");
    expect([isBusy(signed), isDone(signed)]).toEqual([false, true]);
    expect(progressSteps("signature").map((step) => step.label)).toEqual([
      "Checking",
      "Waiting for your signature",
      "Signed",
    ]);
    expect(progressSteps("transaction").map((step) => step.label)).toEqual([
      "Checking",
      "Waiting for your signature",
      "Pending",
      "Confirmed",
    ]);
    expect([start, signing, signed].map(reachedStep)).toEqual([0, 1, 3]);
    const refused = progressReducer(signing, {
      type: "failed",
      error: { kind: "rejected" as const, message: "You rejected the request in your wallet." },
    });
    expect(refused).toMatchObject({ stage: "failed", kind: "signature", hash: null });
    expect(reachedStep(refused)).toBe(-1);
  });

  it("fails from any busy stage, keeping the hash when there is one", () => {
    const error = { kind: "refused" as const, message: "Cell 9 does not exist." };
    expect(run({ type: "start", action: "Leave" }, { type: "failed", error })).toEqual({
      stage: "failed",
      kind: "transaction",
      action: "Leave",
      hash: null,
      error,
    });
    const reverted = run(
      { type: "start", action: "Leave" },
      { type: "walletRequested" },
      { type: "submitted", hash },
      { type: "failed", error },
    );
    expect(reverted).toMatchObject({ stage: "failed", hash });
    expect(describeProgress(reverted)).toBe("Leave failed: Cell 9 does not exist.");
  });

  it("ignores events out of order", () => {
    expect(run({ type: "walletRequested" })).toBe(idleProgress);
    expect(run({ type: "submitted", hash })).toBe(idleProgress);
    const busy = run({ type: "start", action: "A" });
    expect(progressReducer(busy, { type: "start", action: "B" })).toBe(busy);
    const failed = run(
      { type: "start", action: "A" },
      { type: "failed", error: { kind: "error", message: "x" } },
    );
    expect(progressReducer(failed, { type: "submitted", hash })).toBe(failed);
    expect(progressReducer(failed, { type: "confirmed", hash })).toBe(failed);
    expect(progressReducer(failed, { type: "reset" })).toBe(idleProgress);
    expect(progressReducer(failed, { type: "clear" })).toBe(idleProgress);
    expect(progressReducer(busy, { type: "clear" })).toBe(busy);
    // A new write may start after a finished one.
    expect(progressReducer(failed, { type: "start", action: "B" }).stage).toBe("checking");
  });

  it("describes each stage", () => {
    expect(describeProgress(idleProgress)).toBe("");
    expect(describeProgress({ stage: "checking", kind: "transaction", action: "Approve Erin" })).toBe(
      "Approve Erin: checking with the contract…",
    );
    expect(describeProgress({ stage: "signing", kind: "transaction", action: "Approve Erin" })).toBe(
      "Approve Erin: waiting for your signature…",
    );
    expect(
      describeProgress({ stage: "pending", kind: "transaction", action: "Approve Erin", hash }),
    ).toContain("pending");
  });
});
