import account from "./account.json";
import applications from "./applications.json";
import auditTrail from "./audit-trail.json";
import common from "./common.json";
import decisions from "./decisions.json";
import importMessages from "./import.json";
import letters from "./letters.json";
import meeting from "./meeting.json";
import merge from "./merge.json";
import newsroom from "./newsroom.json";
import organisations from "./organisations.json";
import personalData from "./personal-data.json";
import passwordLink from "./password-link.json";
import portal from "./portal.json";
import pressChecks from "./press-checks.json";
import pressTemplates from "./press-templates.json";
import press from "./press.json";
import refusals from "./refusals.json";
import roundAdmin from "./round-admin.json";
import session from "./session.json";
import rounds from "./rounds.json";
import statistics from "./statistics.json";
import subscriptions from "./subscriptions.json";
import terms from "./terms.json";
import users from "./users.json";
import validation from "./validation.json";

// One file per area, so features can be worked on side by side; each file holds its own top-level namespaces,
// which must not overlap.
const messages = {
  ...account,
  ...applications,
  ...auditTrail,
  ...common,
  ...decisions,
  ...importMessages,
  ...letters,
  ...meeting,
  ...merge,
  ...newsroom,
  ...organisations,
  ...personalData,
  ...passwordLink,
  ...portal,
  ...pressChecks,
  ...pressTemplates,
  ...press,
  ...refusals,
  ...roundAdmin,
  ...session,
  ...rounds,
  ...statistics,
  ...subscriptions,
  ...terms,
  ...users,
  ...validation,
};
export default messages;
