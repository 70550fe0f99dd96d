import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

type Status = "received" | "approved" | "rejected";
const TONES = { received: "neutral", approved: "success", rejected: "danger" } as const;

/** An application's status in words (never colour alone) with a tone that matches it. */
export function ApplicationStatusBadge({ status }: { status: Status }) {
  const t = useTranslations("applicationStatus");
  return <StatusBadge status={status} label={t(status)} />;
}

/** The same badge with its words given: a list translates its three statuses once, not once per row. */
export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return <Badge tone={TONES[status]}>{label}</Badge>;
}
