/**
 * R315-18: the monthly report to the organisation's head. Figures are counted as at the end of the
 * month (or now, while the month runs); an approved report freezes them.
 */

/** The state of an instruction as at the report's date. */
export const INSTRUCTION_REPORT_STATES = ['on_time', 'overdue', 'closed', 'cancelled'] as const;
export type InstructionReportState = (typeof INSTRUCTION_REPORT_STATES)[number];

/** Overdue measures by how long they are overdue (the bands of R315-13's escalation ladder). */
export const OVERDUE_AGE_BANDS = ['under_30', 'from_30_to_60', 'over_60'] as const;
export type OverdueAgeBand = (typeof OVERDUE_AGE_BANDS)[number];

/** One line of the report: a facility, or one of its units (unitId null: inspected as a whole). */
export interface MonthlyReportLine {
  facilityId: string;
  facility: string;
  unitId: string | null;
  unit: string | null;
  /** Inspections the approved schedule planned in the month, and those completed, by kind. */
  planned: number;
  inspected: { scheduled: number; extraordinary: number; comprehensive: number };
  violationsFound: number;
  dangerousFound: number;
  instructionsIssued: number;
  /** Every instruction current in the month (not closed or cancelled before it began), by state. */
  instructions: Record<InstructionReportState, number>;
  overdueMeasures: number;
}

/** One instruction with its state, for the report's list of every instruction. */
export interface MonthlyReportInstruction {
  id: string;
  number: string;
  issuedOn: string;
  facility: string;
  unit: string | null;
  state: InstructionReportState;
  measures: number;
  overdueMeasures: number;
  /** When it closed, or the head's cancellation order (number and date). */
  closedOn: string | null;
  cancelOrder: string | null;
}

export interface MonthlyReportFigures {
  month: string;
  /** The instant the states are counted at: the month's end, or the moment of counting while it runs. */
  asOf: string;
  lines: MonthlyReportLine[];
  totals: Omit<MonthlyReportLine, 'facilityId' | 'facility' | 'unitId' | 'unit'>;
  instructions: MonthlyReportInstruction[];
  overdueByAge: Record<OverdueAgeBand, number>;
}
