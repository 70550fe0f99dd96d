import type { ReactNode } from "react";

type Tone = "neutral" | "success" | "danger" | "info";
const TONES: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-800 border-slate-400",
  success: "bg-green-50 text-green-900 border-green-700",
  danger: "bg-red-50 text-red-900 border-red-700",
  info: "bg-brand-50 text-brand-900 border-brand-600",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold ${TONES[tone]}`}>{children}</span>;
}
