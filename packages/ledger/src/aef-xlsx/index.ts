// Node-only (exceljs): the AEF workbook. The report itself is built by the browser-safe `../aef/`.
export { AEF_ABOUT_SHEET, aefSheetName, writeAefXlsx } from './write-aef-xlsx.ts';
