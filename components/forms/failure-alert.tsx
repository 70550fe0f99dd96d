import type { ActionFailure } from "@/lib/actions";
import { Alert } from "@/components/ui/alert";

/**
 * A refused save. When someone else saved first ("conflict"), it offers a full reload, so the form starts again
 * from the saved row and its new version.
 */
export function FailureAlert({ failure, reload }: { failure: ActionFailure | null; reload?: { href: string; label: string } }) {
  if (!failure) return null;
  return (
    <Alert tone="error">
      {failure.formError}
      {failure.code === "conflict" && reload ? (
        <>
          {" "}
          <a href={reload.href} className="font-medium underline">
            {reload.label}
          </a>
        </>
      ) : null}
    </Alert>
  );
}
