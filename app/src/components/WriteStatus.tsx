/**
 * The progress line of a write: checking → waiting for your signature → pending (hash) → confirmed, or
 * the refusal in human words. Announced to screen readers (`aria-live`).
 */
import { describeProgress, progressSteps } from "../lib/progress.ts";
import type { WriteProgress } from "../lib/progress.ts";
import { TxHash } from "./TxHash.tsx";

const order = ["checking", "signing", "pending", "confirmed"] as const;

export function WriteStatus({ progress, onDismiss }: { progress: WriteProgress; onDismiss?: () => void }) {
  if (progress.stage === "idle") return <div className="write-status" aria-live="polite" />;
  const failed = progress.stage === "failed";
  // Confirmed is the last step: every step is then done.
  const reached = failed ? -1 : progress.stage === "confirmed" ? order.length : order.indexOf(progress.stage);
  const hash =
    progress.stage === "pending" || progress.stage === "confirmed" || failed ? progress.hash : null;
  return (
    <div
      className={`write-status ${failed ? "is-failed" : progress.stage === "confirmed" ? "is-done" : "is-busy"}`}
      data-stage={progress.stage}
      aria-live="polite"
      role={failed ? "alert" : "status"}
    >
      {!failed && (
        <ol className="steps" aria-hidden="true">
          {progressSteps.map((step, i) => (
            <li key={step.stage} className={i < reached ? "done" : i === reached ? "current" : ""}>
              {step.label}
            </li>
          ))}
        </ol>
      )}
      <p className="write-message">{describeProgress(progress)}</p>
      {hash && (
        <p className="write-hash">
          Transaction <TxHash hash={hash} />
        </p>
      )}
      {(failed || progress.stage === "confirmed") && onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
