export { EXPORT_HEADINGS, exportRoundApplications, roundApplicationRows, type ExportCell, type ExportFile, type ExportFormat } from "./applications";
export { guardFormula } from "./guard";
