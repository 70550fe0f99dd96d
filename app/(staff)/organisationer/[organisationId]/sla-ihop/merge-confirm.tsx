"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FailureAlert } from "@/components/forms/failure-alert";
import { Button } from "@/components/ui/button";
import type { ActionFailure } from "@/lib/actions";
import type { MergeOrganisationsInput } from "@/lib/organisations/merge-schema";
import { mergeOrganisationsAction } from "../../actions";

/** The confirm button of a merge preview: sends what the preview showed, so a change since then is refused. */
export function MergeConfirm({ input, duplicateName, reloadHref }: { input: MergeOrganisationsInput; duplicateName: string; reloadHref: string }) {
  const t = useTranslations("merge");
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    setFailure(null);
    startTransition(async () => {
      const result = await mergeOrganisationsAction(input);
      if (result.ok) router.push(`/organisationer?sammanslagen=${result.data.id}`);
      else setFailure(result);
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <FailureAlert failure={failure} reload={{ href: reloadHref, label: t("reload") }} />
      <div>
        <Button variant="danger" onClick={confirm} disabled={pending}>
          {pending ? t("merging") : t("confirm", { name: duplicateName })}
        </Button>
      </div>
    </div>
  );
}
