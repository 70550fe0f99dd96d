"use client";

import type { Ref, SelectHTMLAttributes } from "react";
import { FieldShell, borderFor } from "./field-shell";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLSelectElement>;
};

export function SelectField({ label, name, options, placeholder, error, hint, id, className = "", ref, ...props }: Props) {
  return (
    <FieldShell label={label} name={name} id={id} hint={hint} error={error} required={props.required} className={className}>
      {({ controlId, describedBy, invalid }) => (
        <select
          id={controlId}
          name={name}
          ref={ref}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`min-h-11 rounded-md border bg-white px-2 ${borderFor(error)}`}
          {...props}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
