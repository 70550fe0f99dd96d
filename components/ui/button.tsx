import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "link";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 border border-brand-700",
  secondary: "bg-white text-brand-800 border border-brand-700 hover:bg-brand-50",
  danger: "bg-red-700 text-white hover:bg-red-800 border border-red-700",
  link: "text-brand-700 underline underline-offset-2 hover:text-brand-900 px-0 py-0",
};

export function buttonClasses(variant: Variant = "primary", extra = ""): string {
  const base =
    variant === "link"
      ? "inline-flex items-center font-medium"
      : "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 font-medium min-h-11 disabled:opacity-60 disabled:cursor-not-allowed";
  return `${base} ${VARIANTS[variant]} ${extra}`.trim();
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}
