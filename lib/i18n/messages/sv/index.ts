import applications from "./applications.json";
import common from "./common.json";
import decisions from "./decisions.json";
import importMessages from "./import.json";
import letters from "./letters.json";
import meeting from "./meeting.json";
import organisations from "./organisations.json";
import pressTemplates from "./press-templates.json";
import refusals from "./refusals.json";
import roundAdmin from "./round-admin.json";
import rounds from "./rounds.json";
import statistics from "./statistics.json";
import terms from "./terms.json";
import validation from "./validation.json";

// One file per area, so features can be worked on side by side; each file holds its own top-level namespaces,
// which must not overlap.
const messages = { ...common, ...rounds, ...roundAdmin, ...applications, ...importMessages, ...decisions, ...statistics, ...letters, ...meeting, ...organisations, ...pressTemplates, ...validation, ...refusals, ...terms };
export default messages;
