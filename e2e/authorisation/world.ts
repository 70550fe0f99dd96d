import { getApplicationSnapshot } from "@/db/queries/applications";
import { getDecision } from "@/db/queries/decisions";
import { listSitemapEntries } from "@/db/queries/newsroom";
import { getOrganisation, getOrganisationByName } from "@/db/queries/organisations";
import { getRelease } from "@/db/queries/press-releases";
import { getPressTemplateByKey } from "@/db/queries/press-templates";
import { getRound } from "@/db/queries/rounds";
import { makeDecision } from "@/lib/decisions/record";
import { createPreviewLink } from "@/lib/press/releases";
import { ACTOR, createApplication, createOpenRound, createUser, insertRelease, withDb } from "../data";

/*
 * The data the authorisation test makes for itself: organisation A (the owner of the data) and B (another one),
 * a round of a programme of its own with A's application as lead (approved, so it has a letter), an application
 * where A is a co-applicant (no decision yet), one of B's, an unpublished press draft about the round with a preview
 * link, and accounts of its own for every role (so signing them in and out never touches the demo users).
 */

export type Account = { id: number; email: string; password: string };

export type World = {
  code: string;
  programmeId: number;
  roundId: number;
  orgA: { id: number; name: string };
  orgB: { id: number; name: string };
  /** A's own application, approved, with its decision letter. */
  lead: { id: number; registrationNumber: string; projectTitle: string; contactEmail: string };
  /** Led by a third organisation with A as co-applicant; no decision yet. */
  joint: { id: number; registrationNumber: string; projectTitle: string };
  /** B's own application, so B's portal is not empty. */
  ofB: { id: number };
  draft: { id: number; slug: string; headline: string };
  preview: { id: number; token: string };
  template: { id: number; key: string };
  /** A round whose grants list is public (a demo round with a published release) and a published release. */
  publicRoundId: number;
  publicSlug: string;
  accounts: { admin: Account; officer: Account; communications: Account; coordinatorA: Account; coordinatorB: Account; ended: Account };
  /** Text of A's that no one outside A and the staff may see: no response to B or a signed-out visitor holds any. */
  privateMarkers: string[];
  /** Every string the forged calls send: a write of one of them anywhere is a leak. */
  forgedMarker: string;
};

export async function createWorld(): Promise<World> {
  const { roundId, code } = createOpenRound({ budget: 5_000_000 });
  const orgAName = `Behörighet A ${code}`;
  const orgBName = `Behörighet B ${code}`;
  const orgCName = `Behörighet C ${code}`;
  const contactEmail = `kontakt-${code.toLowerCase()}@a.example`;
  const leadTitle = `Hemligt projekt A ${code}`;
  const jointTitle = `Gemensamt projekt A ${code}`;
  const lead = createApplication(roundId, {
    leadOrganisation: { name: orgAName, kind: "annan" },
    projectTitle: leadTitle,
    requestedAmount: 900_000,
    contactName: "Anna Kontakt",
    contactEmail,
  });
  withDb((db) =>
    makeDecision(db, { applicationId: lead.id, outcome: "approved", grantedAmount: 800_000, motivation: "Beviljas.", decidedOn: "2026-11-20" }, ACTOR, { kind: "all" }),
  );
  const joint = createApplication(roundId, {
    leadOrganisation: { name: orgCName, kind: "annan" },
    coApplicants: [{ name: orgAName }],
    projectTitle: jointTitle,
    requestedAmount: 400_000,
  });
  const ofB = createApplication(roundId, { leadOrganisation: { name: orgBName, kind: "annan" }, projectTitle: `B:s projekt ${code}`, requestedAmount: 300_000 });

  const headline = `Opublicerat pressutkast ${code}`;
  const draft = insertRelease(roundId, { status: "draft", publishAt: null, headline });
  const { orgA, orgB, programmeId, template, publicRoundId, publicSlug, preview } = withDb((db) => {
    const a = getOrganisationByName(db, orgAName)!;
    const b = getOrganisationByName(db, orgBName)!;
    const round = getRound(db, roundId)!;
    const tpl = getPressTemplateByKey(db, "round")!;
    const sitemap = listSitemapEntries(db, new Date());
    const { token, link } = createPreviewLink(db, ACTOR, { releaseId: draft.id, label: "Granskare", days: 7 });
    return {
      orgA: { id: a.id, name: a.name },
      orgB: { id: b.id, name: b.name },
      programmeId: round.programmeId,
      template: { id: tpl.id, key: tpl.key },
      publicRoundId: sitemap.rounds[0]!.roundId,
      publicSlug: sitemap.releases[0]!.slug,
      preview: { id: link.id, token },
    };
  });

  const [admin, officer, communications, coordinatorA, coordinatorB, ended] = await Promise.all([
    createUser("admin"),
    createUser("officer"),
    createUser("communications"),
    createUser("coordinator", { organisationId: orgA.id }),
    createUser("coordinator", { organisationId: orgB.id }),
    createUser("officer", { name: `Utloggad ${code}` }),
  ]);

  return {
    code,
    programmeId,
    roundId,
    orgA,
    orgB,
    lead: { id: lead.id, registrationNumber: lead.registrationNumber, projectTitle: leadTitle, contactEmail },
    joint: { id: joint.id, registrationNumber: joint.registrationNumber, projectTitle: jointTitle },
    ofB: { id: ofB.id },
    draft: { id: draft.id, slug: draft.slug, headline },
    preview,
    template,
    publicRoundId,
    publicSlug,
    accounts: { admin: admin!, officer: officer!, communications: communications!, coordinatorA: coordinatorA!, coordinatorB: coordinatorB!, ended: ended! },
    privateMarkers: [leadTitle, lead.registrationNumber, jointTitle, joint.registrationNumber, contactEmail, headline],
    forgedMarker: `Förfalskat ${code}`,
  };
}

/** The versions a well-formed call must name now (each optimistic lock), read when the call is made. */
export function currentVersions(w: World) {
  return withDb((db) => ({
    lead: getApplicationSnapshot(db, w.lead.id)!.version,
    joint: getApplicationSnapshot(db, w.joint.id)!.version,
    leadDecision: getDecision(db, w.lead.id)!.version,
    round: getRound(db, w.roundId)!.version,
    orgA: Math.floor(getOrganisation(db, w.orgA.id)!.updatedAt.getTime() / 1000),
    draft: getRelease(db, w.draft.id)!.version,
    template: getPressTemplateByKey(db, w.template.key)!.version,
  }));
}

/** The contact person of an application as stored now. */
export function applicationContact(applicationId: number): { contactName: string; contactEmail: string; version: number } {
  return withDb((db) => {
    const a = getApplicationSnapshot(db, applicationId)!;
    return { contactName: a.contactName, contactEmail: a.contactEmail, version: a.version };
  });
}
