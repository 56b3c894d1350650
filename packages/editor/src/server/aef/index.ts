export { aefRoute } from './aef-route.ts';
