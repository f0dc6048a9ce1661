/**
 * The agent kit's retry rule, without a chain: what is retried (dropped, nonce, transient), what never is
 * (a refusal, a fatal error), and that every loop is bounded.
 */
import {
  HttpRequestError,
  InsufficientFundsError,
  NonceTooLowError,
  WaitForTransactionReceiptTimeoutError,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";

import {
  AgentRetryExhaustedError,
  ConcordError,
  ContractRefusalError,
  InvalidInputError,
  TransactionRevertedError,
  classifyFailure,
  retrying,
} from "../../sdk/index.ts";
import type { ConcordClientBase } from "../../sdk/index.ts";
import { rejection } from "../sdk/fixture.ts";

const refusal = new ContractRefusalError({
  errorName: "ResourceBusy",
  args: [],
  namedArgs: {},
  message: "Resource 1 is held.",
});

/** A client that is never used to send: `retrying` only reads it to reset nonces and wait for receipts. */
const client = { chainId: 31337, walletClient: undefined, publicClient: {} } as unknown as ConcordClientBase;
const policy = { retries: 3, baseDelayMs: 1, maxDelayMs: 2 };

describe("classifyFailure", () => {
  it("never retries a refusal, simulated or mined", () => {
    expect(classifyFailure(refusal)).toBe("refusal");
    expect(classifyFailure(new TransactionRevertedError({ hash: "0x01", refusal }))).toBe("refusal");
  });

  it("retries a nonce race, a dropped or underpriced transaction and a transient RPC failure", () => {
    expect(classifyFailure(new ConcordError("wrapped", { cause: new NonceTooLowError({ nonce: 3 }) }))).toBe(
      "nonce",
    );
    expect(classifyFailure(new Error("replacement transaction underpriced"))).toBe("dropped");
    expect(classifyFailure(new ConcordError("x", { cause: new Error("Transaction ran out of gas") }))).toBe(
      "dropped",
    );
    expect(classifyFailure(new WaitForTransactionReceiptTimeoutError({ hash: "0x01" }))).toBe("dropped");
    expect(classifyFailure(new HttpRequestError({ url: "http://127.0.0.1:8545", status: 503 }))).toBe(
      "transient",
    );
    expect(classifyFailure(new Error("fetch failed: ECONNRESET"))).toBe("transient");
  });

  it("does not retry bad input, missing funds or an unknown failure", () => {
    expect(classifyFailure(new InvalidInputError("duration", 0, "a lease lasts at least 1 second"))).toBe(
      "fatal",
    );
    expect(classifyFailure(new ConcordError("x", { cause: new InsufficientFundsError() }))).toBe("fatal");
    expect(classifyFailure(new Error("something else"))).toBe("fatal");
  });
});

describe("retrying", () => {
  it("sends a refused write once and surfaces the typed refusal", async () => {
    let calls = 0;
    const error = await rejection(
      retrying({ client, action: "acquire", policy }, async () => {
        calls++;
        throw refusal;
      }),
    );
    expect(error).toBe(refusal);
    expect(calls).toBe(1);
  });

  it("retries a transient failure and returns the first success", async () => {
    let calls = 0;
    const kinds: string[] = [];
    const result = await retrying(
      { client, action: "renew", policy, onRetry: (kind) => kinds.push(kind) },
      async ({ attempt }) => {
        calls++;
        if (attempt < 2) throw new HttpRequestError({ url: "http://127.0.0.1:8545", status: 502 });
        return "renewed";
      },
    );
    expect(result).toBe("renewed");
    expect(calls).toBe(3);
    expect(kinds).toEqual(["transient", "transient"]);
  });

  it("gives up after the bounded number of attempts, with the last failure as the cause", async () => {
    let calls = 0;
    const error = await rejection(
      retrying({ client, action: "release", policy }, async () => {
        calls++;
        throw new Error("socket hang up");
      }),
    );
    expect(error).toBeInstanceOf(AgentRetryExhaustedError);
    expect(error).toMatchObject({ action: "release", attempts: 4, kind: "transient" });
    expect((error as AgentRetryExhaustedError).shortMessage).toBe(
      "release failed 4 times (transient); the agent gave up.",
    );
    expect(calls).toBe(4);
  });

  it("resets the nonce manager of a local account after a nonce race", async () => {
    const resets: string[] = [];
    const account = {
      ...privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
      nonceManager: {
        consume: async () => 0,
        increment: () => undefined,
        get: async () => 0,
        reset: ({ address }: { address: string }) => resets.push(address),
      },
    };
    await retrying({ client, account, action: "declareState", policy }, async ({ attempt }) => {
      if (attempt === 0) throw new NonceTooLowError({ nonce: 1 });
      return true;
    });
    expect(resets).toEqual([account.address]);
  });

  it("refuses a policy outside its bounds", async () => {
    const error = await rejection(retrying({ client, action: "x", policy: { retries: 11 } }, async () => 1));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).shortMessage).toBe(
      "Invalid retry.retries: expected an integer in 0..10.",
    );
  });
});
