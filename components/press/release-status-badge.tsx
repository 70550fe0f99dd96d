import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ReleaseStatus } from "@/lib/enums";

const TONE: Record<ReleaseStatus, "neutral" | "success" | "danger" | "info"> = {
  draft: "neutral",
  review: "info",
  approved: "info",
  scheduled: "info",
  embargoed: "info",
  published: "success",
};

export function ReleaseStatusBadge({ status }: { status: ReleaseStatus }) {
  const t = useTranslations("pressStatus");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}

export function StaleBadge() {
  const t = useTranslations("press");
  return <Badge tone="danger">{t("staleBadge")}</Badge>;
}
