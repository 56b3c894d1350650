/** The file the page starts with: checked as you type, never saved under this name. */
export const SCRATCH_PATH = 'scratch.a6';

/**
 * A comment and the smallest valid rulebook (a file needs one), rather than Monaco's `placeholder`
 * option: the placeholder stays painted for a frame after switching to a non-empty model.
 */
export const SCRATCH_TEXT = '// Scratch file: checked as you type, never saved. Open a file, or write a rulebook here.\nrulebook scratch {\n}\n';
