/**
 * Every action exports `XParameters`, `XReturnType` and `XErrorType` (checked by tsc), and they describe the action:
 * a write's parameters carry the sending options, its return type is the full result, and a `prepare…` action
 * returns `{ to, data, value }`.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import ts from "typescript";
import { describe, expect, expectTypeOf, it } from "vitest";

import type { Address, RpcLog } from "viem";

import type {
  AcknowledgementRelayer,
  Agent,
  BatchBlock,
  ChainClock,
  CreateAcknowledgementRelayerErrorType,
  CreateAcknowledgementRelayerReturnType,
  CreateAgentErrorType,
  CreateAgentReturnType,
  CreateChainClockErrorType,
  CreateChainClockReturnType,
  ReadBatchAtBlockParameters,
  ReadBatchAtBlockReturnType,
  ReadBatchErrorType,
  ReadBatchParameters,
  ReadBatchReturnType,
  ReadBatchSettledParameters,
  ReadBatchSettledReturnType,
  ScanEventsErrorType,
  ScanEventsReturnType,
  ScanLogsErrorType,
  ScanLogsParameters,
  ScanLogsReturnType,
  AcquireLeaseParameters,
  AcquireLeaseReturnType,
  AcquireLeaseErrorType,
  ConcordError,
  GetCellReturnType,
  PrepareAcquireLeaseReturnType,
  WatchLeaseExpiryReturnType,
  Cell,
  PreparedTransaction,
} from "../../sdk/index.ts";
import * as sdk from "../../sdk/index.ts";
import * as agreementActions from "../../sdk/agreements/actions.ts";
import { readAgreements } from "../../sdk/agreements/reads.ts";
import * as cellActions from "../../sdk/cells/actions.ts";
import { readRegistry } from "../../sdk/cells/reads.ts";
import * as governanceActions from "../../sdk/governance/actions.ts";
import * as leaseActions from "../../sdk/leases/actions.ts";
import { readLeases } from "../../sdk/leases/reads.ts";

describe("action types", () => {
  it("derive from the actions", () => {
    expectTypeOf<AcquireLeaseParameters["transactionNonce"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<AcquireLeaseReturnType["fencingToken"]>().toEqualTypeOf<bigint>();
    expectTypeOf<AcquireLeaseErrorType>().toEqualTypeOf<ConcordError>();
    expectTypeOf<GetCellReturnType>().toEqualTypeOf<Cell>();
    expectTypeOf<PrepareAcquireLeaseReturnType>().toEqualTypeOf<PreparedTransaction>();
    expectTypeOf<WatchLeaseExpiryReturnType>().toEqualTypeOf<() => void>();
  });

  it("the batch reads, the scans and the agent factories: their types are their functions'", () => {
    // Checked by tsc: each XParameters is what the function takes after the client, each XReturnType what it
    // resolves to, for the same calls (so a signature change without its type fails to compile).
    type Calls = readonly [
      { address: Address; abi: typeof sdk.cellRegistryAbi; functionName: "cellCount" },
      {
        address: Address;
        abi: typeof sdk.cellRegistryAbi;
        functionName: "isMember";
        args: [bigint, Address];
      },
    ];
    type After<action> = action extends (client: sdk.ConcordClientBase, ...rest: infer rest) => unknown
      ? rest
      : never;
    expectTypeOf<ReadBatchParameters<Calls>>().toEqualTypeOf<After<typeof sdk.readBatch<Calls>>>();
    expectTypeOf<ReadBatchReturnType<Calls>>().toEqualTypeOf<
      Awaited<ReturnType<typeof sdk.readBatch<Calls>>>
    >();
    expectTypeOf<ReadBatchReturnType<Calls>>().toEqualTypeOf<[bigint, boolean]>();
    expectTypeOf<ReadBatchSettledParameters<Calls>>().toEqualTypeOf<
      After<typeof sdk.readBatchSettled<Calls>>
    >();
    expectTypeOf<ReadBatchSettledReturnType<Calls>>().toEqualTypeOf<
      Awaited<ReturnType<typeof sdk.readBatchSettled<Calls>>>
    >();
    expectTypeOf<ReadBatchAtBlockParameters<Calls, true>>().toEqualTypeOf<
      After<typeof sdk.readBatchAtBlock<Calls, true>>
    >();
    expectTypeOf<ReadBatchAtBlockReturnType<Calls, true>>().toEqualTypeOf<
      Awaited<ReturnType<typeof sdk.readBatchAtBlock<Calls, true>>>
    >();
    expectTypeOf<ReadBatchAtBlockReturnType<Calls>["block"]>().toEqualTypeOf<BatchBlock>();
    expectTypeOf<ReadBatchAtBlockReturnType<Calls>["results"]>().toEqualTypeOf<[bigint, boolean]>();
    expectTypeOf<ScanLogsParameters>().toEqualTypeOf<After<typeof sdk.scanLogs>>();
    expectTypeOf<ScanLogsReturnType>().toEqualTypeOf<RpcLog[]>();
    expectTypeOf<ScanEventsReturnType<typeof sdk.cellRegistryAbi, "CellCreated">>().toEqualTypeOf<
      Awaited<ReturnType<typeof sdk.scanEvents<typeof sdk.cellRegistryAbi, "CellCreated">>>
    >();
    expectTypeOf<CreateAgentReturnType>().toEqualTypeOf<Agent>();
    expectTypeOf<CreateChainClockReturnType>().toEqualTypeOf<ChainClock>();
    expectTypeOf<CreateAcknowledgementRelayerReturnType>().toEqualTypeOf<AcknowledgementRelayer>();
    expectTypeOf<ReadBatchErrorType>().toEqualTypeOf<ConcordError>();
    expectTypeOf<ScanEventsErrorType>().toEqualTypeOf<ScanLogsErrorType>();
    expectTypeOf<CreateAgentErrorType>().toEqualTypeOf<sdk.InvalidInputError>();
    expectTypeOf<CreateChainClockErrorType>().toEqualTypeOf<sdk.InvalidInputError>();
    expectTypeOf<CreateAcknowledgementRelayerErrorType>().toEqualTypeOf<sdk.InvalidInputError>();
  });

  it("they throw what their XErrorType says, before any request", async () => {
    // A client whose node must never be asked: every failure here is refused by the SDK first.
    const request = () => {
      throw new Error("no request may be sent");
    };
    const base = {
      publicClient: {
        request,
        chain: { id: 31337, contracts: { multicall3: { address: sdk.MULTICALL3_ADDRESS } } },
      },
      walletClient: undefined,
      addresses: {},
      contracts: {},
      maxBlockRange: undefined,
    } as unknown as sdk.ConcordClientBase;
    const address = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const;
    const calls = [{ address, abi: sdk.cellRegistryAbi, functionName: "cellCount" }] as const;

    // The create… factories: InvalidInputError, naming the parameter and the value.
    const thrown = (create: () => unknown): unknown => {
      try {
        create();
      } catch (error) {
        return error;
      }
      throw new Error("expected a throw");
    };
    const refusals: [() => unknown, string, unknown][] = [
      [() => sdk.createAgent(base), "account", undefined],
      [() => sdk.createAgent(base, { account: address, cellId: 0n }), "cellId", 0n],
      [() => sdk.createChainClock(base, { pollIntervalMs: 5 }), "pollIntervalMs", 5],
      [() => sdk.createAcknowledgementRelayer(base, { maxBatch: 33 }), "maxBatch", 33],
      [() => sdk.createAcknowledgementRelayer(base, { maxBatch: 0.5 }), "maxBatch", 0.5],
      [() => sdk.createAcknowledgementRelayer(base, { maxDelayMs: -1 }), "maxDelayMs", -1],
      [() => sdk.createAcknowledgementRelayer(base, { maxQueued: 0 }), "maxQueued", 0],
    ];
    for (const [create, parameter, value] of refusals) {
      const error = thrown(create);
      expect(error, parameter).toBeInstanceOf(sdk.InvalidInputError);
      expect((error as sdk.InvalidInputError).parameter).toBe(parameter);
      expect((error as sdk.InvalidInputError).value).toBe(value);
    }

    // The batch reads: a callsPerBatch out of bounds is an InvalidInputError (a ConcordError), not a request.
    for (const callsPerBatch of [0, 501, 1.5, Number.NaN]) {
      for (const read of [
        () => sdk.readBatch(base, calls, { callsPerBatch }),
        () => sdk.readBatchSettled(base, calls, { callsPerBatch }),
        () => sdk.readBatchAtBlock(base, calls, { callsPerBatch }),
      ]) {
        const error = await read().then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(error, String(callsPerBatch)).toBeInstanceOf(sdk.InvalidInputError);
        expect((error as sdk.InvalidInputError).parameter).toBe("callsPerBatch");
        expect((error as sdk.InvalidInputError).value).toBe(callsPerBatch);
      }
    }

    // The scans: an event the ABI lacks is a ConcordError; an aborted scan rejects with the signal's reason.
    await expect(
      sdk.scanEvents(base, {
        address,
        abi: sdk.cellRegistryAbi,
        eventNames: ["NoSuchEvent" as "CellCreated"],
        fromBlock: 0n,
      }),
    ).rejects.toThrow(sdk.ConcordError);
    const stop = new AbortController();
    const reason = new Error("stopped by the caller");
    stop.abort(reason);
    await expect(
      sdk.scanLogs(base, { address, topics: [] }, { fromBlock: 0n, signal: stop.signal }),
    ).rejects.toBe(reason);
  });

  it("every flat action is on its module's decorator under the same name, once", () => {
    const tables = {
      cells: sdk.cellsActions,
      agreements: sdk.agreementsActions,
      leases: sdk.leasesActions,
      governance: sdk.governanceActions,
    };
    const base = { publicClient: {}, walletClient: undefined } as unknown as sdk.ConcordClientBase;
    const seen = new Map<string, string>();
    for (const [module, actions] of Object.entries(tables)) {
      for (const name of Object.keys(actions(base))) {
        expect(seen.get(name), `${name} is on ${seen.get(name)} and ${module}`).toBeUndefined();
        seen.set(name, module);
        expect(typeof (sdk as Record<string, unknown>)[name], `${name} is exported flat`).toBe("function");
      }
    }
    // The ambiguous names of before are gone from the flat exports.
    for (const old of ["acquire", "release", "renew", "governance", "clock", "leave", "propose"]) {
      expect((sdk as Record<string, unknown>)[old], old).toBeUndefined();
    }
  });

  it("each module's one action list gives its flat exports, its decorator and its three types", async () => {
    const lists = {
      cells: cellActions,
      agreements: agreementActions,
      leases: leaseActions,
      governance: governanceActions,
    };
    const base = { publicClient: {}, walletClient: undefined } as unknown as sdk.ConcordClientBase;
    for (const [module, list] of Object.entries(lists)) {
      const names = Object.keys(list);
      expect(names.length, module).toBeGreaterThan(10);
      const bound = sdk[`${module}Actions` as "cellsActions"](base);
      expect(Object.keys(bound).sort(), `concord.${module}`).toEqual([...names].sort());
      // The module's public type names: `actionTypes.ts` (exported whole) and the `export type { … }` lists.
      const index = await readFile(`sdk/${module}/index.ts`, "utf8");
      const types = new Set<string>();
      for (const [, list] of index.matchAll(/export type \{([^}]*)\}/g)) {
        for (const name of list!.split(",")) types.add(name.trim());
      }
      expect(index, module).toContain('export type * from "./actionTypes.ts";');
      for (const [, name] of (await readFile(`sdk/${module}/actionTypes.ts`, "utf8")).matchAll(
        /^export type (\w+)/gm,
      )) {
        types.add(name!);
      }
      for (const name of names) {
        const type = name[0]!.toUpperCase() + name.slice(1);
        for (const suffix of ["Parameters", "ReturnType", "ErrorType"]) {
          expect(types.has(`${type}${suffix}`), `${module}: ${type}${suffix} is exported`).toBe(true);
        }
      }
    }
  });

  it("the one contract reader keeps each read's types", () => {
    // Never called: the compiler checks what each reader returns for a function of its contract (tsc runs on tests).
    const client = {} as sdk.ConcordClientBase;
    const _reads = () => ({
      cellCount: readRegistry(client, "cellCount", []),
      status: readAgreements(client, "statusOf", [1n]),
      resources: readLeases(client, "resourceCount", []),
      // @ts-expect-error -- a function ResourceLeases does not have
      missing: readLeases(client, "notAFunction", []),
    });
    expectTypeOf<Awaited<ReturnType<typeof _reads>["cellCount"]>>().toEqualTypeOf<bigint>();
    expectTypeOf<Awaited<ReturnType<typeof _reads>["status"]>>().toEqualTypeOf<number>();
    expectTypeOf<Awaited<ReturnType<typeof _reads>["resources"]>>().toEqualTypeOf<bigint>();
  });

  it("every flat export that takes the client first exports its XParameters, XReturnType and XErrorType", () => {
    // Read from the public entry by the compiler, not from each module's action list: a function exported flat
    // outside the lists (batch reads, scans, agents...) is an action to integrators too.
    const entry = fileURLToPath(new URL("../../sdk/index.ts", import.meta.url));
    const program = ts.createProgram([entry], {
      ...ts.getDefaultCompilerOptions(),
      allowImportingTsExtensions: true,
      noEmit: true,
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      types: [],
    });
    const checker = program.getTypeChecker();
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!);
    const types = new Set<string>();
    const actions: string[] = [];
    for (const symbol of exports) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (target.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface | ts.SymbolFlags.Class))
        types.add(symbol.name);
      const declaration = target.valueDeclaration;
      if (!declaration || !(target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))) continue;
      const [signature] = checker.getTypeOfSymbolAtLocation(target, declaration).getCallSignatures();
      const first = signature?.getParameters()[0];
      if (!first) continue;
      const firstType = checker.typeToString(checker.getTypeOfSymbolAtLocation(first, declaration));
      if (firstType === "ConcordClientBase" || firstType === "ConcordClient") actions.push(symbol.name);
    }
    // The plumbing that takes a client but is no action: the decorators and the contract lookup.
    const plumbing = new Set([
      "cellsActions",
      "agreementsActions",
      "leasesActions",
      "governanceActions",
      "bindActions",
      "contractOf",
    ]);
    // Known gaps: none left (the audit of 2026-12-07 found 11 flat actions outside the four action lists without
    // their types). A new action without its three types fails here.
    const knownGaps: Record<string, string[]> = {};
    expect(actions.length, "client-first functions found").toBeGreaterThan(200);
    const lacking: Record<string, string[]> = {};
    for (const name of actions) {
      if (plumbing.has(name)) continue;
      const type = name[0]!.toUpperCase() + name.slice(1);
      const lacks = ["Parameters", "ReturnType", "ErrorType"].filter(
        (suffix) => !types.has(`${type}${suffix}`),
      );
      if (lacks.length > 0) lacking[name] = lacks;
    }
    expect(lacking).toEqual(knownGaps);
  }, 60_000);
});
