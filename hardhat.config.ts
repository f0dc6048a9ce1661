import { createRequire } from "node:module";

import hardhatIgnitionViem from "@nomicfoundation/hardhat-ignition-viem";
import hardhatKeystore from "@nomicfoundation/hardhat-keystore";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import { configVariable, defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);
// The compiler comes from the npm `solc` package (solc-js, WebAssembly): these machines
// cannot download native compilers. Keep `version` equal to the pinned package version.
const SOLC_VERSION: string = require("solc/package.json").version;

export default defineConfig({
  plugins: [hardhatViem, hardhatIgnitionViem, hardhatNetworkHelpers, hardhatKeystore],
  solidity: {
    // OpenZeppelin's TimelockController as is, for the bench's plain DAO (bench/governance.ts).
    npmFilesToBuild: ["@openzeppelin/contracts/governance/TimelockController.sol"],
    compilers: [
      {
        version: SOLC_VERSION,
        path: require.resolve("solc/soljson.js"),
        settings: {
          optimizer: { enabled: true, runs: 10_000 },
          evmVersion: "prague",
        },
      },
    ],
    overrides: {
      // The community house (OpenZeppelin Governor + overridable counting, late quorum, guardian, veto, multicall)
      // exceeds the 24,576-byte code size limit with runs = 10,000; it is optimised for size instead.
      "contracts/governance/CommunityHouse.sol": {
        version: SOLC_VERSION,
        path: require.resolve("solc/soljson.js"),
        settings: {
          optimizer: { enabled: true, runs: 200 },
          evmVersion: "prague",
        },
      },
      // The community house's like-for-like peer in the governance bench (OpenZeppelin Governor + overridable
      // counting + late quorum): the community house's settings, so that the bench compares code, not settings.
      "contracts/governance/bench/PlainOverridableGovernor.sol": {
        version: SOLC_VERSION,
        path: require.resolve("solc/soljson.js"),
        settings: {
          optimizer: { enabled: true, runs: 200 },
          evmVersion: "prague",
        },
      },
    },
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
  networks: {
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
