/**
 * Shown when the connected wallet is on another network than the deployment's, with a one-click switch
 * (`wallet_switchEthereumChain`, or `wallet_addEthereumChain` when the wallet does not know the chain).
 */
import { useSwitchChain } from "wagmi";

import { useConcord, useViewer } from "../concord.tsx";
import { explainError } from "../lib/errors.ts";

const KNOWN_CHAINS: Record<number, string> = {
  1: "Ethereum",
  10: "OP Mainnet",
  100: "Gnosis",
  137: "Polygon",
  8453: "Base",
  42161: "Arbitrum One",
  11155111: "Sepolia",
  17000: "Holesky",
  31337: "Local chain",
};

export function NetworkBanner() {
  const { app } = useConcord();
  const viewer = useViewer();
  const { switchChain, isPending, error } = useSwitchChain();
  if (viewer.walletChainId === null || viewer.walletChainId === app.chain.id) return null;
  const walletChain = KNOWN_CHAINS[viewer.walletChainId] ?? `chain ${viewer.walletChainId}`;
  return (
    <div className="banner warning" role="alert" data-testid="wrong-network">
      <p>
        Your wallet is on <strong>{walletChain}</strong>, but this Concord runs on{" "}
        <strong>{app.chainName}</strong> (chain id {app.chainId}). You can look around; to act, switch
        networks.
      </p>
      <button type="button" onClick={() => switchChain({ chainId: app.chain.id })} disabled={isPending}>
        {isPending ? "Switching…" : `Switch to ${app.chainName}`}
      </button>
      {error && <p className="error">{explainError(error).message}</p>}
    </div>
  );
}
