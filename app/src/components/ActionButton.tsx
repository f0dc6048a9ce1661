/**
 * A button for a write: disabled with the reason written next to it when the viewer may not act
 * (screen readers get the reason through `aria-describedby`), disabled while its write runs. When
 * several buttons share one reason, the screen writes it once and passes its element id as
 * `reasonId`: the button then points to it instead of repeating it.
 */
import { useId } from "react";
import type { ReactNode } from "react";

import type { Permission } from "../lib/permissions.ts";

export function ActionButton({
  permission,
  busy = false,
  onClick,
  children,
  type = "button",
  variant,
  name,
  reasonId,
}: {
  permission: Permission;
  busy?: boolean;
  onClick?: () => void;
  children: ReactNode;
  type?: "button" | "submit";
  variant?: "secondary" | "danger";
  /** A stable name for tests and analytics (`data-action`). */
  name?: string;
  /** The id of a reason written once for several buttons (then not repeated under this one). */
  reasonId?: string | undefined;
}) {
  const id = useId();
  const disabled = !permission.ok || busy;
  return (
    <span className="action">
      <button
        type={type}
        className={variant}
        disabled={disabled}
        aria-describedby={permission.ok ? undefined : (reasonId ?? id)}
        aria-busy={busy || undefined}
        onClick={onClick}
        data-action={name}
      >
        {children}
      </button>
      {!permission.ok && !reasonId && (
        <span className="why" id={id}>
          {permission.reason}
        </span>
      )}
    </span>
  );
}

/**
 * A form that only makes sense for those allowed: when not allowed, its opening button is shown
 * disabled with the reason; when allowed, the form itself.
 */
export function Gated({
  permission,
  label,
  children,
}: {
  permission: Permission;
  label: string;
  children: ReactNode;
}) {
  if (permission.ok) return <>{children}</>;
  return (
    <div className="gated">
      <ActionButton permission={permission} variant="secondary">
        {label}
      </ActionButton>
    </div>
  );
}
