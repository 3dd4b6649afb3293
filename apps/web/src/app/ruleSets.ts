import type { RuleSet } from '../kernel/shell/ruleSet.ts';
import { medicalCctv } from '../medical-cctv/index.ts';
import { ohsCompetition } from '../ohs-competition/index.ts';
import { productionControl } from '../production-control/index.ts';
import { videoEvidence } from '../video-evidence/index.ts';

/** The four rule sets of the platform, in the order the navigation lists them. The only place that names them. */
export const RULE_SETS: readonly RuleSet[] = [videoEvidence, productionControl, medicalCctv, ohsCompetition];
