import { describe, expect, it } from "vitest";

import { getDeployment } from "../../sdk/index.ts";
import { AppConfigError, resolveAppConfig, settingsFromEnv, settingsFromJson } from "./config.ts";

describe("app configuration", () => {
  it("defaults to the local chain of npm start", () => {
    const config = resolveAppConfig({});
    expect(config.chainId).toBe(31337);
    expect(config.rpcUrl).toBe("http://127.0.0.1:8545");
    expect(config.isLocal).toBe(true);
    expect(config.pollingInterval).toBe(1000);
    expect(config.chain.rpcUrls.default.http).toEqual(["http://127.0.0.1:8545"]);
    // Addresses come from the generated deployment file, through the SDK.
    expect(config.deployment).toBe(getDeployment(31337));
  });

  it("lets the run-time config.json override the build's settings", () => {
    const build = settingsFromEnv({
      VITE_CONCORD_RPC_URL: "http://127.0.0.1:8545",
      VITE_CONCORD_POLLING_INTERVAL: "2000",
    });
    const runtime = settingsFromJson({
      rpcUrl: "http://127.0.0.1:18545",
      explorerUrl: "https://scan.example/",
    });
    const config = resolveAppConfig(build, runtime);
    expect(config.rpcUrl).toBe("http://127.0.0.1:18545");
    expect(config.pollingInterval).toBe(2000);
    expect(config.explorerUrl).toBe("https://scan.example");
    expect(config.chain.blockExplorers?.default.url).toBe("https://scan.example");
  });

  it("explains what is wrong", () => {
    expect(() => resolveAppConfig({ chainId: 1 })).toThrow(AppConfigError);
    expect(() => resolveAppConfig({ chainId: 1 })).toThrow(/not deployed on chain 1/);
    expect(() => resolveAppConfig({ rpcUrl: "ftp://x" })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => settingsFromEnv({ VITE_CONCORD_CHAIN_ID: "abc" })).toThrow(/positive integer/);
    expect(() => settingsFromJson({ chainId: "31337" })).toThrow(/positive integer/);
    expect(() => settingsFromJson({ rpcUrl: "" })).toThrow(/non-empty string/);
  });

  it("ignores a config.json that is not an object", () => {
    expect(settingsFromJson(null)).toEqual({});
    expect(settingsFromJson([1, 2])).toEqual({});
    expect(settingsFromEnv({ VITE_CONCORD_CHAIN_ID: "", DEV: true })).toEqual({
      chainId: undefined,
      rpcUrl: undefined,
      chainName: undefined,
      explorerUrl: undefined,
      pollingInterval: undefined,
    });
  });
});

describe("indexerUrl", () => {
  it("is null without one, trimmed of its trailing slash, and must be http(s)", () => {
    expect(resolveAppConfig({}).indexerUrl).toBeNull();
    expect(resolveAppConfig({}, { indexerUrl: "http://127.0.0.1:42069/" }).indexerUrl).toBe(
      "http://127.0.0.1:42069",
    );
    expect(settingsFromEnv({ VITE_CONCORD_INDEXER_URL: "https://index.example" }).indexerUrl).toBe(
      "https://index.example",
    );
    expect(() => resolveAppConfig({ indexerUrl: "ftp://x" })).toThrow(/indexer URL must start with http/);
  });
});
