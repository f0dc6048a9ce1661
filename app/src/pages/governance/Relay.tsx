/**
 * Votes and vetoes by signature, in the page as in the SDK: a member signs (EIP-712, no transaction, no fee)
 * and copies the text; anyone pastes one or several and relays them in ONE transaction (the house's
 * `multicall`: the SDK's `submitVotes` / `submitVetoes`).
 */
import { useCallback, useEffect, useReducer, useState } from "react";
import { signTypedData } from "viem/actions";
import { useConfig, useConnection } from "wagmi";
import { getConnectorClient } from "wagmi/actions";

import { getVetoTypedData, getVoteTypedData, governanceActions } from "../../../../sdk/index.ts";
import type { VoteSupport } from "../../../../sdk/index.ts";
import { ActionButton } from "../../components/ActionButton.tsx";
import { WriteStatus } from "../../components/WriteStatus.tsx";
import { useConcord, useViewer, useWrite } from "../../concord.tsx";
import { explainError } from "../../lib/errors.ts";
import { plural } from "../../lib/format.ts";
import { decodeSignedBallots, encodeSignedBallot } from "../../lib/governance.ts";
import { canWrite } from "../../lib/permissions.ts";
import type { Permission } from "../../lib/permissions.ts";
import { idleProgress, isBusy, progressReducer } from "../../lib/progress.ts";

/** What to sign: a vote (with its choice) or a veto, with the reason kept on-chain. */
export type BallotToSign =
  | { type: "vote"; proposalId: bigint; support: VoteSupport; reason: string; override: boolean }
  | { type: "veto"; proposalId: bigint; reason: string };

/**
 * Signs a vote or a veto with the connected wallet and shows the text to pass on. Nothing is sent.
 * `permission` is the same as the action's own (a signature is refused where the vote would be).
 */
export function SignInstead({ ballot, permission }: { ballot: BallotToSign | null; permission: Permission }) {
  const config = useConfig();
  const { app, reader } = useConcord();
  const [progress, dispatch] = useReducer(progressReducer, idleProgress);
  const [signed, setSigned] = useState<string | null>(null);
  const account = useConnection().address;
  useEffect(() => {
    dispatch({ type: "clear" });
    setSigned(null);
  }, [account]);
  const sign = useCallback(async () => {
    if (!ballot) return;
    dispatch({ type: "start", kind: "signature", action: `Sign your ${ballot.type}` });
    try {
      const client = await getConnectorClient(config, { chainId: app.chain.id });
      const voter = client.account.address;
      const reason = ballot.reason.trim() || undefined;
      const prepared =
        ballot.type === "vote"
          ? await getVoteTypedData(reader, {
              proposalId: ballot.proposalId,
              support: ballot.support,
              reason,
              voter,
              override: ballot.override,
            })
          : await getVetoTypedData(reader, { proposalId: ballot.proposalId, reason, voter });
      dispatch({ type: "walletRequested" });
      const signature = await signTypedData(client, {
        account: client.account,
        ...(prepared.typedData as Omit<Parameters<typeof signTypedData>[1], "account">),
      } as Parameters<typeof signTypedData>[1]);
      setSigned(
        "vote" in prepared
          ? encodeSignedBallot({ type: "vote", vote: { ...prepared.vote, signature } })
          : encodeSignedBallot({ type: "veto", veto: { ...prepared.veto, signature } }),
      );
      dispatch({
        type: "signed",
        summary:
          "Nothing was sent: give this text to anyone, who relays it (with others) in one transaction.",
      });
    } catch (error) {
      dispatch({ type: "failed", error: explainError(error) });
    }
  }, [app.chain.id, ballot, config, reader]);
  return (
    <div className="sign-instead">
      <ActionButton
        permission={ballot ? permission : { ok: false, reason: "Choose For, Against or Abstain." }}
        busy={isBusy(progress)}
        onClick={() => void sign()}
        name={`sign-${ballot?.type ?? "vote"}`}
        variant="secondary"
      >
        Sign instead (anyone can send it)
      </ActionButton>
      <WriteStatus progress={progress} onDismiss={() => dispatch({ type: "reset" })} />
      {signed && (
        <label className="block">
          Your signed {ballot?.type ?? "ballot"}: copy it to whoever relays the votes
          <textarea
            readOnly
            rows={3}
            value={signed}
            data-testid="signed-ballot"
            onFocus={(e) => e.target.select()}
          />
        </label>
      )}
    </div>
  );
}

/** Relays signed votes or vetoes of this proposal, several in one transaction; anyone connected can. */
export function RelayCard({ proposalId }: { proposalId: bigint }) {
  const viewer = useViewer();
  const write = useWrite();
  const [text, setText] = useState("");
  const decoded = text.trim() === "" ? null : decodeSignedBallots(text, proposalId);
  const count = decoded?.ok ? (decoded.type === "vote" ? decoded.votes.length : decoded.vetoes.length) : 0;
  const base = canWrite(viewer);
  const permission: Permission = !base.ok
    ? base
    : !decoded
      ? { ok: false, reason: "Paste one or more signed votes or vetoes." }
      : decoded.ok
        ? { ok: true }
        : { ok: false, reason: decoded.error };
  const relay = () => {
    if (!decoded?.ok) return;
    if (decoded.type === "vote") {
      const votes = decoded.votes;
      void write.run(
        `Relay ${plural(votes.length, "signed vote")}`,
        ({ concord, options }) => governanceActions(concord).submitVotes({ votes, ...options }),
        {
          summary: (result) => `Relayed ${plural(result.votes.length, "vote")} in one transaction.`,
          onConfirmed: () => setText(""),
        },
      );
    } else {
      const vetoes = decoded.vetoes;
      void write.run(
        `Relay ${plural(vetoes.length, "signed veto", "signed vetoes")}`,
        ({ concord, options }) => governanceActions(concord).submitVetoes({ vetoes, ...options }),
        {
          summary: (result) =>
            result.vetoed
              ? "Relayed: the veto reached its threshold and the proposal is canceled."
              : `Relayed ${plural(result.vetoes.length, "veto", "vetoes")} in one transaction.`,
          onConfirmed: () => setText(""),
        },
      );
    }
  };
  return (
    <section className="card" aria-labelledby="relay-title" data-testid="relay">
      <h2 id="relay-title">Relay signed votes</h2>
      <p className="muted">
        Members who sign instead of sending pay no fee; anyone can send their signed votes or vetoes here,
        several in one transaction. Each counts for the member who signed it.
      </p>
      <label className="block">
        Signed votes or vetoes (one per line)
        <textarea
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
          spellCheck={false}
          data-testid="relay-input"
        />
      </label>
      <div className="button-row">
        <ActionButton permission={permission} busy={write.busy} onClick={relay} name="relay">
          {count > 1 ? `Send ${count} in one transaction` : "Send"}
        </ActionButton>
      </div>
      <WriteStatus progress={write.progress} onDismiss={write.reset} />
    </section>
  );
}
