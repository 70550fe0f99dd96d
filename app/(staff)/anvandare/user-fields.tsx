"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ROLES } from "@/lib/enums";

type Values = { name: string; role: string; organisationId: unknown } & FieldValues;

/** Name, role and organisation: the fields the new-user form and a user's page share. */
export function UserFields<T extends Values>({
  register,
  errors,
  organisations,
  withEmail,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  organisations: readonly { id: number; name: string }[];
  withEmail?: boolean;
}) {
  const t = useTranslations("users");
  const tRoot = useTranslations();
  const message = (name: string) => (errors[name]?.message as string | undefined) ?? undefined;
  return (
    <>
      <TextField label={t("name")} required autoComplete="off" error={message("name")} {...register("name" as Path<T>)} />
      {withEmail ? <TextField label={t("email")} type="email" required autoComplete="off" error={message("email")} {...register("email" as Path<T>)} /> : null}
      <SelectField
        label={t("role")}
        required
        placeholder={t("chooseRole")}
        options={ROLES.map((role) => ({ value: role, label: tRoot(`roles.${role}`) }))}
        error={message("role")}
        {...register("role" as Path<T>)}
      />
      <SelectField
        label={t("organisation")}
        hint={t("organisationHint")}
        placeholder={t("organisationNone")}
        options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        error={message("organisationId")}
        {...register("organisationId" as Path<T>)}
      />
    </>
  );
}
