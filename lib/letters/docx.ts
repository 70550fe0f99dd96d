import { convertMillimetersToTwip, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { DecisionLetterContent } from "./content";

/*
 * The decision letter as a Word document the officer can adjust before sending: real heading and list styles (so
 * Word's navigation pane and a screen reader see the structure), Swedish as the proofing language, A4 with
 * 2,5 cm margins.
 */

const MARGIN = convertMillimetersToTwip(25);
const AFTER = 160; // twips after a paragraph (8 pt)

export async function renderDecisionLetterDocx(content: DecisionLetterContent): Promise<Uint8Array> {
  const line = (text: string, options: { bold?: boolean; size?: number; after?: number } = {}) =>
    new Paragraph({
      children: [new TextRun({ text, bold: options.bold, size: options.size })],
      spacing: { after: options.after ?? 0 },
    });

  const doc = new Document({
    title: content.documentTitle,
    subject: `${content.heading}, ${content.programme}`,
    creator: content.letterhead,
    description: content.documentTitle,
    styles: {
      default: {
        // Sizes are in half-points: 22 is 11 pt.
        document: { run: { font: "Arial", size: 22, language: { value: "sv-SE" } } },
        heading1: { run: { font: "Arial", size: 32, bold: true, color: "000000" }, paragraph: { spacing: { before: 240, after: 200 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          line(content.letterhead, { bold: true, size: 30 }),
          line(content.programme, { after: 240 }),
          line(`Datum: ${content.date}`),
          line(`Diarienummer: ${content.registrationNumber}`, { after: 360 }),
          ...content.recipient.map((text, i) => line(text, { after: i === content.recipient.length - 1 ? 360 : 0 })),
          new Paragraph({ text: content.heading, heading: HeadingLevel.HEADING_1 }),
          ...content.facts.map(
            (fact, i) =>
              new Paragraph({
                bullet: { level: 0 },
                spacing: { after: i === content.facts.length - 1 ? 240 : 40 },
                children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)],
              }),
          ),
          ...content.paragraphs.map((text) => line(text, { after: AFTER })),
          ...content.closing.map((text, i) => line(text, { after: i === 0 ? 120 : 0 })),
        ],
      },
    ],
  });

  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
