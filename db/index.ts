import "server-only";

export { getDb, type Db, type DbOrTx, type Tx } from "./client";
