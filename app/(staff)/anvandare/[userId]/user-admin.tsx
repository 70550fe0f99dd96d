"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionFailure } from "@/lib/actions";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";
import type { PasswordTokenPurpose } from "@/lib/enums";
import { updateUserSchema, type UpdateUserInput, type UpdateUserValues } from "@/lib/users/schema";
import { revokePasswordLinksAction, sendPasswordLinkAction, setUserDisabledAction, updateUserAction, type ShownLink } from "../actions";
import { LinkPanel } from "../link-panel";
import { UserFields } from "../user-fields";

export type AdminUserView = {
  id: number;
  name: string;
  email: string;
  role: UpdateUserInput["role"];
  organisationId: number | null;
  disabled: boolean;
  activated: boolean;
  version: number;
  isSelf: boolean;
  openLinks: { id: number; purpose: PasswordTokenPurpose; createdAt: string; expiresAt: string }[];
};

/**
 * The admin's controls on a user's page: role and organisation, access (disable, enable), and links to set a
 * password. After each change the page is refreshed from the server and the forms start again from the saved row
 * (keyed by its version), while the confirmation stays in the live region above them.
 */
export function UserAdmin({ user, organisations }: { user: AdminUserView; organisations: readonly { id: number; name: string }[] }) {
  const t = useTranslations("users");
  const router = useRouter();
  const [notice, setNotice] = useState("");
  const [link, setLink] = useState<ShownLink | null>(null);
  const done = (message: string) => {
    setNotice(message);
    router.refresh();
  };
  return (
    <div className="flex flex-col gap-10">
      <p role="status" className="font-medium text-green-800 empty:hidden">
        {notice}
      </p>
      {user.isSelf ? <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-4">{t("selfNote")}</p> : null}
      <section aria-labelledby="konto-roll">
        <h2 id="konto-roll" className="mb-2 text-xl font-semibold text-brand-900">
          {t("editHeading")}
        </h2>
        <p className="mb-4 max-w-prose text-slate-700">{t("editIntro")}</p>
        <EditUserForm key={user.version} user={user} organisations={organisations} onSaved={() => done(t("saved"))} onStart={() => setNotice("")} />
      </section>
      <AccessSection key={`access-${user.version}`} user={user} onDone={done} onStart={() => setNotice("")} />
      <LinksSection user={user} link={link} setLink={setLink} onDone={done} onStart={() => setNotice("")} />
    </div>
  );
}

function EditUserForm({
  user,
  organisations,
  onSaved,
  onStart,
}: {
  user: AdminUserView;
  organisations: readonly { id: number; name: string }[];
  onSaved: () => void;
  onStart: () => void;
}) {
  const t = useTranslations("users");
  const form = useForm<UpdateUserInput, unknown, UpdateUserValues>({
    resolver: zodResolver(updateUserSchema),
    defaultValues: { userId: user.id, version: user.version, name: user.name, role: user.role, organisationId: user.organisationId === null ? "" : String(user.organisationId) },
  });
  const { onSubmit, failure, pending } = useActionSubmit(form, updateUserAction, onSaved);
  return (
    <form method="post"
      onSubmit={(event) => {
        onStart();
        void onSubmit(event);
      }}
      noValidate
      className="flex max-w-2xl flex-col gap-5"
    >
      <FailureAlert failure={failure} reload={{ href: `/anvandare/${user.id}`, label: t("reload") }} />
      <input type="hidden" {...form.register("userId")} />
      <input type="hidden" {...form.register("version")} />
      <UserFields register={form.register} errors={form.formState.errors} organisations={organisations} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}

/** Runs one server action from a button, with its refusal shown beside it. */
function useButtonAction() {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const run = <T,>(action: () => Promise<{ ok: true; data: T } | ActionFailure>, onOk: (data: T) => void) => {
    setFailure(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) onOk(result.data);
      else setFailure(result);
    });
  };
  return { failure, pending, run };
}

function AccessSection({ user, onDone, onStart }: { user: AdminUserView; onDone: (message: string) => void; onStart: () => void }) {
  const t = useTranslations("users");
  const { failure, pending, run } = useButtonAction();
  return (
    <section aria-labelledby="konto-tillgang" className="flex max-w-2xl flex-col gap-3">
      <h2 id="konto-tillgang" className="text-xl font-semibold text-brand-900">
        {t("accessHeading")}
      </h2>
      <FailureAlert failure={failure} reload={{ href: `/anvandare/${user.id}`, label: t("reload") }} />
      <p>{user.disabled ? t("disabledNote") : t("enabledNote")}</p>
      {user.isSelf && !user.disabled ? null : (
        <div>
          <Button
            variant={user.disabled ? "primary" : "danger"}
            disabled={pending}
            onClick={() => {
              onStart();
              run(
                () => setUserDisabledAction({ userId: user.id, version: user.version, disabled: !user.disabled }),
                (data) => onDone(data.disabled ? t("disabledDone") : t("enabledDone")),
              );
            }}
          >
            {user.disabled ? t("enable") : t("disable")}
          </Button>
        </div>
      )}
    </section>
  );
}

function LinksSection({
  user,
  link,
  setLink,
  onDone,
  onStart,
}: {
  user: AdminUserView;
  link: ShownLink | null;
  setLink: (link: ShownLink | null) => void;
  onDone: (message: string) => void;
  onStart: () => void;
}) {
  const t = useTranslations("users");
  const f = uiFormat(toLocale(useLocale()));
  const { failure, pending, run } = useButtonAction();
  return (
    <section aria-labelledby="konto-lankar" className="flex max-w-2xl flex-col gap-4">
      <h2 id="konto-lankar" className="text-xl font-semibold text-brand-900">
        {t("linksHeading")}
      </h2>
      <p className="max-w-prose text-slate-700">{t("linksIntro")}</p>
      <FailureAlert failure={failure} />
      {user.openLinks.length > 0 ? (
        <Table caption={t("openLinksCaption")}>
          <thead>
            <tr>
              <Th>{t("linkPurpose")}</Th>
              <Th>{t("linkCreated")}</Th>
              <Th>{t("linkExpires")}</Th>
            </tr>
          </thead>
          <tbody>
            {user.openLinks.map((l) => (
              <tr key={l.id}>
                <Td label={t("linkPurpose")}>{t(`purpose.${l.purpose}`)}</Td>
                <Td label={t("linkCreated")}>{f.moment(new Date(l.createdAt))}</Td>
                <Td label={t("linkExpires")}>{f.moment(new Date(l.expiresAt))}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>{t("noOpenLinks")}</p>
      )}
      {user.disabled ? (
        <p>{t("linkDisabled")}</p>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => {
              onStart();
              setLink(null);
              run(() => sendPasswordLinkAction({ userId: user.id }), (data) => {
                setLink(data);
                onDone("");
              });
            }}
          >
            {pending ? t("sending") : user.activated ? t("sendReset") : t("sendInvitation")}
          </Button>
          {user.openLinks.length > 0 ? (
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => {
                onStart();
                setLink(null);
                run(() => revokePasswordLinksAction({ userId: user.id }), (data) => onDone(t("revoked", { count: data.revoked })));
              }}
            >
              {t("revoke")}
            </Button>
          ) : null}
        </div>
      )}
      {link ? <LinkPanel link={link} name={user.name} email={user.email} /> : null}
    </section>
  );
}
