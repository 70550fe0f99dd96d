import { z } from "zod";
import { emailField } from "@/lib/validation/fields";

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Ange ditt lösenord.").max(200, "Lösenordet är för långt."),
  callbackUrl: z.string().optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;
