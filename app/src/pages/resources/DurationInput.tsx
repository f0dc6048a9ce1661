/**
 * A duration field: an amount and a unit (minutes, hours, days).
 */
import { durationUnits, parseDuration } from "../../lib/leases.ts";
import type { DurationUnit } from "../../lib/leases.ts";

/** What the field holds. */
export type DurationValue = { amount: string; unit: DurationUnit };

/** The field's value in seconds, or why it is not one. */
export const durationValue = (value: DurationValue) => parseDuration(value.amount, value.unit);

export function DurationInput({
  id,
  label,
  value,
  onChange,
  hint,
}: {
  id: string;
  label: string;
  value: DurationValue;
  onChange: (value: DurationValue) => void;
  hint?: string | undefined;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <span className="duration-input">
        <input
          id={id}
          inputMode="decimal"
          value={value.amount}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
          aria-describedby={hint ? `${id}-hint` : undefined}
          autoComplete="off"
        />
        <select
          aria-label={`${label}: unit`}
          value={value.unit}
          onChange={(event) => onChange({ ...value, unit: event.target.value as DurationUnit })}
        >
          {durationUnits.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.label}
            </option>
          ))}
        </select>
      </span>
      {hint && (
        <span className="muted hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </>
  );
}
