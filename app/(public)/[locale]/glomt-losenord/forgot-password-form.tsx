"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { fieldBinding } from "@/components/ui/field-binding";
import { TextField } from "@/components/ui/text-field";
import type { Locale } from "@/lib/i18n/config";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/users/schema";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm({ locale }: { locale: Locale }) {
  const t = useTranslations("passwordLink");
  // The answer's live region is on the page from the start, so the answer is announced when it comes.
  const [answer, setAnswer] = useState("");
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const bind = fieldBinding(form.register, form.formState.errors);
  const { onSubmit, failure, pending } = useActionSubmit(
    form,
    (values) => forgotPasswordAction({ email: values.email, locale }),
    (data) => setAnswer(data.message),
  );
  return (
    <form method="post"
      onSubmit={(event) => {
        setAnswer("");
        void onSubmit(event);
      }}
      noValidate
      className="flex flex-col gap-4"
    >
      <FailureAlert failure={failure} />
      <TextField label={t("email")} type="email" autoComplete="username" required {...bind("email")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("sending") : t("send")}
        </Button>
      </div>
      <div role="status">{answer ? <p className="rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900">{answer}</p> : null}</div>
    </form>
  );
}
