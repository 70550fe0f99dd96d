import { z } from "zod";
import { ROLES } from "@/lib/enums";
import { emailField, passwordField, textField } from "@/lib/validation/fields";

/** The message when a coordinator has no organisation (also the answer to the database's own check). */
export const COORDINATOR_NEEDS_ORGANISATION = "En samordnare måste höra till en organisation.";

/** A coordinator belongs to exactly one organisation, every other role to none (as users' CHECK in the database). */
function roleOrganisationRule(value: { role: string; organisationId: number | null }, ctx: z.RefinementCtx) {
  if (value.role === "coordinator" && value.organisationId === null) {
    ctx.addIssue({ code: "custom", path: ["organisationId"], message: COORDINATOR_NEEDS_ORGANISATION });
  }
  if (value.role !== "coordinator" && value.organisationId !== null) {
    ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Bara samordnare hör till en organisation." });
  }
}

const confirmField = z.string({ error: "Skriv det nya lösenordet en gång till." }).min(1, "Skriv det nya lösenordet en gång till.");
const nameField = textField({ max: 200, required: "Ange ett namn.", maxMessage: "Namnet är för långt." });

export const createUserSchema = z
  .object({
    email: emailField,
    name: nameField,
    role: z.enum(ROLES, { error: `Rollen ska vara en av: ${ROLES.join(", ")}.` }),
    organisationId: z.number().int().positive().nullable().default(null),
    password: passwordField,
  })
  .superRefine(roleOrganisationRule);
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
    confirmPassword: confirmField,
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

// ---------------------------------------------------------------- user administration (/anvandare)

const roleChoice = z.enum(ROLES, { error: "Välj en roll." });
/** A form's organisation select: "" (none) or an id; the parsed value (null or a number) is valid input again. */
const organisationChoice = z
  .union([z.literal(""), z.null(), z.undefined()])
  .transform(() => null)
  .or(z.coerce.number({ error: "Välj en organisation i listan." }).int("Välj en organisation i listan.").positive("Välj en organisation i listan."));
const idField = z.coerce.number().int().positive();

/** An admin creates an account: no password; the user chooses one from the invitation link. */
export const inviteUserSchema = z
  .object({ name: nameField, email: emailField, role: roleChoice, organisationId: organisationChoice })
  .superRefine(roleOrganisationRule);
export type InviteUserInput = z.input<typeof inviteUserSchema>;
export type InviteUserValues = z.output<typeof inviteUserSchema>;

/** An admin changes an account's name, role and organisation, against the version the form was loaded with. */
export const updateUserSchema = z
  .object({ userId: idField, version: idField, name: nameField, role: roleChoice, organisationId: organisationChoice })
  .superRefine(roleOrganisationRule);
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type UpdateUserValues = z.output<typeof updateUserSchema>;

export const setUserDisabledSchema = z.object({ userId: idField, version: idField, disabled: z.boolean() });
export const userLinkSchema = z.object({ userId: idField });

// ---------------------------------------------------------------- the public password pages


/** /losenord/<token>: the new password twice. The token comes from the address, never typed. */
export const setPasswordSchema = z
  .object({
    token: z.string().max(200).default(""),
    password: passwordField,
    confirmPassword: confirmField,
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword && value.password !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Lösenorden är inte likadana. Skriv det nya lösenordet två gånger." });
    }
  });
export type SetPasswordInput = z.input<typeof setPasswordSchema>;

/** /glomt-losenord: an address; the answer is the same whether it has an account or not. */
export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;
