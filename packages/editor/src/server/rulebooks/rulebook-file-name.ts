import { ApiError } from '../http/api-error.ts';

// Workspace paths are posix, relative, made of plain segments, and end in `.a6`: they become import
// targets (`import "base.a6"`) and file names in reports, so nothing that could climb out (`..`) or
// hide (`.x`) is accepted.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

export function isRulebookFileName(file: string): boolean {
  if (!file.endsWith('.a6') || file.length > 512) return false;
  return file.split('/').every((segment) => SEGMENT.test(segment));
}

export function assertRulebookFileName(file: string): string {
  if (!isRulebookFileName(file)) {
    throw new ApiError(400, 'request.bad_file_name', `${JSON.stringify(file)} is not a rulebook file name (relative path of plain segments ending in .a6)`);
  }
  return file;
}
