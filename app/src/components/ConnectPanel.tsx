/**
 * Connecting: the local chain's dev accounts (one click, then "play as" another member), and browser
 * wallets (EIP-1193 `window.ethereum` and the wallets that announce themselves through EIP-6963).
 *
 * Each dev account is described by what it is on chain now ("steward of Infra · member of Research
 * guild"), from the directory query every screen shares (its multicall reads the dev accounts' roles
 * and join requests too); until that query answers, only names and addresses are shown.
 */
import { useRef, useState } from "react";
import type { Address } from "viem";
import { useConnect, useConnection, useDisconnect } from "wagmi";
import type { Connector } from "wagmi";

import { useConcord, useDirectory, useViewer } from "../concord.tsx";
import { explainError } from "../lib/errors.ts";
import { shortAddress, standingLabel } from "../lib/format.ts";
import { DEV_WALLET_ID, devAccounts } from "../wallet/devWallet.ts";
import type { DevWalletProperties } from "../wallet/devWallet.ts";
import { Account } from "./Account.tsx";

const asDev = (connector: Connector) => connector as unknown as Connector & DevWalletProperties;

function connectError(error: Error | null): string | null {
  if (!error) return null;
  let current: unknown = error;
  for (let i = 0; i < 8 && current; i++) {
    if ((current as { name?: string }).name === "ProviderNotFoundError") {
      return "No browser wallet was found. Install one (MetaMask, Rabby…) or use a dev account.";
    }
    current = (current as { cause?: unknown }).cause;
  }
  return explainError(error).message;
}

export function ConnectPanel() {
  const { app } = useConcord();
  const connection = useConnection();
  const viewer = useViewer();
  const { connect, connectors, isPending, error, reset } = useConnect();
  const { disconnect } = useDisconnect();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const { data: directory } = useDirectory();
  // What a dev account is on chain now, or null while unknown.
  const roleOf = (address: Address): string | null => {
    const standing = directory?.standingOf.get(address);
    return directory && standing ? standingLabel(directory.cells, standing) : null;
  };

  const devConnector = connectors.find((connector) => connector.id === DEV_WALLET_ID);
  const announced = connectors.filter((c) => c.id !== DEV_WALLET_ID && c.id !== "injected");
  const browserWallets = announced.length
    ? announced
    : connectors.filter((connector) => connector.id === "injected");

  if (connection.isConnected && viewer.account) {
    const isDev = connection.connector?.id === DEV_WALLET_ID;
    return (
      <div className="wallet" data-testid="wallet">
        {isDev && connection.connector ? (
          <label className="play-as">
            <span>Playing as</span>
            <select
              value={viewer.account}
              // The whole label, for when the menu is too narrow to show it.
              title={roleOf(viewer.account) ?? undefined}
              onChange={(event) => asDev(connection.connector!).selectAccount(event.target.value as Address)}
              data-testid="play-as"
            >
              {devAccounts.map((account) => (
                <option key={account.address} value={account.address}>
                  {[`${account.name} (${shortAddress(account.address)})`, roleOf(account.address)]
                    .filter(Boolean)
                    .join(" — ")}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="connected-as">
            <span className="muted">{connection.connector?.name ?? "Wallet"}:</span>{" "}
            <Account address={viewer.account} you={false} />
          </span>
        )}
        <button type="button" className="secondary" onClick={() => disconnect()}>
          Disconnect
        </button>
      </div>
    );
  }

  const connectDev = (address: Address) => {
    if (!devConnector) return;
    asDev(devConnector).selectAccount(address);
    connect({ connector: devConnector });
    setOpen(false);
  };

  return (
    <div className="wallet">
      <button
        type="button"
        ref={opener}
        aria-expanded={open}
        aria-controls="connect-options"
        onClick={() => {
          reset();
          setOpen(!open);
        }}
        disabled={isPending}
      >
        {isPending ? "Connecting…" : "Connect"}
      </button>
      {open && (
        <div
          className="connect-options"
          id="connect-options"
          role="dialog"
          aria-label="Connect"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              setOpen(false);
              opener.current?.focus();
            }
          }}
        >
          {app.isLocal && devConnector && (
            <section>
              <h2>Try it with a dev account</h2>
              <p className="muted">
                Funded accounts of the local chain. Pick one; you can switch later to play another member.
              </p>
              <ul className="plain">
                {devAccounts.map((account) => (
                  <li key={account.address}>
                    <button
                      type="button"
                      className="secondary wide"
                      onClick={() => connectDev(account.address)}
                      data-testid={`connect-${account.name}`}
                    >
                      <strong>{account.name}</strong> <code>{shortAddress(account.address)}</code>
                      {roleOf(account.address) && (
                        <span className="muted role">{roleOf(account.address)}</span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section>
            <h2>Browser wallet</h2>
            <ul className="plain">
              {browserWallets.map((connector) => (
                <li key={connector.uid}>
                  <button
                    type="button"
                    className="secondary wide"
                    onClick={() => {
                      connect({ connector });
                      setOpen(false);
                    }}
                    data-testid={`connect-${connector.id}`}
                  >
                    {connector.icon && <img src={connector.icon} alt="" width={20} height={20} />}
                    {connector.id === "injected" ? "Browser wallet (MetaMask, Rabby, Safe…)" : connector.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {connectError(error)}
        </p>
      )}
    </div>
  );
}
