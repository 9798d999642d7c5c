// A span of a user's file in 1-based lines and columns, the form every finding and diagnostic carries.

export interface SourceRange {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
