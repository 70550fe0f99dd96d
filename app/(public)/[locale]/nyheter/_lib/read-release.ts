import { cache } from "react";
import { getDb } from "@/db";
import { getPublicRelease } from "@/db/queries/newsroom";
import { isBuildPhase } from "@/lib/press/newsroom-cache";

/** One public release by slug, read once per render (the metadata and the page share it); null before its time. */
export const readPublicRelease = cache((slug: string) => (isBuildPhase() ? null : getPublicRelease(getDb(), slug, new Date())));
