import { z } from "zod";

/*
 * zod 4 compiles its object parsers with `new Function` unless told not to, and probes for it with `Function("")`
 * the first time: the content security policy forbids both ('unsafe-eval' is not allowed, ADR 0011), so the browser
 * reported a violation on every page with a form. Imported by every schema module (through lib/validation/fields.ts,
 * and by lib/auth/schema.ts), so the browser and the server parse the same way, without generated code.
 */
z.config({ jitless: true });
