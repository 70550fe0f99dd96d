import { NotFoundContent } from "@/components/ui/not-found-content";

export default function NotFound() {
  return <NotFoundContent />;
}
