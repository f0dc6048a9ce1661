/**
 * The Ignition module deploys the whole DAO and leaves no power with anyone but the timelock: deployed in-process
 * with Ignition's viem helper, then checked from the chain (roles rebuilt from the timelock's events).
 */
import { network } from "hardhat";
import { encodeFunctionData, getAddress, parseEventLogs, zeroAddress, type Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import ConcordModule from "../../ignition/modules/Concord.ts";
import ConcordWithVotesTokenModule from "../../ignition/modules/ConcordWithVotesToken.ts";
import { DAO_DEFAULTS, TIMELOCK_ROLES } from "../../ignition/modules/dao.ts";
import {
  cellRegistryAbi,
  communityHouseAbi,
  concordMembershipAbi,
  concordTimelockAbi,
  governanceClassifierAbi,
  operationalHouseAbi,
} from "../../sdk/generated/abis.ts";

type Connection = Awaited<ReturnType<typeof network.create>>;

let connection: Connection;
let accounts: Address[];

beforeAll(async () => {
  connection = await network.create();
  accounts = (await connection.viem.getWalletClients()).map((c) => getAddress(c.account.address));
});

/** Current holders of every timelock role, rebuilt from RoleGranted / RoleRevoked events. */
async function roleHolders(timelock: Address): Promise<Map<string, Set<Address>>> {
  const publicClient = await connection.viem.getPublicClient();
  const logs = await publicClient.getLogs({ address: timelock, fromBlock: 0n });
  const events = parseEventLogs({ abi: concordTimelockAbi, logs, eventName: ["RoleGranted", "RoleRevoked"] });
  const holders = new Map<string, Set<Address>>();
  for (const event of events) {
    const set = holders.get(event.args.role) ?? new Set<Address>();
    if (event.eventName === "RoleGranted") set.add(getAddress(event.args.account));
    else set.delete(getAddress(event.args.account));
    holders.set(event.args.role, set);
  }
  return holders;
}

describe("ignition/modules/Concord.ts", () => {
  const founders = () => accounts.slice(1, 4);

  async function deployDao() {
    const result = await connection.ignition.deploy(ConcordModule, {
      parameters: { Concord: { initialMembers: founders(), guardian: zeroAddress } },
    });
    const a = (c: { address: Address }) => getAddress(c.address);
    return {
      registry: a(result.cellRegistry),
      timelock: a(result.concordTimelock),
      classifier: a(result.governanceClassifier),
      operational: a(result.operationalHouse),
      community: a(result.communityHouse),
      token: a(result.concordMembership!),
      agreements: a(result.agreementRegistry),
      leases: a(result.resourceLeases),
    };
  }

  it("hands every power to the timelock: nobody else holds any", async () => {
    const dao = await deployDao();
    const publicClient = await connection.viem.getPublicClient();
    const read = publicClient.readContract;

    expect(await read({ address: dao.registry, abi: cellRegistryAbi, functionName: "governance" })).toBe(
      dao.timelock,
    );
    expect(await read({ address: dao.token, abi: concordMembershipAbi, functionName: "owner" })).toBe(
      dao.timelock,
    );

    const holders = await roleHolders(dao.timelock);
    expect([...(holders.get(TIMELOCK_ROLES.admin) ?? [])]).toEqual([dao.timelock]);
    expect([...(holders.get(TIMELOCK_ROLES.proposer) ?? [])]).toEqual([dao.operational]);
    expect([...(holders.get(TIMELOCK_ROLES.executor) ?? [])]).toEqual([dao.operational]);
    expect(new Set(holders.get(TIMELOCK_ROLES.canceller))).toEqual(new Set([dao.operational, dao.community]));
    for (const account of accounts) {
      for (const role of Object.values(TIMELOCK_ROLES)) {
        const has = await read({
          address: dao.timelock,
          abi: concordTimelockAbi,
          functionName: "hasRole",
          args: [role, account],
        });
        expect(has, `${account} holds ${role}`).toBe(false);
      }
    }

    // Wiring and parameters.
    expect(
      await read({ address: dao.operational, abi: operationalHouseAbi, functionName: "communityHouse" }),
    ).toBe(dao.community);
    expect(
      await read({ address: dao.operational, abi: operationalHouseAbi, functionName: "classifier" }),
    ).toBe(dao.classifier);
    expect(
      await read({ address: dao.community, abi: communityHouseAbi, functionName: "operationalHouse" }),
    ).toBe(dao.operational);
    for (const house of [dao.operational, dao.community]) {
      expect(await read({ address: house, abi: operationalHouseAbi, functionName: "timelock" })).toBe(
        dao.timelock,
      );
      expect(await read({ address: house, abi: operationalHouseAbi, functionName: "proposalGuardian" })).toBe(
        zeroAddress,
      );
    }
    expect(
      await read({ address: dao.classifier, abi: governanceClassifierAbi, functionName: "timelock" }),
    ).toBe(dao.timelock);
    expect(await read({ address: dao.timelock, abi: concordTimelockAbi, functionName: "getMinDelay" })).toBe(
      BigInt(DAO_DEFAULTS.operationalDelay),
    );
    expect(
      await read({ address: dao.operational, abi: operationalHouseAbi, functionName: "constitutionalDelay" }),
    ).toBe(BigInt(DAO_DEFAULTS.constitutionalDelay));
    expect(
      await read({ address: dao.community, abi: communityHouseAbi, functionName: "vetoThresholdNumerator" }),
    ).toBe(BigInt(DAO_DEFAULTS.vetoThresholdBps));

    // Founding members hold one self-delegated vote each; the deployer holds nothing.
    for (const founder of founders()) {
      expect(
        await read({
          address: dao.token,
          abi: concordMembershipAbi,
          functionName: "getVotes",
          args: [founder],
        }),
      ).toBe(1n);
    }
    expect(
      await read({
        address: dao.token,
        abi: concordMembershipAbi,
        functionName: "getVotes",
        args: [accounts[0]!],
      }),
    ).toBe(0n);
  });

  it("the deployer can no longer act: recognition, minting, house settings and re-binding are refused", async () => {
    const dao = await deployDao();
    const publicClient = await connection.viem.getPublicClient();
    const [deployer] = await connection.viem.getWalletClients();
    const attempts: { to: Address; data: `0x${string}` }[] = [
      {
        to: dao.registry,
        data: encodeFunctionData({
          abi: cellRegistryAbi,
          functionName: "transferGovernance",
          args: [accounts[0]!],
        }),
      },
      {
        to: dao.token,
        data: encodeFunctionData({ abi: concordMembershipAbi, functionName: "mint", args: [accounts[5]!] }),
      },
      {
        to: dao.operational,
        data: encodeFunctionData({ abi: operationalHouseAbi, functionName: "setQuorumFloor", args: [0n] }),
      },
      {
        to: dao.operational,
        data: encodeFunctionData({
          abi: operationalHouseAbi,
          functionName: "setCommunityHouse",
          args: [accounts[0]!],
        }),
      },
      {
        to: dao.community,
        data: encodeFunctionData({ abi: communityHouseAbi, functionName: "setVetoThreshold", args: [1n] }),
      },
      {
        to: dao.classifier,
        data: encodeFunctionData({
          abi: governanceClassifierAbi,
          functionName: "setConstitutionalTarget",
          args: [dao.registry, false],
        }),
      },
      {
        to: dao.timelock,
        data: encodeFunctionData({
          abi: concordTimelockAbi,
          functionName: "grantRole",
          args: [TIMELOCK_ROLES.proposer, accounts[0]!],
        }),
      },
    ];
    for (const attempt of attempts) {
      await expect(
        publicClient.call({ account: deployer!.account, to: attempt.to, data: attempt.data }),
        `call to ${attempt.to}`,
      ).rejects.toThrow();
    }
  });

  it("classifies the registries' governance powers and the governance contracts as constitutional", async () => {
    const dao = await deployDao();
    const publicClient = await connection.viem.getPublicClient();
    const recognise = encodeFunctionData({
      abi: cellRegistryAbi,
      functionName: "setRecognised",
      args: [1n, true],
    });
    const createCell = encodeFunctionData({
      abi: cellRegistryAbi,
      functionName: "createCell",
      args: [0n, "ops", "", `0x${"00".repeat(32)}`],
    });
    const classify = (targets: Address[], calldatas: `0x${string}`[]) =>
      publicClient.readContract({
        address: dao.classifier,
        abi: governanceClassifierAbi,
        functionName: "classify",
        args: [targets, calldatas],
      });
    expect(await classify([dao.registry, dao.registry], [createCell, recognise])).toEqual([true, 1n]);
    expect(await classify([dao.registry], [createCell])).toEqual([false, 1n]);
    for (const target of [dao.operational, dao.community, dao.timelock, dao.token, dao.classifier]) {
      expect(await classify([dao.agreements, target], ["0x", "0x"]), target).toEqual([true, 1n]);
    }
  });
});

describe("ignition/modules/ConcordWithVotesToken.ts", () => {
  it("uses an existing ERC-5805 token for the community house and lists it as constitutional", async () => {
    const [deployer] = await connection.viem.getWalletClients();
    const existing = await connection.viem.deployContract("ConcordMembership", [
      "Existing DAO",
      "XDAO",
      deployer!.account.address,
      [accounts[1]!],
    ]);
    const result = await connection.ignition.deploy(ConcordWithVotesTokenModule, {
      parameters: { ConcordWithVotesToken: { votesToken: existing.address } },
    });
    const publicClient = await connection.viem.getPublicClient();
    expect(
      getAddress(
        await publicClient.readContract({
          address: result.communityHouse.address,
          abi: communityHouseAbi,
          functionName: "token",
        }),
      ),
    ).toBe(getAddress(existing.address));
    expect(
      await publicClient.readContract({
        address: result.governanceClassifier.address,
        abi: governanceClassifierAbi,
        functionName: "isConstitutionalTarget",
        args: [existing.address],
      }),
    ).toBe(true);
    expect("concordMembership" in result).toBe(false);
  });
});
