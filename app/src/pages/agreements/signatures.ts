/**
 * Signing acknowledgements in the page (EIP-712 typed data signed by the connected wallet), and the
 * signatures kept in this browser until they are submitted (localStorage, per chain and registry).
 */
import { useCallback, useEffect, useReducer, useState } from "react";
import type { Address } from "viem";
import { signTypedData } from "viem/actions";
import { useConfig, useConnection } from "wagmi";
import { getConnectorClient } from "wagmi/actions";

import { toSignedAcknowledgement } from "../../../../sdk/index.ts";
import type { SignedAcknowledgement } from "../../../../sdk/index.ts";
import { useConcord } from "../../concord.tsx";
import { decodeSigned, encodeSigned, mergeSigned } from "../../lib/agreements.ts";
import { explainError } from "../../lib/errors.ts";
import { idleProgress, isBusy, progressReducer } from "../../lib/progress.ts";
import type { WriteProgress } from "../../lib/progress.ts";
import { getAcknowledgeTypedData } from "../../../../sdk/index.ts";

/** Signs an acknowledgement with the connected wallet: progress, and the signature once made. */
export function useSignAcknowledgement(): {
  progress: WriteProgress;
  busy: boolean;
  sign(parameters: {
    agreementId: bigint;
    cellId: bigint | null;
    deadline: bigint;
  }): Promise<SignedAcknowledgement | undefined>;
  reset(): void;
} {
  const config = useConfig();
  const { app, reader } = useConcord();
  const [progress, dispatch] = useReducer(progressReducer, idleProgress);
  // A finished signature's outcome belongs to the account that signed.
  const account = useConnection().address;
  useEffect(() => dispatch({ type: "clear" }), [account]);
  const sign = useCallback(
    async ({
      agreementId,
      cellId,
      deadline,
    }: {
      agreementId: bigint;
      cellId: bigint | null;
      deadline: bigint;
    }) => {
      dispatch({
        type: "start",
        kind: "signature",
        action:
          cellId === null
            ? `Sign agreement ${agreementId}`
            : `Sign agreement ${agreementId} for cell ${cellId}`,
      });
      try {
        const client = await getConnectorClient(config, { chainId: app.chain.id });
        const signer: Address = client.account.address;
        const typedData =
          cellId === null
            ? await getAcknowledgeTypedData(reader, { agreementId, signer, deadline })
            : await getAcknowledgeTypedData(reader, { agreementId, signer, deadline, cellId });
        dispatch({ type: "walletRequested" });
        const signature = await signTypedData(client, {
          account: client.account,
          ...(typedData as Omit<Parameters<typeof signTypedData>[1], "account">),
        } as Parameters<typeof signTypedData>[1]);
        const signed = toSignedAcknowledgement(typedData, signature);
        dispatch({
          type: "signed",
          summary: "Nothing was sent: anyone can submit it, in one transaction with the others.",
        });
        return signed;
      } catch (error) {
        dispatch({ type: "failed", error: explainError(error) });
        return undefined;
      }
    },
    [app.chain.id, config, reader],
  );
  return {
    progress,
    busy: isBusy(progress),
    sign,
    reset: useCallback(() => dispatch({ type: "reset" }), []),
  };
}

/** The signatures kept in this browser (all agreements), with add and remove. */
export function useKeptSignatures(): {
  kept: SignedAcknowledgement[];
  add(more: SignedAcknowledgement[]): void;
  remove(signed: SignedAcknowledgement): void;
} {
  const { app } = useConcord();
  const key = `concord:signatures:${app.chain.id}:${app.deployment.contracts.AgreementRegistry?.address ?? "none"}`;
  const [kept, setKept] = useState<SignedAcknowledgement[]>(() => {
    try {
      return decodeSigned(window.localStorage.getItem(key) ?? "[]");
    } catch {
      return [];
    }
  });
  useEffect(() => {
    try {
      window.localStorage.setItem(key, `[${kept.map(encodeSigned).join(",")}]`);
    } catch {
      // Storage may be full or disabled: the signatures stay in the page.
    }
  }, [key, kept]);
  return {
    kept,
    add: useCallback((more: SignedAcknowledgement[]) => setKept((current) => mergeSigned(current, more)), []),
    remove: useCallback(
      (signed: SignedAcknowledgement) => setKept((current) => current.filter((other) => other !== signed)),
      [],
    ),
  };
}
