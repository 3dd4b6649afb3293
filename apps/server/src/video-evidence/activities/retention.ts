import type { ActivityType } from './activities.table.ts';

/**
 * R444-12: recordings of permit-compliance checks, preventive control with a
 * visit, unscheduled inspections and administrative offences are kept 3 years.
 * Investigation (point 4) has no period in point 12: it gets a configurable
 * class and is marked as not covered by the act.
 */
export interface RetentionClass {
  years: number;
  coveredByPoint12: boolean;
}

export function retentionClassOf(type: ActivityType, investigationYears = 3): RetentionClass {
  return type === 'investigation' ? { years: investigationYears, coveredByPoint12: false } : { years: 3, coveredByPoint12: true };
}
