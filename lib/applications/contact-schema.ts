import { z } from "zod";
import { applicationFieldsSchema } from "./schema";

/*
 * The contact person of an application: the one thing a coordinator may change. The fields are the application
 * form's own (textField, phoneField, optionalEmailField), so the same input gets the same Swedish message at the
 * field on either form.
 */
export const updateContactSchema = applicationFieldsSchema
  .pick({ contactName: true, contactTitle: true, contactPhone: true, contactEmail: true })
  .extend({
    applicationId: z.coerce.number().int().positive(),
    /** The version the coordinator saw: a save against a newer one is refused, never silently merged. */
    version: z.coerce.number().int().positive(),
  });
export type UpdateContactInput = z.input<typeof updateContactSchema>;
export type UpdateContactValues = z.output<typeof updateContactSchema>;
