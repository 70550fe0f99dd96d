import { decisionLetterContent, type DecisionLetterData } from "./content";
import { renderDecisionLetterDocx } from "./docx";
import { renderDecisionLetterPdf } from "./pdf";
import type { LetterFormat } from "./schema";

export type LetterFile = { fileName: string; contentType: string; body: Uint8Array };

const CONTENT_TYPES: Record<LetterFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The decision letter of one application as a file to download: "beslutsbrev-HJ-2013-0042.pdf". */
export async function decisionLetterFile(data: DecisionLetterData, format: LetterFormat): Promise<LetterFile> {
  const content = decisionLetterContent(data);
  const body = format === "pdf" ? await renderDecisionLetterPdf(content) : await renderDecisionLetterDocx(content);
  return { fileName: `${content.fileBaseName}.${format}`, contentType: CONTENT_TYPES[format], body };
}
