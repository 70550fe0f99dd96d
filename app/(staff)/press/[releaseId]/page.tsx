import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getRelease, listComments, listPreviewLinks, listReleaseVersions, snapshotOf } from "@/db/queries/press-releases";
import { getPressTemplate } from "@/db/queries/press-templates";
import { listCounties } from "@/db/queries/reference";
import { countConfirmedSubscriptions, getReleaseMailing } from "@/db/queries/subscriptions";
import { getRound } from "@/db/queries/rounds";
import { ReleaseArticle } from "@/components/press/release-article";
import { ReleaseEditor } from "@/components/press/release-editor";
import { ChangedFactsPanel, CommentForm, PreviewLinks, type ChangedFact } from "@/components/press/release-panels";
import { ReleaseStatusBadge, StaleBadge } from "@/components/press/release-status-badge";
import { ReleaseSteps } from "@/components/press/release-steps";
import { Alert } from "@/components/ui/alert";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser, viewerWith } from "@/lib/auth/session";
import { toStockholmDateTimeInput } from "@/lib/format/date";
import { roundTitle } from "@/lib/i18n/round-title";
import { getUiFormat } from "@/lib/i18n/server";
import { documentOf } from "@/lib/press/document";
import { EXPORT_FORMATS } from "@/lib/press/export";
import type { FactChange } from "@/lib/press/facts";
import { warningsOf } from "@/lib/press/releases";
import { changedFactsOf } from "@/lib/press/stale";
import { EDITABLE_STATUSES, RELEASE_STEP_RULES, stepsFrom } from "@/lib/press/workflow";
import {
  acceptFactsAction,
  commentAction,
  createPreviewLinkAction,
  regenerateReleaseAction,
  releaseStepAction,
  revokePreviewLinkAction,
  saveReleaseAction,
} from "../actions";

