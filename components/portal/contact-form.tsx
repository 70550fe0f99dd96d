"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/actions";
import { updateContactSchema, type UpdateContactInput, type UpdateContactValues } from "@/lib/applications/contact-schema";

export type ContactSavedData = { version: number };

/**
 * The coordinator's form for an application's contact person, and nothing else. The server action comes as a prop
 * (as DecisionPanel's do); it checks the permission and the scope again, whatever this form sends.
 */
export function ContactForm({
  defaultValues,
  action,
}: {
  defaultValues: UpdateContactInput;
  action: (input: UpdateContactValues) => Promise<ActionResult<ContactSavedData>>;
}) {
  const t = useTranslations("portal");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<UpdateContactInput, unknown, UpdateContactValues>({ resolver: zodResolver(updateContactSchema), defaultValues });
  const {
    register,
    getValues,
    formState: { errors },
  } = form;
  const { onSubmit, failure, pending } = useActionSubmit(form, action, (data) => {
    // The next save is made against the version just written.
    form.reset({ ...getValues(), version: data.version });
    setSaved(true);
    router.refresh();
  });

  return (
    <form method="post"
      onSubmit={(event) => {
        setSaved(false);
        void onSubmit(event);
      }}
      noValidate
      className="flex max-w-2xl flex-col gap-5"
    >
      <FailureAlert failure={failure} reload={{ href: `/ansokningar/${String(defaultValues.applicationId)}`, label: t("reload") }} />
      <input type="hidden" {...register("applicationId")} />
      <input type="hidden" {...register("version")} />
      <TextField label={t("contactName")} required autoComplete="name" error={errors.contactName?.message} {...register("contactName")} />
      <TextField label={t("contactTitle")} autoComplete="organization-title" error={errors.contactTitle?.message} {...register("contactTitle")} />
      <TextField label={t("contactPhone")} type="tel" autoComplete="tel" error={errors.contactPhone?.message} {...register("contactPhone")} />
      <TextField label={t("contactEmail")} type="email" autoComplete="email" error={errors.contactEmail?.message} {...register("contactEmail")} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("contactSaving") : t("contactSave")}
        </Button>
        {/* On the page before its text, so the confirmation is announced when it arrives. */}
        <p role="status" className={saved ? "font-medium text-green-900" : undefined}>
          {saved ? t("contactSaved") : ""}
        </p>
      </div>
    </form>
  );
}
