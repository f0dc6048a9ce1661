/**
 * Every action exports `XParameters`, `XReturnType` and `XErrorType` (checked by tsc), and they describe the action:
 * a write's parameters carry the sending options, its return type is the full result, and a `prepare…` action
 * returns `{ to, data, value }`.
 */
import { describe, expect, expectTypeOf, it } from "vitest";

import type {
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

describe("action types", () => {
  it("derive from the actions", () => {
    expectTypeOf<AcquireLeaseParameters["transactionNonce"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<AcquireLeaseReturnType["fencingToken"]>().toEqualTypeOf<bigint>();
    expectTypeOf<AcquireLeaseErrorType>().toEqualTypeOf<ConcordError>();
    expectTypeOf<GetCellReturnType>().toEqualTypeOf<Cell>();
    expectTypeOf<PrepareAcquireLeaseReturnType>().toEqualTypeOf<PreparedTransaction>();
    expectTypeOf<WatchLeaseExpiryReturnType>().toEqualTypeOf<() => void>();
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
});
