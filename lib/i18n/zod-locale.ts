import { z } from "zod";
import sv from "zod/v4/locales/sv.js";

/*
 * zod's own messages (a schema without a message of its own: a wrong type, an unknown option) in Swedish, as every
 * message the schemas write: the CLI and the import reports are Swedish documents, and the interface translates
 * what it shows (lib/i18n/validation.ts knows these messages too). Imported by lib/validation/fields.ts, which every
 * form schema imports, so the browser and the server configure the same zod the same way.
 */
z.config(sv());
