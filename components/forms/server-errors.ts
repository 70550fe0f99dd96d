import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionFailure } from "@/lib/actions";

/**
 * Puts the server's field messages on the form's fields (the server validates again whatever the browser did, and
 * knows things the browser cannot, such as an unknown county code). Returns the first field with an error, to focus.
 */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, failure: ActionFailure): Path<T> | undefined {
  let first: Path<T> | undefined;
  for (const [path, messages] of Object.entries(failure.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message || path === "_form") continue;
    setError(path as Path<T>, { type: "server", message });
    first ??= path as Path<T>;
  }
  return first;
}
