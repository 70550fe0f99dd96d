import "server-only";
import { getLocale } from "next-intl/server";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "./config";

/** The visitor's language and its formatters, for a server component: `const f = await getUiFormat()`. */
export async function getUiFormat(): Promise<ReturnType<typeof uiFormat>> {
  return uiFormat(toLocale(await getLocale()));
}
