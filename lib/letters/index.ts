export {
  decisionLetterContent,
  decisionLetterLines,
  LETTER_HEADING,
  LETTERHEAD,
  type DecisionLetterContent,
  type DecisionLetterData,
  type LetterFact,
} from "./content";
export { renderDecisionLetterDocx } from "./docx";
export { renderDecisionLetterPdf } from "./pdf";
export { decisionLetterFile, type LetterFile } from "./file";
export { decisionLetterQuerySchema, LETTER_FORMATS, type LetterFormat } from "./schema";
