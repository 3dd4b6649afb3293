/** Order 315's pages: one chunk, fetched when the first of them is opened (routes.tsx). */
export { InspectionsPage } from './inspections/InspectionsPage.tsx';
export { StartInspectionPage } from './inspections/StartInspectionPage.tsx';
export { BriefPage } from './inspections/BriefPage.tsx';
export { ConductPage } from './inspections/ConductPage.tsx';
export { ViolationsPage } from './violations/ViolationsPage.tsx';
export { ViolationPage } from './violations/ViolationPage.tsx';
export { ProposalsPage } from './proposals/ProposalsPage.tsx';
export { JournalPage } from './journal/JournalPage.tsx';
export { InstructionsPage } from './instructions/InstructionsPage.tsx';
export { InstructionPage } from './instructions/InstructionPage.tsx';
export { MyMeasuresPage } from './instructions/MyMeasuresPage.tsx';
export { MonthlyCheckPage } from './follow-up/MonthlyCheckPage.tsx';
