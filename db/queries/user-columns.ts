import { organisations, users } from "../schema";

/** Who an account is, with its organisation's name (a left join on organisations): what every read of one shows. */
export const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  organisationId: users.organisationId,
  organisationName: organisations.name,
};
