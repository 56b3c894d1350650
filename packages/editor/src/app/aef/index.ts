export { AefController } from './aef-controller.ts';
