"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldBinding } from "@/components/ui/field-binding";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { Locale } from "@/lib/i18n/config";
import { subscribeSchema, type SubscribeInput } from "@/lib/press/subscription-schema";
import { subscribeAction } from "./actions";

type Option = { value: string; label: string };

export function SubscribeForm(props: { locale: Locale; topics: Option[]; counties: Option[]; defaults: { topic: SubscribeInput["topic"]; countyCode: string }; days: number }) {
  const t = useTranslations("subscriptions");
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, startTransition] = useTransition();
  const form = useForm<SubscribeInput>({
    resolver: zodResolver(subscribeSchema),
    defaultValues: { email: "", topic: props.defaults.topic, countyCode: props.defaults.countyCode, locale: props.locale },
  });
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = form;
  const bind = fieldBinding(register, errors);

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    setSent(false);
    startTransition(async () => {
      const result = await subscribeAction(values);
      if (result.ok) {
        setSent(true);
        form.reset({ ...values, email: "" });
        return;
      }
      setFormError(result.formError);
      setFocus(applyServerErrors(form.setError, result) ?? "email");
    });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" {...register("locale")} />
      <TextField label={t("email")} type="email" autoComplete="email" required {...bind("email")} />
      <SelectField label={t("topic")} options={props.topics} placeholder={t("allTopics")} {...bind("topic")} />
      <SelectField label={t("county")} hint={t("countyHint")} options={props.counties} placeholder={t("allCounties")} {...bind("countyCode")} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
      <div aria-live="polite">{sent ? <Alert tone="success">{t("sent", { days: props.days })}</Alert> : null}</div>
    </form>
  );
}
