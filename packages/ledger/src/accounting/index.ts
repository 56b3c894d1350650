export * from './accounting-book.ts';
export * from './accounting-elections.ts';
export * from './entry-booking.ts';
export * from './structured-summary.ts';
