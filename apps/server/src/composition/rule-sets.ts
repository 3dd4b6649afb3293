import type { RuleSet } from '../kernel/rule-set.ts';
import { combineRecords } from '../platform/records.ts';
import { videoEvidence } from '../video-evidence/index.ts';
import { productionControl } from '../production-control/index.ts';
import { medicalCctv } from '../medical-cctv/index.ts';
import { ohsCompetition } from '../ohs-competition/index.ts';

/** The four rule sets of the mission. The one place that names them; everything else iterates this list. */
export const RULE_SETS: readonly RuleSet[] = [videoEvidence, productionControl, medicalCctv, ohsCompetition];

/** What every rule set keeps, combined for the kernel (AppDeps.records). */
export const ruleSetRecords = () => combineRecords(RULE_SETS.map((r) => r.records ?? {}));
