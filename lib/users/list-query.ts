import type { UserListFilter } from "@/db/queries/users";
import { ROLES, type Role } from "@/lib/enums";

/*
 * The user list's filters as a GET form writes them (/anvandare?sok=…&roll=…&organisation=…&status=…&sida=…).
 * Anything unreadable is ignored, never an error: a hand-edited address shows the unfiltered list.
 */

export type UserListQuery = { sok?: string; roll?: Role; organisation?: number; status?: "aktiva" | "avstangda"; sida?: number };

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseUserListQuery(params: Params): UserListQuery {
  const query: UserListQuery = {};
  const sok = first(params.sok)?.trim().slice(0, 200);
  if (sok) query.sok = sok;
  const roll = first(params.roll);
  if (roll && (ROLES as readonly string[]).includes(roll)) query.roll = roll as Role;
  const organisation = Number(first(params.organisation));
  if (Number.isInteger(organisation) && organisation > 0) query.organisation = organisation;
  const status = first(params.status);
  if (status === "aktiva" || status === "avstangda") query.status = status;
  const sida = Number(first(params.sida));
  if (Number.isInteger(sida) && sida > 1) query.sida = sida;
  return query;
}

export function userListFilter(query: UserListQuery): UserListFilter {
  return {
    search: query.sok,
    role: query.roll,
    organisationId: query.organisation,
    disabled: query.status === undefined ? undefined : query.status === "avstangda",
  };
}

export function userListSearch(query: UserListQuery, page?: number): string {
  const params = new URLSearchParams();
  if (query.sok) params.set("sok", query.sok);
  if (query.roll) params.set("roll", query.roll);
  if (query.organisation) params.set("organisation", String(query.organisation));
  if (query.status) params.set("status", query.status);
  if (page && page > 1) params.set("sida", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
