export { bindStatusBar } from './status-controller.ts';
