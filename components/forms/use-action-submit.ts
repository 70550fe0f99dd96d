"use client";

import { useState, useTransition } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { ActionFailure, ActionResult } from "@/lib/actions";
import { applyServerErrors } from "./server-errors";

/**
 * The submit flow of a form backed by a server action: the browser checks with the shared schema, the action checks
 * again; on success `onSuccess` moves on, on a refusal the messages go to their fields (the first one gets focus)
 * and the refusal is returned for the form's alert.
 */
export function useActionSubmit<TInput extends FieldValues, TOutput, TData>(
  form: UseFormReturn<TInput, unknown, TOutput>,
  action: (values: TOutput) => Promise<ActionResult<TData>>,
  onSuccess: (data: TData) => void,
) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = form.handleSubmit((values) => {
    setFailure(null);
    startTransition(async () => {
      const result = await action(values);
      if (result.ok) {
        onSuccess(result.data);
        return;
      }
      setFailure(result);
      const first = applyServerErrors(form.setError, result);
      if (first) form.setFocus(first);
    });
  });
  return { onSubmit, failure, pending };
}
