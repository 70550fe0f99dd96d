import type { ReleaseBlock, ReleaseDocument } from "@/lib/press/document";
import { quoteLine } from "@/lib/press/document";

/**
 * A release as it reads: headline, ingress, the body with its quotes where they stand, contacts and the sender's
 * boilerplate. Text only (React escapes it): nothing in a release is markup. The heading level is the caller's.
 */
export function ReleaseArticle({ doc, headingLevel = 2 }: { doc: ReleaseDocument; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <article className="flex max-w-prose flex-col gap-4">
      <Heading className="text-2xl font-bold text-brand-900">{doc.headline}</Heading>
      {doc.ingress ? <p className="text-lg font-semibold whitespace-pre-line">{doc.ingress}</p> : null}
      <ReleaseBlocks blocks={doc.blocks} />
      {doc.contacts.length > 0 ? (
        <div className="flex flex-col gap-1">
          {doc.contacts.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ) : null}
      {doc.boilerplate.length > 0 ? (
        <div className="flex flex-col gap-2 border-t border-slate-300 pt-3 text-sm">
          {doc.boilerplate.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      ) : null}
    </article>
  );
}

/** A release's body: its paragraphs, and its quotes as the seeds print them ("– …, säger …"), where they stand. */
export function ReleaseBlocks({ blocks }: { blocks: readonly ReleaseBlock[] }) {
  return (
    <>
      {blocks.map((block, i) =>
        block.kind === "quote" ? (
          <blockquote key={i} className="border-l-4 border-brand-600 pl-4 italic">
            <p>{quoteLine(block)}</p>
          </blockquote>
        ) : (
          <p key={i} className="whitespace-pre-line">
            {block.text}
          </p>
        ),
      )}
    </>
  );
}
