"use client";

import type { ComponentProps } from "react";
import { TextField } from "./text-field";

/** A date (YYYY-MM-DD) with the browser's date picker. */
export function DateField(props: Omit<ComponentProps<typeof TextField>, "type">) {
  return <TextField type="date" {...props} />;
}
