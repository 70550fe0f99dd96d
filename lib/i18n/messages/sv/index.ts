import applications from "./applications.json";
import common from "./common.json";
import roundAdmin from "./round-admin.json";
import rounds from "./rounds.json";

// One file per area, so features can be worked on side by side; namespaces must not overlap.
const messages = { ...common, ...rounds, ...roundAdmin, ...applications };
export default messages;
