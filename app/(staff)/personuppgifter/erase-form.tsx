"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { FailureAlert } from "@/components/forms/failure-alert";
import { Button } from "@/components/ui/button";
import type { ActionFailure } from "@/lib/actions";
import { erasePersonalDataAction } from "./actions";

/** "Radera" with its confirmation box: sends the counts the page showed, so a change since then is refused. */
export function EraseForm({ term, userCount, contactCount }: { term: string; userCount: number; contactCount: number }) {
  const t = useTranslations("personalData");
  const router = useRouter();
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function erase(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    startTransition(async () => {
      const result = await erasePersonalDataAction({ term, userCount, contactCount, confirmed: confirmed as true });
      if (result.ok) {
        const query = new URLSearchParams({ sok: term, raderad: `${result.data.users}-${result.data.contacts}-${result.data.events}` });
        router.push(`/personuppgifter?${query.toString()}`);
      } else setFailure(result);
    });
  }

  return (
    <form method="post" onSubmit={erase} className="flex flex-col gap-4">
      <FailureAlert failure={failure} reload={{ href: `/personuppgifter?sok=${encodeURIComponent(term)}`, label: t("reload") }} />
      <div className="flex items-start gap-3">
        <input id={id} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} className="mt-1 size-5" />
        <label htmlFor={id}>{t("eraseConfirm")}</label>
      </div>
      <div>
        <Button type="submit" variant="danger" disabled={pending || !confirmed}>
          {pending ? t("erasing") : t("erase")}
        </Button>
      </div>
    </form>
  );
}
