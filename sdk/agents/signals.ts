/**
 * Release on process signals: an optional handler that closes agents (their work is stopped, their
 * leases released) when the process receives SIGINT or SIGTERM, then exits.
 */
import type { Agent } from "./agent.ts";

/** A process that can receive signals (Node's `process`, or a stand-in in tests). */
export type SignalTarget = {
  once(signal: string, listener: () => void): unknown;
  off(signal: string, listener: () => void): unknown;
  exit?: ((code?: number) => void) | undefined;
};

/** Parameters of {@link installSignalHandlers}. */
export type InstallSignalHandlersParameters = {
  /** Default `["SIGINT", "SIGTERM"]`. */
  signals?: readonly string[] | undefined;
  /** Exit once the agents are closed (default true), with 128 + the signal's number (130, 143). */
  exit?: boolean | undefined;
  /** Default: `globalThis.process`. */
  target?: SignalTarget | undefined;
  /** Called after the agents are closed, before exiting. */
  onClosed?: ((signal: string) => void) | undefined;
};

const CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Closes `agents` when the process receives one of `signals` (each agent stops its work and releases its
 * leases, within its `closeTimeoutMs`), then exits. Returns a function that removes the handlers.
 *
 * @example
 * import { installSignalHandlers } from "@concord-dao/sdk";
 *
 * const uninstall = installSignalHandlers([agent]);
 * // ... on shutdown by other means:
 * uninstall();
 */
export function installSignalHandlers(
  agents: readonly Agent[],
  parameters: InstallSignalHandlersParameters = {},
): () => void {
  const target = parameters.target ?? (globalThis as unknown as { process: SignalTarget }).process;
  const signals = parameters.signals ?? ["SIGINT", "SIGTERM"];
  const listeners = signals.map((signal) => {
    const listener = () => {
      uninstall();
      void Promise.allSettled(agents.map((agent) => agent.close())).then(() => {
        parameters.onClosed?.(signal);
        if (parameters.exit !== false) target.exit?.(CODES[signal] ?? 1);
      });
    };
    target.once(signal, listener);
    return [signal, listener] as const;
  });
  const uninstall = () => {
    for (const [signal, listener] of listeners) target.off(signal, listener);
  };
  return uninstall;
}
