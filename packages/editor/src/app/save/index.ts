export { SaveController } from './save-controller.ts';
