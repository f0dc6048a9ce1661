/**
 * S9 in the SDK: a call target that is a proxy is named as one, with whether the houses pin its implementation —
 * `implementation()` answered (pinned), or only the EIP-1967 storage slots (not pinned: members are warned).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { pad, type Address } from "viem";

import { getProxyImplementation } from "../../sdk/index.ts";
import { createTestChain, type Deployed, type TestChain } from "./fixture.ts";

const IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";
const BEACON_SLOT = "0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50";

let chain: TestChain;
let d: Deployed;
let implementation: Deployed;

beforeAll(async () => {
  chain = await createTestChain();
  d = await chain.deploy();
  implementation = await chain.deploy();
});

/** A contract (a registry) made to look like an EIP-1967 proxy: `slot` holds `value`. */
async function setSlot(target: Address, slot: `0x${string}`, value: Address) {
  await chain.provider.request({ method: "hardhat_setStorageAt", params: [target, slot, pad(value)] });
}

describe("getProxyImplementation", () => {
  it("says a plain contract is not a proxy", async () => {
    expect(await getProxyImplementation(d.readOnly, { address: d.address })).toBeNull();
  });

  it("finds an EIP-1967 implementation, which the houses cannot pin", async () => {
    const proxy = (await chain.deploy()).address;
    await setSlot(proxy, IMPLEMENTATION_SLOT, implementation.address);
    expect(await getProxyImplementation(d.readOnly, { address: proxy })).toEqual({
      implementation: implementation.address,
      pinned: false,
      via: "eip1967",
    });
  });

  it("ignores a slot that points at an account without code", async () => {
    const proxy = (await chain.deploy()).address;
    await setSlot(proxy, IMPLEMENTATION_SLOT, "0x000000000000000000000000000000000000dEaD");
    expect(await getProxyImplementation(d.readOnly, { address: proxy })).toBeNull();
    await setSlot(proxy, BEACON_SLOT, d.address); // a "beacon" without implementation(): not a proxy either
    expect(await getProxyImplementation(d.readOnly, { address: proxy })).toBeNull();
  });

  it("finds an implementation the target answers to implementation(), which the houses pin", async () => {
    const beacon = "0x00000000000000000000000000000000000b3ac0" as Address;
    // Runtime code that answers any call with the implementation's address (PUSH32 a, MSTORE, RETURN 32 bytes).
    const code = `0x7f${pad(implementation.address).slice(2)}60005260206000f3` as const;
    await chain.provider.request({ method: "hardhat_setCode", params: [beacon, code] });
    expect(await getProxyImplementation(d.readOnly, { address: beacon })).toEqual({
      implementation: implementation.address,
      pinned: true,
      via: "implementation()",
    });
    // A proxy whose EIP-1967 beacon slot names that beacon: found behind the beacon, not pinned.
    const proxy = (await chain.deploy()).address;
    await setSlot(proxy, BEACON_SLOT, beacon);
    expect(await getProxyImplementation(d.readOnly, { address: proxy })).toMatchObject({
      implementation: implementation.address,
      pinned: false,
      via: "eip1967-beacon",
    });
  });
});
