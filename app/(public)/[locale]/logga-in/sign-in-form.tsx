"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldBinding } from "@/components/ui/field-binding";
import { TextField } from "@/components/ui/text-field";
import { makeSignInSchema, type SignInInput, type SignInMessages } from "@/lib/auth/schema";
import type { Locale } from "@/lib/i18n/config";
import { signInAction, signInFormAction } from "./actions";

export function SignInForm({ locale }: { locale: Locale }) {
  const t = useTranslations("signIn");
  const schema = useMemo(() => makeSignInSchema(t.raw("errors") as SignInMessages), [t]);
  const [formError, setFormError] = useState<string | null>(null);
  // Without JavaScript the form posts to signInFormAction and the page comes back with its answer.
  const [noScriptResult, noScriptAction] = useActionState(signInFormAction, null);
  const [pending, startTransition] = useTransition();
  const form = useForm<SignInInput>({ resolver: zodResolver(schema), defaultValues: { email: "", password: "" } });
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = form;
  const bind = fieldBinding(register, errors);

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    // The page is static, so where to go afterwards is read here, from the address bar; the server checks it.
    const callbackUrl = new URLSearchParams(window.location.search).get("callbackUrl") ?? undefined;
    startTransition(async () => {
      const result = await signInAction({ email: values.email, password: values.password, callbackUrl, locale });
      // Reached only on failure: success redirects.
      setFormError(result.formError);
      setFocus(applyServerErrors(form.setError, result) ?? "password");
    });
  });

  return (
    <form action={noScriptAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {(formError ?? noScriptResult?.formError) ? <Alert tone="error">{formError ?? noScriptResult?.formError}</Alert> : null}
      <input type="hidden" name="locale" value={locale} />
      <TextField label={t("email")} type="email" autoComplete="username" required {...bind("email")} />
      <TextField label={t("password")} type="password" autoComplete="current-password" required {...bind("password")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
