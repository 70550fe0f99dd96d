"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button, buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { inviteUserSchema, type InviteUserInput, type InviteUserValues } from "@/lib/users/schema";
import { inviteUserAction, type ShownLink } from "../actions";
import { LinkPanel } from "../link-panel";
import { UserFields } from "../user-fields";

const EMPTY: InviteUserInput = { name: "", email: "", role: "" as InviteUserInput["role"], organisationId: "" };

export function NewUserForm({ organisations }: { organisations: readonly { id: number; name: string }[] }) {
  const t = useTranslations("users");
  const [created, setCreated] = useState<{ id: number; name: string; email: string; link: ShownLink } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<InviteUserInput, unknown, InviteUserValues>({ resolver: zodResolver(inviteUserSchema), defaultValues: EMPTY });
  const { onSubmit, failure, pending } = useActionSubmit(form, inviteUserAction, (data) => setCreated(data));
  useEffect(() => {
    if (created) heading.current?.focus();
  }, [created]);

  if (created) {
    return (
      <section aria-labelledby="skapad" className="flex max-w-2xl flex-col gap-4">
        <h2 id="skapad" ref={heading} tabIndex={-1} className="text-xl font-semibold text-brand-900">
          {t("created", { name: created.name })}
        </h2>
        <LinkPanel link={created.link} name={created.name} email={created.email} />
        <div className="flex flex-wrap gap-4">
          <Link href={`/anvandare/${created.id}`} className={buttonClasses("primary")}>
            {t("toUser")}
          </Link>
          <button
            type="button"
            className={buttonClasses("link")}
            onClick={() => {
              form.reset(EMPTY);
              setCreated(null);
            }}
          >
            {t("another")}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <FailureAlert failure={failure} />
      <p className="text-sm text-slate-700">{t("requiredNote")}</p>
      <UserFields register={form.register} errors={form.formState.errors} organisations={organisations} withEmail />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
        <Link href="/anvandare" className={buttonClasses("link")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
