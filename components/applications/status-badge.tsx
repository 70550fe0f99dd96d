import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

type Status = "received" | "approved" | "rejected";
const TONES = { received: "neutral", approved: "success", rejected: "danger" } as const;

/** An application's status in words (never colour alone) with a tone that matches it. */
export function ApplicationStatusBadge({ status }: { status: Status }) {
  const t = useTranslations("applicationStatus");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
