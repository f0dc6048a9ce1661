import { createRequire } from "node:module";

import hardhatIgnitionViem from "@nomicfoundation/hardhat-ignition-viem";
import hardhatKeystore from "@nomicfoundation/hardhat-keystore";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";
import hardhatVerify from "@nomicfoundation/hardhat-verify";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import { configVariable, defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);
// The compiler comes from the npm `solc` package (solc-js, WebAssembly): these machines
// cannot download native compilers. Keep `version` equal to the pinned package version.
const SOLC_VERSION: string = require("solc/package.json").version;

/** One solc configuration: the pinned solc-js, the optimizer with `runs`, EVM prague. */
const solc = (runs: number) => ({
  version: SOLC_VERSION,
  path: require.resolve("solc/soljson.js"),
  settings: { optimizer: { enabled: true, runs }, evmVersion: "prague" },
});

/**
 * THE build: every Hardhat build profile uses it, so what `ignition deploy` ships (the `production`
 * profile) is byte for byte what the tests, the gas bench and `npm start` run (the `default` profile).
 * Hardhat 3 would otherwise give `production` only the compiler versions, with its own optimizer
 * settings and isolated builds: test/deploy/one-build.test.ts deploys through `ignition deploy` and
 * compares every contract's runtime code with the artifacts.
 */
const build = {
  compilers: [solc(10_000)],
  overrides: {
    // The community house (OpenZeppelin Governor + overridable counting, late quorum, guardian, veto, multicall)
    // exceeds the 24,576-byte code size limit with runs = 10,000; it is optimised for size instead, in every
    // build (its Solidity tests deploy this artifact too: test/governance/GovernanceFixture.sol).
    "contracts/governance/CommunityHouse.sol": solc(200),
    // The community house's like-for-like peer in the governance bench (OpenZeppelin Governor + overridable
    // counting + late quorum): the community house's settings, so that the bench compares code, not settings.
    "contracts/governance/bench/PlainOverridableGovernor.sol": solc(200),
  },
  // One compilation job for the whole project in every profile (Hardhat's production default is one job per
  // file): the same jobs, the same build cache, the same bytecode. Runtime code does not depend on it.
  isolated: false,
  // Record Hardhat's and solc's versions in the build info in every profile (production's default).
  toolVersionsInBuildInfo: true,
};

export default defineConfig({
  plugins: [hardhatViem, hardhatIgnitionViem, hardhatNetworkHelpers, hardhatKeystore, hardhatVerify],
  solidity: {
    // OpenZeppelin's TimelockController as is, for the bench's plain DAO (bench/governance.ts).
    npmFilesToBuild: ["@openzeppelin/contracts/governance/TimelockController.sol"],
    profiles: { default: build, production: build },
  },
  test: {
    solidity: {
      profiles: {
        // `npm test`: quick enough for CI on 2 cores.
        default: {
          fuzz: { runs: 256 },
          invariant: { runs: 32, depth: 64, failOnRevert: false },
        },
        // `npm run test:deep`: the profile to run before resolving an issue.
        deep: {
          fuzz: { runs: 10_000 },
          invariant: { runs: 512, depth: 256, failOnRevert: false },
        },
      },
    },
  },
  // Source verification on block explorers: `npx hardhat ignition verify <deployment-id>` or
  // `ignition deploy … --verify` (README, "Deploying to another network"). The Etherscan key is a
  // configuration variable, read from the keystore or the environment only when a verification runs.
  verify: {
    etherscan: { apiKey: configVariable("ETHERSCAN_API_KEY") },
  },
  networks: {
    // `hardhat node` (npm start, the browser tests' stack): a seat counts as a vote 7 days after it was taken
    // (CellRegistry.SEAT_DELAY), and the demo seed waits that out, and the recognition vote before it (about an
    // hour with the local periods), by moving the chain's clock. The chain starts 8 days in the past (room for
    // both), and the seed then sets its clock to the wall clock (`catchUpWithWallClock`), so that the demo's
    // times are the viewer's (issue 14: one clock).
    node: {
      type: "edr-simulated",
      initialDate: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000),
    },
    // Any EVM network: `npx hardhat ignition deploy ignition/modules/Concord.ts --network remote`
    // with CONCORD_RPC_URL and CONCORD_DEPLOYER_KEY set in the keystore or the environment.
    remote: {
      type: "http",
      chainType: "l1",
      url: configVariable("CONCORD_RPC_URL"),
      accounts: [configVariable("CONCORD_DEPLOYER_KEY")],
    },
    localhost: {
      type: "http",
      chainType: "l1",
      // `npm start` runs its chain here; CONCORD_RPC_PORT moves it (e.g. for tests beside a running start).
      url: `http://127.0.0.1:${process.env.CONCORD_RPC_PORT ?? 8545}`,
    },
  },
});
