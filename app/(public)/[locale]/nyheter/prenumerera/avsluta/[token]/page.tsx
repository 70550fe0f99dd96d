import type { Metadata } from "next";
import { LinkPage, linkPageMetadata, type LinkPageProps } from "../../link-page";

export const dynamic = "force-dynamic";

export function generateMetadata(props: LinkPageProps): Promise<Metadata> {
  return linkPageMetadata("unsubscribe", props);
}

export default function Page(props: LinkPageProps) {
  return <LinkPage kind="unsubscribe" {...props} />;
}
