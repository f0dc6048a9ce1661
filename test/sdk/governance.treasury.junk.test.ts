/**
 * Attack: anyone can deploy contracts that emit ERC-20 `Transfer(…, timelock, …)` logs, to fill the
 * treasury's token list (capped at MAX_TREASURY_TOKENS) with junk and hide the DAO's real tokens, or to
 * break the page with contracts that answer nothing. The treasury keeps tokens it holds (nonzero
 * `balanceOf`) and tokens governance names, oldest first, and lists payments only in those.
 */
import { encodeFunctionData, erc20Abi, getAddress, keccak256, parseEther, toHex } from "viem";
import type { Address, Hex } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { MAX_TREASURY_TOKENS, getTreasury } from "../../sdk/governance/index.ts";
import { createConcordClient } from "../../sdk/index.ts";
import { createGovernanceChain } from "./governance.fixture.ts";
import type { GovernanceChain } from "./governance.fixture.ts";

let chain: GovernanceChain;
beforeAll(async () => {
  chain = await createGovernanceChain();
});

const TRANSFER = keccak256(toHex("Transfer(address,address,uint256)"));
const hex = (n: number, bytes = 1) => n.toString(16).padStart(bytes * 2, "0");

/**
 * The creation code of a junk "token": its constructor emits Transfer(deployer, `to`, 1), then it installs
 * `runtime` (no code at all, or code that answers every call with one 32-byte word).
 */
function junkCreationCode(to: Address, runtime: "none" | "zero" | "one"): Hex {
  const emit =
    "6001600052" + // mstore(0, 1): the amount
    `73${to.slice(2).toLowerCase()}` + // push20 to
    "33" + // caller (from)
    `7f${TRANSFER.slice(2)}` + // push32 topic0
    "60206000a3"; // log3(0, 32, topic0, from, to)
  // The runtime answers any call with mstore(0, word); return(0, 32).
  const code = runtime === "none" ? "" : `60${runtime === "one" ? "01" : "00"}60005260206000f3`;
  const size = code.length / 2;
  const install =
    size === 0
      ? "60006000f3" // return(0, 0)
      : `${hex(0x60 + size - 1)}${code}600052` + // pushN code; mstore(0, code)
        `60${hex(size)}60${hex(32 - size)}f3`; // return(32 - size, size)
  return `0x${emit}${install}`;
}

describe("treasury token-list poisoning", () => {
  it("keeps the real tokens visible behind 70 junk tokens, and lists no junk payment", async () => {
    const dao = await chain.deploy();
    const [funder] = await chain.viem.getWalletClients();
    const publicClient = chain.publicClient;
    const timelock = dao.addresses.concordTimelock;
    const carol = chain.accounts[2]!;

    // 70 junk contracts: 30 with no code, 30 that answer 0 to everything, 10 that claim a balance of 1.
    const kinds = [
      ...Array<"none">(30).fill("none"),
      ...Array<"zero">(30).fill("zero"),
      ...Array<"one">(10).fill("one"),
    ];
    const junk: Address[] = [];
    for (const kind of kinds) {
      const hash = await funder!.sendTransaction({ data: junkCreationCode(timelock, kind) } as never);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      expect(receipt.status).toBe("success");
      expect(receipt.logs).toHaveLength(1);
      junk.push(getAddress(receipt.contractAddress!));
    }
    expect(kinds.length).toBeGreaterThan(MAX_TREASURY_TOKENS);

    // Then the DAO receives two real tokens, after all the junk: one held, one named by a proposal.
    const deploy = (name: string, symbol: string) =>
      chain.viem.deployContract("PlainVotesToken", [name, symbol, funder!.account.address]);
    const grant = await deploy("Grant token", "GRT");
    const stable = await deploy("Stable", "STB");
    await grant.write.mint([timelock, parseEther("100")]);
    await stable.write.mint([timelock, parseEther("5")]);
    const liars = junk.slice(60);
    // A proposal names STB (a transfer out of the treasury): governance knows it.
    await dao.as(1).governance.proposeGovernance({
      calls: [
        {
          target: stable.address,
          data: encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [carol, 1n] }),
        },
      ],
      description: "Pay Carol 1 STB unit",
    });

    const treasury = await getTreasury(dao.readOnly);
    const listed = treasury.tokens.map((token) => token.address);
    // The named token first, then the held ones oldest first: the 10 liars (balance 1) and GRT.
    expect(listed[0]).toBe(getAddress(stable.address));
    expect(listed).toContain(getAddress(grant.address));
    expect(treasury.tokens.find((token) => token.address === getAddress(grant.address))).toEqual({
      address: getAddress(grant.address),
      symbol: "GRT",
      decimals: 18,
      balance: parseEther("100"),
    });
    // No junk that holds nothing (or has no code) is listed; the liars' claimed balance is all they get.
    expect(listed.filter((address) => junk.slice(0, 60).includes(address))).toEqual([]);
    expect(listed.filter((address) => liars.includes(address))).toHaveLength(10);
    expect(treasury.tokens.length).toBeLessThanOrEqual(MAX_TREASURY_TOKENS);
    expect(treasury.tokensTruncated).toBe(false);
    // Payments: only in listed or named tokens (the 60 empty junk transfers are not payments).
    const assets = new Set(treasury.payments.map((payment) => payment.asset));
    for (const address of junk.slice(0, 60)) expect(assets.has(address)).toBe(false);
    expect(assets.has(getAddress(grant.address))).toBe(true);
    // The same through a deployed Multicall3 (the local chain of `npm start`, every public chain): the
    // contracts with no code answer an empty success, which must read as no balance, not break the read.
    const { client } = await chain.countingPublicClient({ multicall3: true });
    const viaMulticall = await getTreasury(
      createConcordClient({ publicClient: client, addresses: dao.addresses, startBlock: dao.startBlock }),
    );
    expect(viaMulticall.tokens).toEqual(treasury.tokens);
    // A token the caller names is kept first even at a zero balance.
    const named = await getTreasury(dao.readOnly, { tokens: [junk[0]!] });
    expect(named.tokens[0]).toMatchObject({ address: junk[0], balance: 0n, symbol: null });
  });
});
