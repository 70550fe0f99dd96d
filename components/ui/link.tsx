// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one place that wraps next/link
import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The link every page uses. Next prefetches a link when it comes into view; Anslag's staff pages are dynamic and have
 * no loading boundary, so such a prefetch brings back a few hundred bytes and no data, yet costs the server a session
 * check and a render of the route tree. A round's page with its list of applications sent 25 of them per visit. So a
 * link prefetches only when it asks to (`prefetch`), and navigation is as fast as before: the page is rendered on
 * the click either way.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
