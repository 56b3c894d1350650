import { element } from './dom.ts';

/** How long a blob URL handed to a download or a new tab stays valid: long enough for a slow machine to start reading it. */
export const BLOB_URL_LIFETIME_MS = 60_000;

/** Offers `content` as a file download named `name`. */
export function download(name: string, type: string, content: string | Blob): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = element('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS);
}

/** `report` as the downloaded JSON file: two-space indent and a final newline. */
export function jsonFile(report: unknown): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
