export {
  EXPORT_COLUMNS,
  EXPORT_HEADINGS,
  exportRoundApplications,
  roundApplicationRows,
  type ExportCell,
  type ExportFile,
  type ExportFormat,
} from "./applications";
export { guardFormula, isPlainPhoneNumber, unguardFormula } from "./guard";
