import { z } from "zod";
import { ROLES } from "@/lib/enums";
import { emailField, passwordField, textField } from "@/lib/validation/fields";

export const createUserSchema = z
  .object({
    email: emailField,
    name: textField({ max: 200, required: "Ange ett namn.", maxMessage: "Namnet är för långt." }),
    role: z.enum(ROLES, { error: `Rollen ska vara en av: ${ROLES.join(", ")}.` }),
    organisationId: z.number().int().positive().nullable().default(null),
    password: passwordField,
  })
  .superRefine((value, ctx) => {
    if (value.role === "coordinator" && value.organisationId === null) {
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "En samordnare måste höra till en organisation." });
    }
    if (value.role !== "coordinator" && value.organisationId !== null) {
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Bara samordnare hör till en organisation." });
    }
  });
export type CreateUserInput = z.input<typeof createUserSchema>;
