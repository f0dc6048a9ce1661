/**
 * Gas of the cell registry's operations, and how it grows with membership and depth.
 * Run through `npm run bench` (bench/run.ts), which writes bench/reports/.
 */
import { encodeFunctionData, keccak256, stringToHex, type Address } from "viem";

import type { BenchContext, BenchRow } from "./lib.ts";

const NAME_32 = "Infrastructure & Tooling Circle!"; // 32 bytes
const URI_60 = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy5"; // 60 bytes
const NUCLEUS = keccak256(stringToHex("purpose, practices, progress"));
const TOPIC = keccak256(stringToHex("treasury"));
const MAX_DEPTH = 8;

export async function benchCells(ctx: BenchContext): Promise<BenchRow[]> {
  const { viem, gasOf, accounts } = ctx;
  if (new TextEncoder().encode(NAME_32).length !== 32 || new TextEncoder().encode(URI_60).length !== 60) {
    throw new Error("bench inputs must be a 32-byte name and a 60-byte URI");
  }
  const [steward] = await viem.getWalletClients();
  const registry = await viem.deployContract("CellRegistry", [steward!.account.address]);
  const publicClient = await viem.getPublicClient();
  // Gas of resolving a decision owner, as eth_estimateGas of the view call (includes the 21,000 base).
  const estimateView = (args: readonly [bigint, `0x${string}`]) =>
    publicClient.estimateGas({
      to: registry.address,
      data: encodeFunctionData({ abi: registry.abi, functionName: "decisionOwner", args }),
    });
  const rows: BenchRow[] = [];

  // The very first cell also pays for the first write of the cell counter; report a steady-state one.
  await gasOf(registry.write.createCell([0n, NAME_32, URI_60, NUCLEUS]));
  rows.push({
    group: "cells",
    operation: "createCell (top-level, 32-byte name, 60-byte URI)",
    gas: await gasOf(registry.write.createCell([0n, NAME_32, URI_60, NUCLEUS])),
    target: 120_000,
    peer: "Hats createHat 177,000 (Hats' own gas snapshot)",
  });
  rows.push({
    group: "cells",
    operation: "createCell (child, by a steward of the parent)",
    gas: await gasOf(registry.write.createCell([2n, NAME_32, URI_60, NUCLEUS])),
  });

  // A chain of MAX_DEPTH cells with the decision owner set on the top one only.
  let deepest = 0n;
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    await registry.write.createCell([deepest, `level ${depth}`, "", NUCLEUS]);
    deepest = await registry.read.cellCount();
  }
  const top = deepest - BigInt(MAX_DEPTH - 1);
  const setOwnerGas = await gasOf(registry.write.setDecisionOwner([top, TOPIC, steward!.account.address]));
  const resolveTop = await estimateView([top, TOPIC]);
  const resolveDeep = await estimateView([deepest, TOPIC]);

  // A cell whose membership grows from 10 to 1,000; each figure is measured on fresh accounts.
  const cellId = await registry.read.cellCount().then(async () => {
    await registry.write.createCell([0n, "Growing cell", URI_60, NUCLEUS]);
    return registry.read.cellCount();
  });
  const member = (i: number): Address => `0x${(0x100000 + i).toString(16).padStart(40, "0")}`;
  let added = 1; // the creator
  const growTo = async (n: number) => {
    for (; added < n; added++) await registry.write.addMember([cellId, member(added), 1]);
  };

  const measureAt = async (size: number) => {
    await growTo(size);
    if ((await registry.read.memberCount([cellId])) !== BigInt(size)) throw new Error("unexpected size");
    const joiner = accounts[size === 10 ? 1 : 2]!;
    const leaver = accounts[size === 10 ? 3 : 4]!;
    const fresh = (k: number) => member(100_000 + size * 10 + k);
    const addGas = await gasOf(registry.write.addMember([cellId, fresh(0), 1]));
    const requestGas = await gasOf(registry.write.requestToJoin([cellId], { account: joiner }));
    const approveGas = await gasOf(registry.write.approveJoin([cellId, joiner.address]));
    const setRolesGas = await gasOf(registry.write.setRoles([cellId, fresh(0), 3]));
    await registry.write.addMember([cellId, leaver.address, 1]);
    const leaveGas = await gasOf(registry.write.leave([cellId], { account: leaver }));
    const topic = keccak256(stringToHex(`topic at ${size}`));
    const ownerGas = await gasOf(registry.write.setDecisionOwner([cellId, topic, fresh(0)]));
    const resolveGas = await estimateView([cellId, topic]);
    added += 2;
    const at = `${size} existing members`;
    return [
      {
        group: "cells",
        operation: `addMember (${at})`,
        gas: addGas,
        target: 60_000,
        peer: "Hats mintHat 86,000",
      },
      { group: "cells", operation: `requestToJoin + approveJoin (${at})`, gas: requestGas + approveGas },
      { group: "cells", operation: `setRoles (${at})`, gas: setRolesGas },
      { group: "cells", operation: `leave (${at})`, gas: leaveGas },
      { group: "cells", operation: `setDecisionOwner (${at})`, gas: ownerGas },
      { group: "cells", operation: `decisionOwner at depth 1 (${at}; eth_estimateGas)`, gas: resolveGas },
    ] satisfies BenchRow[];
  };

  rows.push(...(await measureAt(10)));
  rows.push(...(await measureAt(1_000)));
  rows.push({ group: "cells", operation: "setDecisionOwner (top of an 8-deep chain)", gas: setOwnerGas });
  rows.push({
    group: "cells",
    operation: "decisionOwner resolution at depth 1 (eth_estimateGas, incl. 21,000 base)",
    gas: resolveTop,
  });
  rows.push({
    group: "cells",
    operation: `decisionOwner resolution at depth ${MAX_DEPTH} = the limit (eth_estimateGas, incl. 21,000 base)`,
    gas: resolveDeep,
  });
  return rows;
}
