/** Where to go after signing in: only a path on this site, never another host ("//evil.example", "https://…"). */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/logga-in")) return "/";
  return value;
}
