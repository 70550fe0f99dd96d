import { z } from "zod";
import { textField } from "@/lib/validation/fields";
import { applicationFieldsSchema } from "./schema";

/*
 * The contact person of an application: the one thing a coordinator may change. The fields are the application
 * form's own (textField, phoneField, optionalEmailField), so the same input gets the same Swedish message at the
 * field on either form.
 */
export const updateContactSchema = applicationFieldsSchema
  .pick({ contactName: true, contactTitle: true, contactPhone: true, contactEmail: true })
  .extend({
    // The application form may leave the contact person out (an officer registers what came in); a coordinator who
    // changes it names someone who can be reached.
    contactName: textField({ max: 200, required: "Ange kontaktpersonens namn.", maxMessage: "Namnet får ha högst 200 tecken." }),
    applicationId: z.coerce.number().int().positive(),
    /** The version the coordinator saw: a save against a newer one is refused, never silently merged. */
    version: z.coerce.number().int().positive(),
  })
  .refine((value) => value.contactEmail !== "" || value.contactPhone !== "", {
    path: ["contactEmail"],
    message: "Ange e-post eller telefon så att kontaktpersonen går att nå.",
  });
export type UpdateContactInput = z.input<typeof updateContactSchema>;
export type UpdateContactValues = z.output<typeof updateContactSchema>;
