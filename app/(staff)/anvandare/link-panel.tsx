"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";
import type { ShownLink } from "./actions";

/**
 * A new link to set a password, shown to the admin once: the address (selectable, with a copy button), until when
 * it works, and whether it was mailed or must be passed on by hand (no SMTP configured).
 */
export function LinkPanel({ link, name, email }: { link: ShownLink; name: string; email: string }) {
  const t = useTranslations("users");
  const f = uiFormat(toLocale(useLocale()));
  const id = useId();
  const [copied, setCopied] = useState("");
  return (
    <div className="flex flex-col gap-3 rounded-md border border-brand-600 bg-brand-50 p-4">
      <label htmlFor={id} className="font-semibold">
        {link.purpose === "invitation" ? t("invitationLink") : t("resetLink")}
      </label>
      <input
        id={id}
        readOnly
        value={link.url}
        onFocus={(event) => event.currentTarget.select()}
        aria-describedby={`${id}-valid ${id}-mail`}
        className="min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 font-mono text-sm"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(link.url).then(() => setCopied(t("copied")));
          }}
        >
          {t("copy")}
        </Button>
        <span role="status" className="text-sm font-medium text-green-800">
          {copied}
        </span>
      </div>
      <p id={`${id}-valid`}>{t("linkValidUntil", { date: f.moment(new Date(link.expiresAt)) })}</p>
      <p id={`${id}-mail`} className="font-medium">
        {link.mailed ? t("mailSent", { email }) : t("mailNotConfigured", { name })}
      </p>
    </div>
  );
}
