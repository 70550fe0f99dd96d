import type { Db } from "@/db/client";
import { createUser, getUserByEmail } from "@/db/queries/users";
import { inWriteTransaction } from "@/db/transaction";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { passwordPolicyProblem } from "@/lib/auth/password-policy";
import { DomainError } from "@/lib/errors";
import { createUserSchema } from "./schema";

const EMAIL_TAKEN = "Det finns redan ett konto med den e-postadressen.";

/**
 * Creates an account with a hashed password; the password itself is never stored nor logged. Takes raw input (a
 * form, the CLI) and validates it here, whatever the caller checked.
 */
export async function createUserAccount(db: Db, input: unknown, actor: AuditActor) {
  const data = createUserSchema.parse(input);
  const problem = passwordPolicyProblem(data.password);
  if (problem) throw new DomainError(problem, { password: [problem] }, "invalid");
  // Hashing takes a while and a transaction must not await: hash first, then check and insert under the write lock.
  const passwordHash = await hashPassword(data.password);
  return inWriteTransaction(db, (tx) => {
    if (getUserByEmail(tx, data.email)) throw new DomainError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] }, "duplicate_email");
    const user = createUser(tx, {
      email: data.email,
      name: data.name,
      role: data.role,
      organisationId: data.organisationId,
      passwordHash,
    });
    const { passwordHash: _hash, ...visible } = user;
    writeAudit(tx, { actor, action: "user.create", entityType: "user", entityId: user.id, after: visible });
    return visible;
  });
}

export { changeOwnPassword, type ChangePasswordResult } from "./password";
