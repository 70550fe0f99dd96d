"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { fieldBinding } from "@/components/ui/field-binding";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_SET_PARAM } from "@/lib/auth/sign-in-params";
import type { Locale } from "@/lib/i18n/config";
import { setPasswordSchema, type SetPasswordInput } from "@/lib/users/schema";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token, email, locale }: { token: string; email: string; locale: Locale }) {
  const t = useTranslations("passwordLink");
  const router = useRouter();
  const form = useForm<SetPasswordInput>({ resolver: zodResolver(setPasswordSchema), defaultValues: { token, password: "", confirmPassword: "" } });
  const bind = fieldBinding(form.register, form.formState.errors);
  const { onSubmit, failure, pending } = useActionSubmit(
    form,
    (values) => setPasswordAction({ token, password: values.password, confirmPassword: values.confirmPassword, locale }),
    () => router.push(`${locale === "sv" ? "" : `/${locale}`}/logga-in?${PASSWORD_SET_PARAM}=1`),
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FailureAlert failure={failure} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label={t("password")} hint={t("passwordHint")} type="password" autoComplete="new-password" required {...bind("password")} />
      <TextField label={t("confirmPassword")} type="password" autoComplete="new-password" required {...bind("confirmPassword")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
