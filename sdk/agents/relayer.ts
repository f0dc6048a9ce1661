/**
 * A relayer of signed acknowledgements: agents sign (no gas, no transaction of their own) and hand the
 * signature over; the relayer submits them in batches of up to 32 per transaction
 * (`acknowledgeBySigBatch`), one batch in flight at a time, retried when safe. Each agent learns its own
 * outcome: applied, or the typed refusal the registry recorded for its entry.
 */
import { getAddress } from "viem";
import type { Account, Address, Hash } from "viem";

import { submitAgreementSignatures } from "../agreements/writes.ts";
import type { SignedAcknowledgementInput } from "../agreements/writes.ts";
import type { ConcordClientBase } from "../client.ts";
import { InvalidInputError } from "../errors.ts";
import type { ConcordError } from "../errors.ts";
import { agreementLimits } from "../agreements/constants.ts";
import { retrying } from "./retry.ts";
import type { RetryPolicy } from "./retry.ts";

/** What happened to one relayed acknowledgement. */
export type RelayOutcome = {
  /** The batch transaction that carried it. */
  hash: Hash;
  /** True when the registry applied it; false when it skipped it (see `error`). */
  applied: boolean;
  /** Why it was skipped (e.g. `AgreementAlreadyAcknowledged`), typed and decoded; null when applied. */
  error: ConcordError | null;
  /** How many acknowledgements the batch carried. */
  batchSize: number;
  /** Gas of the whole batch transaction. */
  gasUsed: bigint;
};

/** Parameters of {@link createAcknowledgementRelayer}. */
export type CreateAcknowledgementRelayerParameters = {
  /** The account that pays for the batches (default: the wallet client's). */
  account?: Account | Address | undefined;
  /** Entries per transaction (1..32, default 32). */
  maxBatch?: number | undefined;
  /** How long the first entry of a batch waits for others, in ms (0..60 000, default 250). */
  maxDelayMs?: number | undefined;
  /** Entries waiting at most (default 1 024): `relay` refuses more. */
  maxQueued?: number | undefined;
  retry?: RetryPolicy | undefined;
};

/** A relayer (see {@link createAcknowledgementRelayer}). */
export type AcknowledgementRelayer = {
  /** Queues a signed acknowledgement; resolves once its batch is mined. */
  relay(signed: SignedAcknowledgementInput): Promise<RelayOutcome>;
  /** Sends what is queued now and waits for every batch. */
  flush(): Promise<void>;
  /** Entries waiting. */
  pending(): number;
};

type Entry = {
  signed: SignedAcknowledgementInput;
  key: string;
  resolve: (o: RelayOutcome) => void;
  reject: (e: unknown) => void;
};

/** What {@link createAcknowledgementRelayer} returns: the relayer. */
export type CreateAcknowledgementRelayerReturnType = AcknowledgementRelayer;
/**
 * What {@link createAcknowledgementRelayer} throws: an `InvalidInputError` for a `maxBatch`, `maxDelayMs` or
 * `maxQueued` out of bounds. (A relayed entry's refusal is its {@link RelayOutcome}`.error`.)
 */
export type CreateAcknowledgementRelayerErrorType = InvalidInputError;

/**
 * Creates a relayer that batches signed acknowledgements.
 *
 * @example
 * import { createAcknowledgementRelayer } from "@concord-dao/sdk";
 *
 * const relayer = createAcknowledgementRelayer(relayerClient, { maxBatch: 32, maxDelayMs: 500 });
 * const signed = await agentClient.agreements.signAcknowledgement({ agreementId: 1n, deadline: new Date(Date.now() + 3_600_000) });
 * const { applied, error } = await relayer.relay(signed);
 */
export function createAcknowledgementRelayer(
  client: ConcordClientBase,
  parameters: CreateAcknowledgementRelayerParameters = {},
): AcknowledgementRelayer {
  const maxBatch = parameters.maxBatch ?? agreementLimits.MAX_BATCH;
  const maxDelayMs = parameters.maxDelayMs ?? 250;
  const maxQueued = parameters.maxQueued ?? 1_024;
  if (!Number.isInteger(maxBatch) || maxBatch < 1 || maxBatch > agreementLimits.MAX_BATCH) {
    throw new InvalidInputError(
      "maxBatch",
      maxBatch,
      `expected an integer in 1..${agreementLimits.MAX_BATCH}`,
    );
  }
  if (!Number.isInteger(maxDelayMs) || maxDelayMs < 0 || maxDelayMs > 60_000) {
    throw new InvalidInputError("maxDelayMs", maxDelayMs, "expected an integer in 0..60000");
  }
  if (!Number.isInteger(maxQueued) || maxQueued < 1) {
    throw new InvalidInputError("maxQueued", maxQueued, "expected a positive integer");
  }
  const queue: Entry[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> = Promise.resolve();

  /** The next batch: at most `maxBatch` entries, one per (agreement, signer); duplicates wait for the next. */
  const take = (): Entry[] => {
    const batch: Entry[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < queue.length && batch.length < maxBatch;) {
      const entry = queue[i]!;
      if (keys.has(entry.key)) {
        i++;
        continue;
      }
      keys.add(entry.key);
      batch.push(entry);
      queue.splice(i, 1);
    }
    return batch;
  };

  const send = async (batch: Entry[]) => {
    try {
      const result = await retrying(
        { client, account: parameters.account, action: "acknowledgeBySigBatch", policy: parameters.retry },
        ({ onSubmitted }) =>
          submitAgreementSignatures(client, {
            account: parameters.account,
            onSubmitted,
            signatures: batch.map((entry) => entry.signed),
          }),
      );
      const skipped = new Map(result.skipped.map((skip) => [skip.index, skip.error]));
      batch.forEach((entry, index) =>
        entry.resolve({
          hash: result.hash,
          applied: !skipped.has(index),
          error: skipped.get(index) ?? null,
          batchSize: batch.length,
          gasUsed: result.receipt.gasUsed,
        }),
      );
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  };

  const drain = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    sending = sending.then(async () => {
      // Bounded: each round sends at least one entry of a queue that is at most `maxQueued` long.
      while (queue.length > 0) await send(take());
    });
    return sending;
  };

  return {
    relay(signed) {
      if (queue.length >= maxQueued) {
        return Promise.reject(
          new InvalidInputError("signed", signed, `the relayer already holds ${maxQueued} acknowledgements`),
        );
      }
      const key = `${BigInt(signed.agreementId)}:${BigInt(signed.cellId ?? 0n)}:${getAddress(signed.signer)}`;
      return new Promise<RelayOutcome>((resolve, reject) => {
        queue.push({ signed, key, resolve, reject });
        if (queue.length >= maxBatch) void drain();
        else timer ??= setTimeout(() => void drain(), maxDelayMs);
      });
    },
    flush: () => drain(),
    pending: () => queue.length,
  };
}
