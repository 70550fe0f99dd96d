"use client";

import type { InputHTMLAttributes, Ref } from "react";
import { FieldShell, borderFor } from "./field-shell";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled input with its hint and error tied to it. Takes react-hook-form's register() props as they are. */
export function TextField({ label, name, error, hint, id, className = "", ref, ...props }: Props) {
  return (
    <FieldShell label={label} name={name} id={id} hint={hint} error={error} required={props.required} className={className}>
      {({ controlId, describedBy, invalid }) => (
        <input
          id={controlId}
          name={name}
          ref={ref}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`min-h-11 rounded-md border px-3 py-2 ${borderFor(error)}`}
          {...props}
        />
      )}
    </FieldShell>
  );
}
