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

/** A new password on the list of common passwords (lib/auth/password-policy.ts checks it on the server). */
export const COMMON_PASSWORD_MESSAGE = "Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna några ord i en följd som bara du känner till.";

/**
 * The form on /konto: the current password, and the new one twice. The same schema checks it in the browser and on
 * the server; the server also checks the list of common passwords and the current password (lib/users/password.ts).
 */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Ange ditt nuvarande lösenord." })
      .min(1, "Ange ditt nuvarande lösenord.")
      .max(200, "Lösenordet får ha högst 200 tecken."),
    newPassword: passwordField,
    confirmPassword: z.string({ error: "Skriv det nya lösenordet en gång till." }).min(1, "Skriv det nya lösenordet en gång till."),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword && value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Lösenorden är inte likadana. Skriv det nya lösenordet två gånger." });
    }
    if (value.newPassword && value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Det nya lösenordet ska vara ett annat än det nuvarande." });
    }
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
