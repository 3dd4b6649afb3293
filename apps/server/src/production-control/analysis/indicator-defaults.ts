import type { IndicatorDefinition } from '@baqylau/contracts';

/**
 * R315-20: the default efficiency indicators (version 0 of each code). An organisation edits them
 * (a new stored version) or adds its own; the computation is always one of INDICATOR_FORMULAS.
 * Shares are percentages; days and ratios are plain numbers.
 */
export const DEFAULT_INDICATORS: IndicatorDefinition[] = [
  {
    code: 'measures_on_time',
    version: 0,
    nameKk: 'Мерзімінде орындалған шаралардың үлесі, %',
    nameRu: 'Доля мероприятий, выполненных в срок, %',
    nameEn: 'Share of measures completed on time, %',
    formula: 'measures_closed_on_time_share',
    target: 90,
    direction: 'at_least',
    active: true,
  },
  {
    code: 'reopened',
    version: 0,
    nameKk: 'Қайта ашылған бұзушылықтардың үлесі, %',
    nameRu: 'Доля повторно открытых нарушений, %',
    nameEn: 'Share of violations reopened, %',
    formula: 'reopened_share',
    target: 10,
    direction: 'at_most',
    active: true,
  },
  {
    code: 'schedule_done',
    version: 0,
    nameKk: 'Кесте бойынша жүргізілген тексерулер, %',
    nameRu: 'Проверки, проведённые по графику, %',
    nameEn: 'Scheduled inspections conducted, %',
    formula: 'inspections_done_share',
    target: 100,
    direction: 'at_least',
    active: true,
  },
  {
    code: 'days_to_verify',
    version: 0,
    nameKk: 'Орындалған шараны тексерудің орташа мерзімі, күн',
    nameRu: 'Средний срок проверки выполненного мероприятия, дней',
    nameEn: 'Average days to verify a reported measure',
    formula: 'average_days_to_verify',
    target: 5,
    direction: 'at_most',
    active: true,
  },
  {
    code: 'violations_per_inspection',
    version: 0,
    nameKk: 'Бір тексеруге келетін анықталған бұзушылықтар',
    nameRu: 'Выявлено нарушений на одну проверку',
    nameEn: 'Violations found per inspection',
    formula: 'violations_per_inspection',
    target: 1,
    direction: 'at_least',
    active: true,
  },
];
