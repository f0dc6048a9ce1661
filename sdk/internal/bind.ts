/**
 * The one decorator binder of the SDK: turns a table of actions `(client, parameters) => result` into the same
 * actions bound to a client, as viem's decorators do (`publicActions`). Every module lists its actions once, in its
 * `actions.ts` (the module's flat exports); its `decorator.ts` binds that module's namespace with one call to
 * {@link bindActions}.
 */
import type { ConcordClientBase } from "../client.ts";
import type { SubmittedTransaction, WriteAction, WriteOptions } from "./write.ts";

/** An action: a function whose first argument is the Concord client. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table is checked by BoundActions, not here
export type ConcordAction = (client: ConcordClientBase, ...args: any[]) => unknown;

/** The actions of `table` bound to a client: the client argument is gone. */
export type BoundActions<table extends Record<string, ConcordAction>> = {
  [name in keyof table]: table[name] extends WriteAction<infer parameters, infer result>
    ? BoundWriteAction<parameters, result>
    : table[name] extends (client: ConcordClientBase, ...args: infer params) => infer result
      ? (...args: params) => result
      : never;
};

/** A {@link WriteAction} bound to a client, with both forms (`wait: false` → `{ hash }`). */
export type BoundWriteAction<parameters extends WriteOptions, result> = {
  (parameters: parameters & { wait: false }): Promise<SubmittedTransaction>;
  (parameters: parameters & { wait?: true | undefined }): Promise<result>;
};

/**
 * Binds every action of `table` to `client`.
 *
 * @example
 * import { getCell } from "@concord-dao/sdk";
 *
 * const cells = bindActions(client, { getCell });
 * await cells.getCell({ cellId: 1n });
 */
export function bindActions<const table extends Record<string, ConcordAction>>(
  client: ConcordClientBase,
  table: table,
): BoundActions<table> {
  const bound: Record<string, unknown> = {};
  for (const [name, action] of Object.entries(table)) {
    bound[name] = (...args: unknown[]) => action(client, ...args);
  }
  return bound as BoundActions<table>;
}

/** The parameters an action takes after the client (for a write, without the `wait` overloads). */
export type ActionParameters<action> =
  action extends WriteAction<infer parameters, unknown>
    ? parameters
    : action extends (client: ConcordClientBase, ...args: infer args) => unknown
      ? args[0]
      : never;

/** What an action resolves to (for a write, the full result it waits for by default). */
export type ActionReturnType<action> =
  action extends WriteAction<WriteOptions, infer result>
    ? result
    : action extends (client: ConcordClientBase, ...args: never[]) => infer result
      ? Awaited<result>
      : never;
