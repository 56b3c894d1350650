export { ThemeController } from './theme-controller.ts';
