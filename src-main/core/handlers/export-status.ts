/** Where the export side reports from; until a batch exists, nothing has been exported. */
export interface ExportStatus {
  unexported(): number;
  lastExportAt(): string | null;
}
