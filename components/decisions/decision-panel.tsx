"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import type { ChangeDecisionFormInput, RecordDecisionFormInput, WithdrawDecisionFormInput } from "@/lib/decisions/schema";
import { DecisionForm, type CurrentDecision, type DecisionSavedData } from "./decision-form";
import { WithdrawDecisionForm } from "./withdraw-decision-form";

type Props = {
  applicationId: number;
  requestedAmount: number;
  decision: CurrentDecision | null;
  roundStatus: "planned" | "open" | "closed" | "decided";
  /** The round's budget minus everything granted in it, this application's grant included. */
  budgetLeft: number;
  /** Today in Stockholm (YYYY-MM-DD), from the server so the default date does not depend on the browser's clock. */
  today: string;
  recordAction: (values: RecordDecisionFormInput) => Promise<ActionResult<DecisionSavedData>>;
  changeAction: (values: ChangeDecisionFormInput) => Promise<ActionResult<DecisionSavedData>>;
  withdrawAction: (values: WithdrawDecisionFormInput) => Promise<ActionResult<undefined>>;
};

/**
 * What an officer can do with an application's decision: make one, change it (with a reason) or withdraw it. The
 * current decision itself is shown by the page above this panel, the same way for everyone.
 */
export function DecisionPanel({ applicationId, requestedAmount, decision, roundStatus, budgetLeft, today, recordAction, changeAction, withdrawAction }: Props) {
  const t = useTranslations("decision");
  const [open, setOpen] = useState<"change" | "withdraw" | null>(null);
  const [confirmation, setConfirmation] = useState<{ text: string; n: number } | null>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const withdrawRef = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState<"change" | "withdraw" | null>(null);

  // The form the officer used is gone once saved: the confirmation takes focus, so it is both read out and seen.
  useEffect(() => {
    if (confirmation) confirmationRef.current?.focus();
  }, [confirmation]);
  useEffect(() => {
    if (returnFocus === "change") changeRef.current?.focus();
    if (returnFocus === "withdraw") withdrawRef.current?.focus();
  }, [returnFocus]);

  const done = (text: string) => {
    setOpen(null);
    setConfirmation((previous) => ({ text, n: (previous?.n ?? 0) + 1 }));
  };
  const cancel = () => {
    setReturnFocus(open);
    setOpen(null);
  };
  const start = (which: "change" | "withdraw") => {
    setConfirmation(null);
    setReturnFocus(null);
    setOpen(which);
  };

  let body: React.ReactNode;
  if (roundStatus === "planned" || roundStatus === "decided") {
    body = <p>{t(roundStatus === "planned" ? "roundPlanned" : "roundDecided")}</p>;
  } else if (!decision || open === "change") {
    const shared = { applicationId, requestedAmount, budgetLeft, today, onSaved: done };
    body = decision ? (
      // A decision changed meanwhile (by this officer, in another tab) starts the form afresh from the new one.
      <DecisionForm key={`change-${decision.version}`} mode="change" decision={decision} action={changeAction} onCancel={cancel} {...shared} />
    ) : (
      <DecisionForm key="create" mode="create" decision={null} action={recordAction} {...shared} />
    );
  } else if (open === "withdraw") {
    body = (
      <WithdrawDecisionForm
        key={`withdraw-${decision.version}`}
        applicationId={applicationId}
        version={decision.version}
        action={withdrawAction}
        onSaved={done}
        onCancel={cancel}
      />
    );
  } else {
    body = (
      <div className="flex flex-wrap gap-3">
        <button type="button" ref={changeRef} className={buttonClasses("secondary")} onClick={() => start("change")}>
          {t("change")}
        </button>
        <button type="button" ref={withdrawRef} className={buttonClasses("danger")} onClick={() => start("withdraw")}>
          {t("withdraw")}
        </button>
      </div>
    );
  }

  return (
    <div className="mt-6 flex flex-col gap-4">
      {confirmation ? (
        <div ref={confirmationRef} tabIndex={-1} key={confirmation.n}>
          <Alert tone="success">{confirmation.text}</Alert>
        </div>
      ) : null}
      {body}
    </div>
  );
}
