import type { FormColumn } from '@baqylau/contracts';

export const FORMS = ['schedule', 'journal'] as const;
export type FormName = (typeof FORMS)[number];

const col = (field: string, titleKk: string, titleRu: string, width: number): FormColumn => ({ field, titleKk, titleRu, width });

/**
 * The printed forms' columns until an organisation drops in the official layout (our copy of the act
 * lacks the appendices). The fields each form can show are the keys of FORM_FIELDS.
 */
export const DEFAULT_COLUMNS: Record<FormName, FormColumn[]> = {
  // Appendix 1: the schedule of inspections of the state of industrial safety at HPFs.
  schedule: [
    col('number', '№ р/с', '№ п/п', 4),
    col('facility', 'Қауіпті өндірістік объектінің атауы', 'Наименование опасного производственного объекта', 18),
    col('registrationNumber', 'Тіркеу нөмірі', 'Регистрационный номер', 9),
    col('unit', 'Құрылымдық бөлімше', 'Структурное подразделение', 14),
    col('kind', 'Тексеру түрі', 'Вид проверки', 9),
    col('plannedOn', 'Тексеру жүргізу мерзімі', 'Срок проведения проверки', 9),
    col('checklist', 'Чек-парақ / бағдарлама', 'Чек-лист / программа', 14),
    col('responsible', 'Жауапты лауазымды тұлға', 'Ответственное должностное лицо', 14),
    col('executionMark', 'Орындалғаны туралы белгі', 'Отметка о выполнении', 9),
  ],
  // Appendix 2: the production control journal.
  journal: [
    col('number', '№ р/с', '№ п/п', 4),
    col('startedAt', 'Тексеру күні', 'Дата проверки', 8),
    col('facility', 'Қауіпті өндірістік объект', 'Опасный производственный объект', 14),
    col('unit', 'Құрылымдық бөлімше', 'Структурное подразделение', 12),
    col('kind', 'Тексеру түрі', 'Вид проверки', 8),
    col('official', 'Тексеруді жүргізген лауазымды тұлға', 'Должностное лицо, проводившее проверку', 13),
    col('violations', 'Анықталған бұзушылықтар саны', 'Количество выявленных нарушений', 10),
    col('conclusion', 'Тексеру нәтижелері', 'Результаты проверки', 15),
    col('instructionNumber', 'Нұсқаманың нөмірі', 'Номер предписания', 8),
    col('signature', 'Қолы', 'Подпись', 8),
  ],
};

/** Every field a form's column may show (the schedule's line; the journal entry's content, R315-12). */
export const FORM_FIELDS: Record<FormName, readonly string[]> = {
  schedule: [
    'number',
    'facility',
    'registrationNumber',
    'address',
    'unit',
    'kind',
    'plannedOn',
    'checklist',
    'responsible',
    'executionMark',
  ],
  journal: [
    'number',
    'kind',
    'facility',
    'unit',
    'official',
    'startedAt',
    'completedAt',
    'items',
    'violations',
    'dangerous',
    'recheckedConfirmed',
    'reopened',
    'conclusion',
    'actNumber',
    'instructionNumber',
    'signature',
  ],
};
