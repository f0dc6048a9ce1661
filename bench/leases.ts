/**
 * Gas of the lease manager's operations (ResourceLeases), and that it does not grow with the number of
 * bookings of a resource nor with the length of its queue; next to it, the ERC-4907 reference's
 * `setUser` (user and expiry packed in one slot: the floor a lease grant approaches).
 * Run through `npm run bench` (bench/run.ts), which writes bench/reports/.
 */
import { encodeFunctionData, keccak256, numberToHex, zeroHash } from "viem";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import type { BenchContext, BenchRow } from "./lib.ts";

const MAX = 3600n; // maximum lease and booking, seconds
const WINDOW = 300n; // claim window, seconds
const BOOKINGS = 500;
const CAPACITY = 32; // ResourceLeases.QUEUE_CAPACITY
const POLICY_OWNER_MEMBERS = 0;
const POLICY_ANYONE = 2;
const SPACING = 800n; // bookings stay a claim window apart: room for one between two (10 + 300 + 10 + 300 …)
const PER_BOOKER = 6; // most live bookings per account (ResourceLeases' limit); 84 bookers make the 500

export async function benchLeases(ctx: BenchContext): Promise<BenchRow[]> {
  const { viem, gasOf, accounts, networkHelpers } = ctx;
  const [steward, alice, bob, carol] = accounts as [
    (typeof accounts)[0],
    (typeof accounts)[0],
    (typeof accounts)[0],
    (typeof accounts)[0],
  ];
  const registry = await viem.deployContract("CellRegistry", [steward.address]);
  const leases = await viem.deployContract("ResourceLeases", [registry.address]);
  await registry.write.createCell([0n, "ops", "", zeroHash]);
  for (const member of [alice, bob, carol]) await registry.write.addMember([1n, member.address, 1]);
  const now = async () => BigInt(await networkHelpers.time.latest());

  // 32 fresh accounts for a full queue (funded; they sign locally).
  const waiters = Array.from({ length: CAPACITY }, (_, i) =>
    privateKeyToAccount(keccak256(numberToHex(0x1ea5e + i, { size: 32 }))),
  );
  for (const waiter of waiters) await networkHelpers.setBalance(waiter.address, 10n ** 20n);

  const rows: BenchRow[] = [];
  const row = (operation: string, gas: bigint, extra: Partial<BenchRow> = {}) =>
    rows.push({ group: "leases", operation, gas, ...extra });
  const register = async (name: string, access: number) => {
    await leases.write.registerResource([1n, name, MAX, access, WINDOW]);
    return leases.read.resourceCount();
  };

  // ── The peer: ERC-4907's setUser on a token used before (reference implementation on OZ 5 ERC721).
  const rental = await viem.deployContract("ERC4907Reference", []);
  await rental.write.mint([steward.address, 1n]);
  const t0 = await now();
  const setUserFirst = await gasOf(rental.write.setUser([1n, alice.address, t0 + 600n]));
  const setUserLater = await gasOf(rental.write.setUser([1n, bob.address, t0 + 1200n]));
  const setUserClear = await gasOf(
    rental.write.setUser([1n, "0x0000000000000000000000000000000000000000", 0n]),
  );
  const peer = `ERC-4907 setUser on a token used before: ${setUserLater.toLocaleString("en-US")}`;

  // ── Registration, grants, renew, release, revoke (policy 0: one registry read per grant).
  await register("warm-up", POLICY_OWNER_MEMBERS); // the first registration also initialises the counter
  const registerGas = await gasOf(leases.write.registerResource([1n, "printer", MAX, 0, WINDOW]));
  const printer = await leases.read.resourceCount();
  const firstGrant = await gasOf(leases.write.acquire([printer, 600n], { account: alice }));
  const renewGas = await gasOf(leases.write.renew([printer, 900n], { account: alice }));
  const releaseGas = await gasOf(leases.write.release([printer], { account: alice }));
  const laterGrant = await gasOf(leases.write.acquire([printer, 600n], { account: bob }));
  const revokeGas = await gasOf(leases.write.revoke([printer]));
  await networkHelpers.time.increase(1);
  const grantAfterRevoke = await gasOf(leases.write.acquire([printer, 600n], { account: carol }));
  await leases.write.release([printer], { account: carol });

  const open = await register("open", POLICY_ANYONE);
  await leases.write.acquire([open, 600n], { account: alice });
  await leases.write.release([open], { account: alice });
  const laterGrantAnyone = await gasOf(leases.write.acquire([open, 600n], { account: bob }));

  row("registerResource (policy 0, 7-byte name)", registerGas);
  row("acquire: first grant on a resource (policy 0)", firstGrant);
  row("acquire: later grant on a resource leased before (policy 0: owner-cell members)", laterGrant, {
    target: 55_000,
    peer,
  });
  row("acquire: later grant, after a revoke (policy 0)", grantAfterRevoke);
  row(
    "acquire: later grant on a resource leased before (policy 2: anyone, no registry read)",
    laterGrantAnyone,
    {
      peer,
    },
  );
  row("renew (nobody waits)", renewGas);
  row("release", releaseGas, {
    target: 35_000,
    peer: `ERC-4907 has no release; setUser(id, 0, 0) by the owner: ${setUserClear.toLocaleString("en-US")}`,
  });
  row("revoke (steward of the owner cell)", revokeGas);

  // ── The queue: enqueue, claim, sleepers, leave — with 1 waiting and with a full queue (32).
  const queued = await register("queued", POLICY_ANYONE);
  await leases.write.setLimits([queued, 2, 30n * 86_400n, 0n]); // no cool-down: a sleeper may join again
  await leases.write.acquire([queued, 600n], { account: carol });
  const enqueueGas: bigint[] = [];
  for (const waiter of waiters)
    enqueueGas.push(await gasOf(leases.write.enqueue([queued], { account: waiter })));
  const releaseFull = await gasOf(leases.write.release([queued], { account: carol }));
  const claimFull = await gasOf(leases.write.acquire([queued, 600n], { account: waiters[0]! }));
  const afterHead = await now();
  // waiters 1..10 sleep through their turns once the head's lease ends: waiter 11 claims, no skip transaction.
  await networkHelpers.time.increaseTo(afterHead + 600n + 10n * WINDOW + 1n);
  const claimAfterSleepers = await gasOf(leases.write.acquire([queued, 600n], { account: waiters[11]! }));
  const leaveGas = await gasOf(leases.write.leaveQueue([queued], { account: waiters[20]! }));
  // A sleeper joins again: its place number and the ring slot it lands in were used before.
  const enqueueReused = await gasOf(leases.write.enqueue([queued], { account: waiters[1]! }));

  const single = await register("single waiter", POLICY_ANYONE);
  await leases.write.acquire([single, 600n], { account: carol });
  await leases.write.enqueue([single], { account: alice });
  await leases.write.release([single], { account: carol });
  const claimOne = await gasOf(leases.write.acquire([single, 600n], { account: alice }));

  row("enqueue: 1st place (0 waiting)", enqueueGas[0]!);
  row("enqueue: 2nd place (1 waiting)", enqueueGas[1]!);
  row(
    `enqueue: last place, #${CAPACITY} (${CAPACITY - 1} waiting; the queue is then full)`,
    enqueueGas[CAPACITY - 1]!,
  );
  row("enqueue: a sleeper joins again (place and ring slot used before)", enqueueReused);
  row(`release with a full queue (${CAPACITY} waiting)`, releaseFull, { target: 35_000 });
  row("claim from the queue: the only waiter", claimOne);
  row(`claim from the queue: head of a full queue (${CAPACITY - 1} behind)`, claimFull);
  row("claim from the queue: after 10 sleepers' turns passed (time alone skipped them)", claimAfterSleepers);
  row("leaveQueue (middle of the queue)", leaveGas);

  // ── Bookings: 0, 1 and 500 existing, all in the future.
  const far = (await now()) + 10n * 86_400n;
  const at = (k: number) => far + SPACING * BigInt(k); // booking k (0-based) spans [at(k), at(k) + 10)
  const none = await register("no bookings", POLICY_ANYONE);
  const one = await register("one booking", POLICY_ANYONE);
  const many = await register(`${BOOKINGS} bookings`, POLICY_ANYONE);
  for (const id of [none, one, many]) await leases.write.setLimits([id, PER_BOOKER, 366n * 86_400n, 3600n]);
  const bookers = Array.from({ length: Math.ceil(BOOKINGS / PER_BOOKER) }, (_, i) =>
    privateKeyToAccount(keccak256(numberToHex(0xb00c + i, { size: 32 }))),
  );
  for (const booker of bookers) await networkHelpers.setBalance(booker.address, 10n ** 20n);
  const bookerOf = (k: number) => bookers[Math.floor(k / PER_BOOKER)]!; // of booking k (0-based)
  await leases.write.reserve([one, at(0), at(0) + 10n], { account: alice });
  for (let k = 0; k < BOOKINGS; k += PER_BOOKER) {
    const calls: Hex[] = [];
    for (let j = k; j < Math.min(k + PER_BOOKER, BOOKINGS); j++) {
      calls.push(
        encodeFunctionData({
          abi: leases.abi,
          functionName: "reserve",
          args: [many, at(j), at(j) + 10n],
        }),
      );
    }
    await leases.write.multicall([calls], { account: bookerOf(k) });
  }
  if ((await leases.read.getResource([many])).reservationCount !== BigInt(BOOKINGS)) {
    throw new Error("unexpected booking count");
  }
  // Every resource has been leased before, so that grants compare like with like.
  for (const id of [none, one, many]) {
    await leases.write.acquire([id, 60n], { account: bob });
    await leases.write.release([id], { account: bob });
  }
  const grant0 = await gasOf(leases.write.acquire([none, 600n], { account: carol }));
  const grant500 = await gasOf(leases.write.acquire([many, 600n], { account: carol }));
  await leases.write.release([none], { account: carol });
  await leases.write.release([many], { account: carol });

  const appendHinted = async (id: bigint, start: bigint, afterId: bigint) =>
    gasOf(leases.write.reserve([id, start, start + 10n, afterId], { account: bob }));
  const reserve0 = await appendHinted(none, at(0), 0n); // becomes booking 1 of `none`
  const reserve1 = await appendHinted(one, at(1), 1n);
  const reserve500 = await appendHinted(many, at(BOOKINGS), BigInt(BOOKINGS));
  // Between booking 251 (at(250)) and booking 252 (at(251)), a claim window from both, found by the SDK's hint.
  const between = 10n + WINDOW + 10n;
  const reserveMiddle = await appendHinted(many, at(250) + between, 251n);
  const reserveMiddleSmall = await appendHinted(one, at(0) + between, 1n); // between the 2 bookings of `one`
  const plainAppend500 = await gasOf(
    leases.write.reserve([many, at(BOOKINGS + 1), at(BOOKINGS + 1) + 10n], { account: bob }),
  );
  const cancelOnly = await gasOf(leases.write.cancelReservation([none, 1n], { account: bob }));
  const cancelMiddle = await gasOf(leases.write.cancelReservation([many, 250n], { account: bookerOf(249) }));

  // A lease capped by the first booking: the cached start of the booking cursor, whatever the count.
  await networkHelpers.time.increaseTo(far - 100n);
  const capped1 = await gasOf(leases.write.acquire([one, MAX], { account: carol }));
  const capped500 = await gasOf(leases.write.acquire([many, MAX], { account: carol }));
  if ((await leases.read.leaseOf([many]))[1] !== far) throw new Error("the lease was not capped");

  // Far into the bookings: 300 of them ended and the cursor lags behind; the booker of booking 301
  // acquires after moving the cursor with pruneTo in the same transaction (what the SDK sends).
  await networkHelpers.time.increaseTo(at(300) + 1n);
  const pruneAndAcquire = await gasOf(
    leases.write.multicall(
      [
        [
          encodeFunctionData({ abi: leases.abi, functionName: "pruneTo", args: [many, 301n] }),
          encodeFunctionData({ abi: leases.abi, functionName: "acquire", args: [many, 5n] }),
        ],
      ],
      { account: bookerOf(300) },
    ),
  );

  row("reserve with the SDK's hint: 0 existing bookings", reserve0);
  row("reserve with the SDK's hint: appended after 1 booking", reserve1);
  row(`reserve with the SDK's hint: appended after ${BOOKINGS} bookings`, reserve500);
  row("reserve with the SDK's hint: between 2 bookings (2 existing)", reserveMiddleSmall);
  row(`reserve with the SDK's hint: between 2 bookings (${BOOKINGS + 1} existing)`, reserveMiddle);
  row(`reserve without hint, appending (${BOOKINGS + 2} existing)`, plainAppend500);
  row("cancelReservation: the only booking", cancelOnly);
  row(`cancelReservation: a booking in the middle of ${BOOKINGS + 3}`, cancelMiddle);
  row("acquire (later grant): 0 bookings", grant0);
  row(`acquire (later grant): ${BOOKINGS} future bookings`, grant500);
  row("acquire capped at the next booking: 3 bookings", capped1);
  row(`acquire capped at the next booking: ${BOOKINGS + 2} bookings`, capped500);
  row("multicall(pruneTo, acquire) by a booker: 299 ended bookings ahead of the cursor", pruneAndAcquire);
  row("peer: ERC-4907 setUser, first use of the token", setUserFirst);
  row("peer: ERC-4907 setUser, token used before", setUserLater);
  return rows;
}
