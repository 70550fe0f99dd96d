export {
  APPLICATION_COLUMN_REQUIREMENTS,
  APPLICATION_COLUMNS,
  APPLICATION_TEMPLATE_COLUMNS,
  COLUMN_LABELS,
  DECISION_COLUMNS, type CellError, type ColumnSet, type SpreadsheetRow } from "./columns";
export { MAX_IMPORT_BYTES, parseSpreadsheet, type ParsedSpreadsheet } from "./parse";
export { validateImportRows, type ImportDecision, type ImportPreview, type ImportPreviewRow } from "./validate";
export { importApplications, type ImportOptions, type ImportReport, type ImportRowReport } from "./apply";
export { importDecisions } from "./decisions";
