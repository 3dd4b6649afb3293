/** Order 315's pages: one chunk, fetched when the first of them is opened (routes.tsx). */
export { InstructionsPage } from './instructions/InstructionsPage.tsx';
export { InstructionPage } from './instructions/InstructionPage.tsx';
export { MyMeasuresPage } from './instructions/MyMeasuresPage.tsx';
export { MonthlyCheckPage } from './follow-up/MonthlyCheckPage.tsx';
