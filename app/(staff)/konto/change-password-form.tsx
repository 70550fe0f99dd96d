"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { fieldBinding } from "@/components/ui/field-binding";
import { TextField } from "@/components/ui/text-field";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/users/schema";
import { changePasswordAction } from "./actions";

const EMPTY: ChangePasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const router = useRouter();
  // The confirmation is in a live region that is on the page from the start, so its text is announced when it comes.
  const [done, setDone] = useState<string>("");
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });
  const bind = fieldBinding(form.register, form.formState.errors);
  const { onSubmit, failure, pending } = useActionSubmit(form, changePasswordAction, (data) => {
    form.reset(EMPTY);
    setDone(data.otherSessionsEnded > 0 ? t("changedOthers", { count: data.otherSessionsEnded }) : t("changed"));
    router.refresh();
  });

  return (
    <form method="post"
      onSubmit={(event) => {
        setDone("");
        void onSubmit(event);
      }}
      noValidate
      className="flex max-w-md flex-col gap-5"
    >
      <FailureAlert failure={failure} />
      <TextField label={t("currentPassword")} type="password" autoComplete="current-password" required {...bind("currentPassword")} />
      <TextField label={t("newPassword")} hint={t("newPasswordHint")} type="password" autoComplete="new-password" required {...bind("newPassword")} />
      <TextField label={t("confirmPassword")} type="password" autoComplete="new-password" required {...bind("confirmPassword")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
      <p role="status" className="font-medium text-green-800">
        {done}
      </p>
    </form>
  );
}
