import type { FormColumn } from '@baqylau/contracts';

/**
 * The journal's printed columns when the organisation has no 'journal' form definition (Appendix 2
 * is not in our copy of the act). NOTE for the lead: the forms/ feature's defaults helper may
 * replace this; the fields below are what journalCell understands.
 */
export const DEFAULT_JOURNAL_COLUMNS: FormColumn[] = [
  { field: 'seq', titleKk: 'Р/с №', titleRu: '№ п/п', width: 4 },
  { field: 'completedAt', titleKk: 'Тексеру күні', titleRu: 'Дата проверки', width: 8 },
  { field: 'facility', titleKk: 'Объект, құрылымдық бөлімше', titleRu: 'Объект, структурное подразделение', width: 16 },
  { field: 'kind', titleKk: 'Тексеру түрі', titleRu: 'Вид проверки', width: 10 },
  { field: 'official', titleKk: 'Тексеруді жүргізген лауазымды адам', titleRu: 'Должностное лицо, проводившее проверку', width: 14 },
  { field: 'violations', titleKk: 'Анықталған бұзушылықтар', titleRu: 'Выявленные нарушения', width: 12 },
  { field: 'conclusion', titleKk: 'Қорытынды', titleRu: 'Заключение', width: 22 },
  { field: 'documents', titleKk: 'Акт, нұсқама №', titleRu: '№ акта, предписания', width: 10 },
];
