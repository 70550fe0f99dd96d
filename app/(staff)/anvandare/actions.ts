"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { isMailConfigured } from "@/lib/mail/config";
import { nudgeMailDelivery } from "@/lib/mail/delivery-loop";
import { inviteUser, revokePasswordLinks, sendPasswordLink, setUserDisabled, updateUserAccount } from "@/lib/users/admin";
import type { AdminActor } from "@/lib/users/admin";
import type { IssuedLink } from "@/lib/users/password-links";
import { inviteUserSchema, setUserDisabledSchema, updateUserSchema, userLinkSchema } from "@/lib/users/schema";

const actorOf = (user: { id: number; name: string }): AdminActor => ({ id: user.id, label: user.name });

/** What the admin sees of a new link: the address to pass on, until when it works, and whether it was mailed. */
export type ShownLink = { url: string; purpose: IssuedLink["purpose"]; expiresAt: string; mailed: boolean };

function shown(link: IssuedLink): ShownLink {
  const mailed = isMailConfigured();
  if (mailed) nudgeMailDelivery();
  return { url: link.url, purpose: link.purpose, expiresAt: link.expiresAt.toISOString(), mailed };
}

export const inviteUserAction = authAction({ permission: "user:manage", schema: inviteUserSchema }, (input, user) => {
  const { user: created, link } = inviteUser(getDb(), input, actorOf(user));
  revalidatePath("/anvandare");
  return { ok: true, data: { id: created.id, name: created.name, email: created.email, link: shown(link) } };
});

export const updateUserAction = authAction({ permission: "user:manage", schema: updateUserSchema }, (input, user) => {
  const after = updateUserAccount(getDb(), input, actorOf(user));
  revalidatePath("/anvandare");
  return { ok: true, data: { version: after.version } };
});

export const setUserDisabledAction = authAction({ permission: "user:manage", schema: setUserDisabledSchema }, (input, user) => {
  const after = setUserDisabled(getDb(), input, actorOf(user));
  revalidatePath("/anvandare");
  return { ok: true, data: { disabled: after.disabled, version: after.version } };
});

export const sendPasswordLinkAction = authAction({ permission: "user:manage", schema: userLinkSchema }, (input, user) => {
  const link = sendPasswordLink(getDb(), input, actorOf(user));
  return { ok: true, data: shown(link) };
});

export const revokePasswordLinksAction = authAction({ permission: "user:manage", schema: userLinkSchema }, (input, user) => {
  const revoked = revokePasswordLinks(getDb(), input, actorOf(user));
  return { ok: true, data: { revoked } };
});
