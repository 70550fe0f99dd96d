import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from "docx";
import { quoteParts, type ReleaseDocument } from "../document";
import { exportMark, keepPhonesTogether, safeGrantsUrl, splitOnUrl, type ExportMeta } from "./meta";

/*
 * The release as a Word document a press officer can edit and send on: Word's own styles (Title for the headline,
 * Heading 2 for "Kontakt", a Quote style for the quotes), so the navigation pane and a screen reader see the
 * structure; the ingress bold; the boilerplate under a rule; Swedish as the proofing language; the headline as the
 * document's title. A release that is not public carries its mark at the top and in every page's header. Follows the
 * decision letter's layout (lib/letters/docx.ts): A4, 2,5 cm margins, Arial 11 pt.
 */

const MARGIN = convertMillimetersToTwip(25);
const AFTER = 160; // twips after a paragraph (8 pt)
const MARK_COLOR = "A00000";

/** A field's text as runs: its line breaks kept, the grants list's address a link when it is a full address. */
function runs(text: string, url: string | null, options: { bold?: boolean } = {}): (TextRun | ExternalHyperlink)[] {
  return splitOnUrl(text, url && /^https?:/.test(url) ? url : null).flatMap((part): (TextRun | ExternalHyperlink)[] =>
    part.link
      ? [new ExternalHyperlink({ link: part.text, children: [new TextRun({ text: part.text, style: "Hyperlink", bold: options.bold })] })]
      : keepPhonesTogether(part.text).split("\n").map((line, i) => new TextRun({ text: line, bold: options.bold, break: i > 0 ? 1 : undefined })),
  );
}

export async function releaseDocx(doc: ReleaseDocument, meta: ExportMeta): Promise<Buffer> {
  const mark = exportMark(meta);
  const url = safeGrantsUrl(meta.grantsUrl);
  const paragraph = (text: string, options: { bold?: boolean; after?: number } = {}) =>
    new Paragraph({ children: runs(text, url, options), spacing: { after: options.after ?? AFTER } });

  const children: Paragraph[] = [];
  if (mark) children.push(new Paragraph({ children: [new TextRun({ text: mark, bold: true, color: MARK_COLOR })], spacing: { after: 240 } }));
  children.push(new Paragraph({ text: doc.headline, heading: HeadingLevel.TITLE }));
  if (doc.ingress) children.push(paragraph(doc.ingress, { bold: true, after: 240 }));
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") children.push(paragraph(b.text));
    else {
      const { text, attribution } = quoteParts(b);
      children.push(
        new Paragraph({
          style: "Quote",
          children: [new TextRun({ text, italics: true }), ...(attribution ? [new TextRun({ text: attribution, italics: false })] : [])],
        }),
      );
    }
  }
  if (doc.contacts.length > 0) {
    children.push(new Paragraph({ text: "Kontakt", heading: HeadingLevel.HEADING_2 }));
    doc.contacts.forEach((line, i) => children.push(paragraph(line, { after: i === doc.contacts.length - 1 ? AFTER : 0 })));
  }
  doc.boilerplate.forEach((text, i) =>
    children.push(
      new Paragraph({
        children: runs(text, url),
        spacing: { before: i === 0 ? 360 : 0, after: AFTER },
        border: i === 0 ? { top: { style: BorderStyle.SINGLE, size: 6, color: "808080", space: 8 } } : undefined,
      }),
    ),
  );

  const document = new Document({
    title: doc.headline,
    subject: "Pressmeddelande",
    creator: meta.sender ?? "Anslag",
    lastModifiedBy: meta.sender ?? "Anslag",
    description: mark ? `${mark}. Pressmeddelande, version ${meta.version}` : `Pressmeddelande, version ${meta.version}`,
    revision: meta.version,
    styles: {
      default: {
        // Sizes are in half-points: 22 is 11 pt.
        document: { run: { font: "Arial", size: 22, language: { value: "sv-SE" } } },
        title: { run: { font: "Arial", size: 40, bold: true, color: "000000" }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { font: "Arial", size: 26, bold: true, color: "000000" }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
      paragraphStyles: [
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: convertMillimetersToTwip(8) }, spacing: { after: AFTER } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        headers: mark
          ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: mark, bold: true, color: MARK_COLOR })] })] }) }
          : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
