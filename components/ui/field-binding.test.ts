import { describe, expect, it } from "vitest";
import type { FieldErrors, UseFormRegisterReturn } from "react-hook-form";
import { fieldBinding } from "./field-binding";

type Values = { email: string; password: string };

describe("fieldBinding", () => {
  it("gives a field register()'s props and its own error message, and no error to a field without one", () => {
    const register = (name: keyof Values) =>
      ({ name, onChange: async () => {}, onBlur: async () => {}, ref: () => {} }) as UseFormRegisterReturn<keyof Values>;
    const errors: FieldErrors<Values> = { email: { type: "custom", message: "Ange din e-postadress." } };
    const bind = fieldBinding<Values, keyof Values>(register, errors);
    expect(bind("email")).toMatchObject({ name: "email", error: "Ange din e-postadress." });
    expect(bind("password")).toMatchObject({ name: "password", error: undefined });
  });
});