type Props = { params: Promise<{ releaseId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PERMISSIONS = ["press:write", "press:review"] as const;

function releaseOf(raw: string) {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? getRelease(getDb(), id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // A visitor the page turns away reads no headline in the tab (lib/auth/session.ts, viewerWith).
  if (!(await viewerWith(PERMISSIONS))) return {};
  const release = releaseOf((await params).releaseId);
  return { title: release?.headline ?? (await getTranslations("press"))("title") };
}

/** "recipients[HJ-2013-0042].amount" reads as its label ("Beviljat belopp"), or as itself when it has none. */
function factLabel(t: Awaited<ReturnType<typeof getTranslations>>, path: string): string {
  const key = `pressFact.${path.replace(/\[.*?\]/g, "")}`;
  const which = /\[(.+?)\]/.exec(path)?.[1];
  return t.has(key) ? `${t(key)}${which ? ` (${which})` : ""}` : path;
}

/** Amounts by their path's last name; anything else as it is. */
function showFact(path: string, value: FactChange["before"], amount: (n: number) => string): string {
  if (value === null) return "–";
  if (typeof value === "number" && /(amount|granted|allocation|granted_total)$/.test(path)) return amount(value);
  return String(value);
}

export default async function ReleasePage({ params, searchParams }: Props) {
  const user = await requireUser(PERMISSIONS);
  const release = releaseOf((await params).releaseId);
  if (!release) notFound();
  const query = await searchParams;
  const db = getDb();
  const t = await getTranslations();
  const f = await getUiFormat();
  const round = getRound(db, release.roundId);
  const template = release.templateId ? getPressTemplate(db, release.templateId) : null;
  const canWrite = hasPermission(user, "press:write");
  const editable = canWrite && EDITABLE_STATUSES.includes(release.status);
  const steps = stepsFrom(release.status).filter((s) => hasPermission(user, RELEASE_STEP_RULES[s].permission));
  const changes: ChangedFact[] = changedFactsOf(db, release).map((c) => ({
    path: c.path,
    label: factLabel(t, c.path),
    before: showFact(c.path, c.before, f.amount),
    after: showFact(c.path, c.after, f.amount),
  }));
  const stale = changes.length > 0 || release.staleAt !== null;
  const versions = listReleaseVersions(db, release.id);
  const comments = listComments(db, release.id);
  const now = requestTime();
  const links = listPreviewLinks(db, release.id).map((l) => ({
    id: l.id,
    label: l.label,
    expires: f.moment(l.expiresAt),
    state: l.revokedAt ? ("revoked" as const) : l.expiresAt.getTime() <= now ? ("expired" as const) : ("active" as const),
  }));
  const nextHour = new Date(Math.ceil((now + 60_000) / 3_600_000) * 3_600_000);
  const canExport = hasPermission(user, "press:export");
  // The newsroom's subscribers get a release once, when it is first public (lib/press/subscriptions.ts).
  const mailing = getReleaseMailing(db, release.id);

  return (
    <>
      <p className="mb-4">
        <Link href="/press" className="text-brand-700 underline">
          {t("press.backToList")}
        </Link>
      </p>
      <PageHeader
        title={release.headline}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ReleaseStatusBadge status={release.status} />
            {stale ? <StaleBadge /> : null}
            <span>
              {round ? roundTitle(t, round) : ""} · {t(`pressTarget.${release.targetKind}`)}
              {template ? ` · ${t("press.fromTemplate", { name: template.name })}` : ""}
            </span>
          </span>
        }
      />
      {single(query.skapad) ? (
        <div className="mb-4">
          <Alert tone="success">{t("press.created")}</Alert>
        </div>
      ) : null}
      {release.publishAt && (release.status === "scheduled" || release.status === "embargoed") ? (
        <div className="mb-4">
          <Alert tone="info">{t(`press.${release.status}Until`, { date: f.moment(release.publishAt) })}</Alert>
        </div>
      ) : null}
      {release.status === "published" ? (
        <div className="mb-4">
          <Alert tone="success">
            {t("press.publishedAt", { date: f.moment(release.publishAt ?? release.updatedAt) })}{" "}
            <a href={`/nyheter/${release.slug}`} className="font-medium underline">
              {t("press.openInNewsroom")}
            </a>
          </Alert>
        </div>
      ) : null}

      {mailing?.mailedAt && mailing.recipients !== null ? (
        <p className="mb-4">{t("subscriptions.mailedTo", { count: mailing.recipients, date: f.moment(mailing.mailedAt) })}</p>
      ) : !mailing?.mailedAt && ["approved", "scheduled", "embargoed"].includes(release.status) ? (
        <p className="mb-4">{t("subscriptions.mailPending", { count: countConfirmedSubscriptions(db) })}</p>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-8">
          {stale ? (
            <section aria-labelledby="facts-heading" className="rounded-md border border-red-700 p-4">
              <h2 id="facts-heading" className="mb-3 text-xl font-semibold">
                {t("press.staleHeading")}
              </h2>
              <ChangedFactsPanel
                releaseId={release.id}
                version={release.version}
                changes={changes}
                canWrite={canWrite && EDITABLE_STATUSES.includes(release.status)}
                accept={acceptFactsAction}
                regenerate={regenerateReleaseAction}
              />
            </section>
          ) : null}
          {editable ? (
            <ReleaseEditor
              key={release.id}
              action={saveReleaseAction}
              status={release.status}
              warnings={warningsOf(release)}
              counties={listCounties(db).map((c) => ({ code: c.code, name: c.name }))}
              defaults={{ releaseId: release.id, version: release.version, ...snapshotOf(release), regionCode: release.regionCode ?? "" }}
            />
          ) : (
            <section aria-labelledby="release-text-heading">
              <h2 id="release-text-heading" className="mb-3 text-xl font-semibold">
                {t("press.textHeading")}
              </h2>
              <ReleaseArticle doc={documentOf(release)} />
            </section>
          )}
        </div>

        <aside className="flex flex-col gap-8">
          <section aria-labelledby="steps-heading">
            <h2 id="steps-heading" className="mb-3 text-xl font-semibold">
              {t("press.stepsHeading")}
            </h2>
            <ReleaseSteps
              key={release.version}
              releaseId={release.id}
              version={release.version}
              steps={steps}
              stale={stale}
              suggestedTime={toStockholmDateTimeInput(nextHour)}
              action={releaseStepAction}
            />
          </section>

          <section aria-labelledby="comments-heading">
            <h2 id="comments-heading" className="mb-3 text-xl font-semibold">
              {t("press.commentsHeading")}
            </h2>
            {comments.length === 0 ? <p className="mb-3 text-slate-700">{t("press.noComments")}</p> : null}
            <ol className="mb-3 flex flex-col gap-2">
              {comments.map((c) => (
                <li key={c.id} className="rounded border border-slate-300 p-2">
                  <p className="text-sm text-slate-700">
                    {c.authorLabel} · {f.moment(c.createdAt)}
                  </p>
                  <p className="whitespace-pre-line">{c.body}</p>
                </li>
              ))}
            </ol>
            <CommentForm releaseId={release.id} action={commentAction} />
          </section>

          {release.status !== "published" ? (
            <section aria-labelledby="preview-heading">
              <h2 id="preview-heading" className="mb-3 text-xl font-semibold">
                {t("press.previewHeading")}
              </h2>
              <PreviewLinks releaseId={release.id} links={links} canWrite={canWrite} create={createPreviewLinkAction} revoke={revokePreviewLinkAction} />
            </section>
          ) : null}

          <section aria-labelledby="versions-heading">
            <h2 id="versions-heading" className="mb-3 text-xl font-semibold">
              {t("press.versionsHeading")}
            </h2>
            <ol className="flex flex-col gap-2">
              {versions.map((v) => (
                <li key={v.version} className="rounded border border-slate-300 p-2">
                  <p>
                    <span className="font-medium">{t("press.versionNumber", { version: v.version })}</span> · {v.savedByLabel} · {f.moment(v.savedAt)}
                  </p>
                  {canExport ? (
                    <p className="flex flex-wrap gap-x-3 text-sm">
                      <span className="sr-only">{t("press.exportVersion", { version: v.version })}</span>
                      {EXPORT_FORMATS.map((format) => (
                        <a
                          key={format}
                          href={`/press/${release.id}/export?format=${format}&version=${v.version}`}
                          className="text-brand-700 underline"
                          aria-label={t("press.exportAs", { format: format.toUpperCase(), version: v.version })}
                        >
                          {format.toUpperCase()}
                        </a>
                      ))}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}

/** The moment the page is rendered (a dynamic page: every request renders it). */
function requestTime(): number {
  return Date.now();
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}
