export { FilesController } from './files-controller.ts';
export { bindFileViews } from './file-views.ts';
export { describeReference, openRulebookReference } from './open-rulebook.ts';
export { SCRATCH_PATH, SCRATCH_TEXT } from './scratch-file.ts';
