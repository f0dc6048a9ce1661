/**
 * The progress line of a write: checking → waiting for your signature → pending (hash) → confirmed for
 * a transaction, checking → waiting for your signature → signed for a signature only; or the refusal in
 * human words. Announced to screen readers (`aria-live`).
 */
import { describeProgress, isDone, progressSteps, reachedStep } from "../lib/progress.ts";
import type { WriteProgress } from "../lib/progress.ts";
import { TxHash } from "./TxHash.tsx";

export function WriteStatus({ progress, onDismiss }: { progress: WriteProgress; onDismiss?: () => void }) {
  if (progress.stage === "idle") return <div className="write-status" aria-live="polite" />;
  const failed = progress.stage === "failed";
  const done = isDone(progress);
  const reached = reachedStep(progress);
  const hash =
    progress.stage === "pending" || progress.stage === "confirmed" || failed ? progress.hash : null;
  return (
    <div
      className={`write-status ${failed ? "is-failed" : done ? "is-done" : "is-busy"}`}
      data-stage={progress.stage}
      data-kind={progress.kind}
      aria-live="polite"
      role={failed ? "alert" : "status"}
    >
      {!failed && (
        <ol className="steps" aria-hidden="true">
          {progressSteps(progress.kind).map((step, i) => (
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
      {(failed || done) && onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
