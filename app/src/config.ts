/**
 * Which chain and RPC the app talks to, decided at build time (`VITE_CONCORD_*` variables) and
 * overridable at run time by a `config.json` served next to `index.html`. Addresses never come from
 * here: they come from the SDK's generated deployment file (`getDeployment(chainId)`).
 */
import { defineChain } from "viem";
import type { Chain } from "viem";

import { getDeployment, MULTICALL3_ADDRESS } from "../../sdk/index.ts";
import type { Deployment } from "../../sdk/index.ts";

/** The local chain of `npm start` (Hardhat's EDR node). */
export const LOCAL_CHAIN_ID = 31337;
/** The RPC of `npm start`. */
export const LOCAL_RPC_URL = "http://127.0.0.1:8545";

/** The settings one may give at build time or run time (all optional). */
export type AppSettings = {
  /** The chain id of the Concord deployment to use (default 31337). */
  chainId?: number | undefined;
  /** The JSON-RPC endpoint (default http://127.0.0.1:8545 on 31337; required elsewhere). */
  rpcUrl?: string | undefined;
  /** The Concord indexer's URL (optional): lists then read from it while it keeps up with the chain. */
  indexerUrl?: string | undefined;
  /** A readable network name (default: the deployment record's name). */
  chainName?: string | undefined;
  /** A block explorer base URL, for transaction links (e.g. https://sepolia.etherscan.io). */
  explorerUrl?: string | undefined;
  /** How often to poll for new blocks, in ms (default 1000 on the local chain, 4000 elsewhere). */
  pollingInterval?: number | undefined;
};

/** The resolved configuration the app runs with. */
export type AppConfig = {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  /** The Concord indexer the SDK reads lists from (reads: "auto"), or null for direct reads only. */
  indexerUrl: string | null;
  explorerUrl: string | null;
  pollingInterval: number;
  /** The viem chain handed to wagmi. */
  chain: Chain;
  /** The Concord deployment on that chain (from `sdk/generated/deployments.ts`). */
  deployment: Deployment;
  /** Whether this is the local dev chain, where the funded dev accounts are offered. */
  isLocal: boolean;
};

/** A configuration problem, shown instead of the app. */
export class AppConfigError extends Error {
  override name = "AppConfigError";
}

/**
 * Reads the build-time settings from Vite's `import.meta.env` (strings).
 *
 * @example
 * settingsFromEnv({ VITE_CONCORD_CHAIN_ID: "11155111", VITE_CONCORD_RPC_URL: "https://rpc.example" });
 */
export function settingsFromEnv(env: Record<string, string | boolean | undefined>): AppSettings {
  const text = (key: string) => {
    const value = env[key];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const number = (key: string) => {
    const value = text(key);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed <= 0) {
      throw new AppConfigError(`${key} must be a positive integer, not "${value}".`);
    }
    return parsed;
  };
  return {
    chainId: number("VITE_CONCORD_CHAIN_ID"),
    rpcUrl: text("VITE_CONCORD_RPC_URL"),
    indexerUrl: text("VITE_CONCORD_INDEXER_URL"),
    chainName: text("VITE_CONCORD_CHAIN_NAME"),
    explorerUrl: text("VITE_CONCORD_EXPLORER_URL"),
    pollingInterval: number("VITE_CONCORD_POLLING_INTERVAL"),
  };
}

/**
 * Validates the JSON of a runtime `config.json` (anything else than an object is ignored).
 *
 * @example
 * settingsFromJson({ chainId: 31337, rpcUrl: "http://127.0.0.1:18545" });
 */
export function settingsFromJson(json: unknown): AppSettings {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return {};
  const record = json as Record<string, unknown>;
  const settings: AppSettings = {};
  const optionalString = (key: keyof AppSettings) => {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string" || value.trim() === "") {
      throw new AppConfigError(`config.json: "${key}" must be a non-empty string.`);
    }
    return value.trim();
  };
  const optionalNumber = (key: keyof AppSettings) => {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      throw new AppConfigError(`config.json: "${key}" must be a positive integer.`);
    }
    return value;
  };
  settings.chainId = optionalNumber("chainId");
  settings.rpcUrl = optionalString("rpcUrl");
  settings.indexerUrl = optionalString("indexerUrl");
  settings.chainName = optionalString("chainName");
  settings.explorerUrl = optionalString("explorerUrl");
  settings.pollingInterval = optionalNumber("pollingInterval");
  return settings;
}

/**
 * Merges the settings (run time wins over build time) and finds the deployment.
 *
 * @throws {AppConfigError} when Concord has no deployment on the chain, or no RPC URL is known.
 * @example
 * const config = resolveAppConfig(settingsFromEnv(import.meta.env), settingsFromJson(json));
 * config.deployment.contracts.CellRegistry?.address;
 */
export function resolveAppConfig(build: AppSettings, runtime: AppSettings = {}): AppConfig {
  const pick = <key extends keyof AppSettings>(key: key): AppSettings[key] => runtime[key] ?? build[key];
  const chainId = pick("chainId") ?? LOCAL_CHAIN_ID;
  const isLocal = chainId === LOCAL_CHAIN_ID;
  let deployment: Deployment;
  try {
    deployment = getDeployment(chainId);
  } catch (error) {
    throw new AppConfigError(
      `Concord is not deployed on chain ${chainId} (no record in sdk/generated/deployments.ts). ` +
        `Deploy it with Ignition and run "npm run deployments", or configure another chain.`,
      { cause: error },
    );
  }
  const rpcUrl = pick("rpcUrl") ?? (isLocal ? LOCAL_RPC_URL : undefined);
  if (!rpcUrl) {
    throw new AppConfigError(
      `No RPC URL for chain ${chainId}: set VITE_CONCORD_RPC_URL at build time or "rpcUrl" in config.json.`,
    );
  }
  if (!/^https?:\/\//.test(rpcUrl)) {
    throw new AppConfigError(`The RPC URL must start with http:// or https://, not "${rpcUrl}".`);
  }
  const indexerUrl = pick("indexerUrl")?.replace(/\/+$/, "") ?? null;
  if (indexerUrl !== null && !/^https?:\/\//.test(indexerUrl)) {
    throw new AppConfigError(`The indexer URL must start with http:// or https://, not "${indexerUrl}".`);
  }
  const chainName = pick("chainName") ?? (isLocal ? "Local chain" : deployment.name);
  const explorerUrl = pick("explorerUrl")?.replace(/\/+$/, "") ?? null;
  const pollingInterval = pick("pollingInterval") ?? (isLocal ? 1000 : 4000);
  const chain = defineChain({
    id: chainId,
    name: chainName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    ...(explorerUrl ? { blockExplorers: { default: { name: "Explorer", url: explorerUrl } } } : {}),
    // `npm start` installs Multicall3 at its canonical address on the local chain; batched reads use it.
    ...(isLocal ? { testnet: true, contracts: { multicall3: { address: MULTICALL3_ADDRESS } } } : {}),
  });
  return { chainId, chainName, rpcUrl, indexerUrl, explorerUrl, pollingInterval, chain, deployment, isLocal };
}
