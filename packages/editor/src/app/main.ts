import { startApp } from './app.ts';

window.a6Editor = startApp();
