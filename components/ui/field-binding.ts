import type { FieldError, FieldErrors, FieldPath, FieldValues, UseFormRegisterReturn } from "react-hook-form";

/**
 * What a field component (TextField, SelectField, TextAreaField, and the number and date fields) takes from a
 * react-hook-form form for one field: register()'s props and the field's error message, so a form writes
 * `{...bind("email")}` once per field instead of pairing the two by hand.
 */
export function fieldBinding<T extends FieldValues, N extends FieldPath<T>>(
  register: (name: N) => UseFormRegisterReturn<N>,
  errors: FieldErrors<T>,
): (name: N) => UseFormRegisterReturn<N> & { error: string | undefined } {
  return (name) => ({ ...register(name), error: (errors[name] as FieldError | undefined)?.message });
}
