/**
 * The taxonomy an organisation starts from (R315-21, point 22(2)): categories of causes of industrial-safety
 * violations and their sub-causes, in kk/ru/en. Seeded once per organisation; then it is the organisation's data.
 */
export interface TaxonomyEntry {
  code: string;
  kk: string;
  ru: string;
  en: string;
  children?: Omit<TaxonomyEntry, 'children'>[];
}

export const DEFAULT_TAXONOMY: TaxonomyEntry[] = [
  {
    code: 'ORG',
    kk: 'Ұйымдастырушылық себептер',
    ru: 'Организационные причины',
    en: 'Organisational causes',
    children: [
      {
        code: 'ORG.1',
        kk: 'Жұмысты ұйымдастыру мен бақылаудың жеткіліксіздігі',
        ru: 'Недостаточная организация и контроль работ',
        en: 'Insufficient organisation and supervision of work',
      },
      {
        code: 'ORG.2',
        kk: 'Міндеттер мен жауапкершіліктің анық бөлінбеуі',
        ru: 'Нечёткое распределение обязанностей и ответственности',
        en: 'Unclear duties and responsibilities',
      },
      {
        code: 'ORG.3',
        kk: 'Наряд-рұқсатсыз жұмыс жүргізу',
        ru: 'Производство работ без наряда-допуска',
        en: 'Work without a permit-to-work',
      },
    ],
  },
  {
    code: 'TECH',
    kk: 'Техникалық себептер',
    ru: 'Технические причины',
    en: 'Technical causes',
    children: [
      {
        code: 'TECH.1',
        kk: 'Жабдықтың тозуы немесе ақаулығы',
        ru: 'Износ или неисправность оборудования',
        en: 'Equipment wear or failure',
      },
      {
        code: 'TECH.2',
        kk: 'Қорғау және бақылау құралдарының болмауы немесе ақаулығы',
        ru: 'Отсутствие или неисправность средств защиты и контроля',
        en: 'Missing or faulty protection and monitoring devices',
      },
      {
        code: 'TECH.3',
        kk: 'Технологиялық процестің бұзылуы',
        ru: 'Нарушение технологического процесса',
        en: 'Deviation from the technological process',
      },
    ],
  },
  {
    code: 'HUMAN',
    kk: 'Адами фактор',
    ru: 'Человеческий фактор',
    en: 'Human factor',
    children: [
      {
        code: 'HUMAN.1',
        kk: 'Қауіпсіздік талаптарын әдейі елемеу',
        ru: 'Сознательное пренебрежение требованиями безопасности',
        en: 'Deliberate disregard of safety requirements',
      },
      { code: 'HUMAN.2', kk: 'Қателік, назардың әлсіздігі', ru: 'Ошибка, невнимательность', en: 'Error, inattention' },
      {
        code: 'HUMAN.3',
        kk: 'Жеке қорғану құралдарын пайдаланбау',
        ru: 'Неприменение средств индивидуальной защиты',
        en: 'Personal protective equipment not used',
      },
    ],
  },
  {
    code: 'TRAIN',
    kk: 'Оқыту және даярлық',
    ru: 'Обучение и подготовка',
    en: 'Training and competence',
    children: [
      {
        code: 'TRAIN.1',
        kk: 'Оқыту мен білімін тексерудің уақтылы өтпеуі',
        ru: 'Несвоевременное обучение и проверка знаний',
        en: 'Training and knowledge assessment overdue',
      },
      { code: 'TRAIN.2', kk: 'Нұсқамалықтың жеткіліксіздігі', ru: 'Недостаточный инструктаж', en: 'Insufficient safety briefing' },
    ],
  },
  {
    code: 'DOC',
    kk: 'Құжаттама',
    ru: 'Документация',
    en: 'Documentation',
    children: [
      {
        code: 'DOC.1',
        kk: 'Нұсқаулықтар мен регламенттердің болмауы немесе ескіруі',
        ru: 'Отсутствие или устаревание инструкций и регламентов',
        en: 'Missing or outdated instructions and procedures',
      },
      {
        code: 'DOC.2',
        kk: 'Техникалық құжаттаманың талаптарға сәйкес келмеуі',
        ru: 'Несоответствие технической документации требованиям',
        en: 'Technical documentation not compliant',
      },
    ],
  },
  {
    code: 'EXT',
    kk: 'Сыртқы себептер',
    ru: 'Внешние причины',
    en: 'External causes',
    children: [
      { code: 'EXT.1', kk: 'Мердігер ұйымның жұмысы', ru: 'Работа подрядной организации', en: 'Contractor’s work' },
      {
        code: 'EXT.2',
        kk: 'Табиғи және климаттық жағдайлар',
        ru: 'Природные и климатические условия',
        en: 'Natural and climatic conditions',
      },
    ],
  },
];
