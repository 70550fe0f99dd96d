"use client";

import type { ComponentProps } from "react";
import { TextField } from "./text-field";

/**
 * A whole number typed as text ("1 200 000", "5"): the numeric keyboard on a phone, no autofill. Text, not
 * type="number", so spaces as thousands separators are kept and the schema gives the message.
 */
export function NumberField(props: Omit<ComponentProps<typeof TextField>, "type" | "inputMode">) {
  return <TextField inputMode="numeric" autoComplete="off" {...props} />;
}
