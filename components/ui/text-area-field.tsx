"use client";

import type { Ref, TextareaHTMLAttributes } from "react";
import { FieldShell, borderFor } from "./field-shell";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  ref?: Ref<HTMLTextAreaElement>;
};

export function TextAreaField({ label, name, error, hint, id, className = "", ref, ...props }: Props) {
  return (
    <FieldShell label={label} name={name} id={id} hint={hint} error={error} required={props.required} className={className}>
      {({ controlId, describedBy, invalid }) => (
        <textarea
          id={controlId}
          name={name}
          ref={ref}
          rows={5}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`rounded-md border px-3 py-2 ${borderFor(error)}`}
          {...props}
        />
      )}
    </FieldShell>
  );
}
