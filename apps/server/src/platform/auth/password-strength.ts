import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** What makes a weak password guessable, in words the user is told (packages/i18n: password.weakness.*). */
export type Weakness = 'place' | 'word' | 'keyboard' | 'sequence' | 'repeat' | 'year' | 'short_variety';

// Places of Kazakhstan an attacker tries first, in Cyrillic and in the Latin spellings people type.
const PLACES = [
  'қазақстан',
  'казахстан',
  'qazaqstan',
  'kazakhstan',
  'астана',
  'astana',
  'нұрсұлтан',
  'нурсултан',
  'nursultan',
  'алматы',
  'almaty',
  'алмата',
  'шымкент',
  'shymkent',
  'қарағанды',
  'караганда',
  'qaragandy',
  'karaganda',
  'ақтөбе',
  'актобе',
  'aqtobe',
  'aktobe',
  'тараз',
  'taraz',
  'павлодар',
  'pavlodar',
  'өскемен',
  'оскемен',
  'oskemen',
  'семей',
  'semey',
  'атырау',
  'atyrau',
  'қостанай',
  'костанай',
  'qostanai',
  'kostanay',
  'қызылорда',
  'кызылорда',
  'qyzylorda',
  'орал',
  'уральск',
  'oral',
  'uralsk',
  'петропавл',
  'петропавловск',
  'petropavl',
  'ақтау',
  'актау',
  'aqtau',
  'aktau',
  'түркістан',
  'туркестан',
  'turkistan',
  'көкшетау',
  'кокшетау',
  'kokshetau',
  'талдықорған',
  'талдыкорган',
  'taldykorgan',
  'екібастұз',
  'экибастуз',
  'ekibastuz',
  'жезқазған',
  'жезказган',
  'zhezkazgan',
  'теміртау',
  'темиртау',
  'temirtau',
  'балқаш',
  'балхаш',
  'balkhash',
  'шахтинск',
  'shakhtinsk',
  'байқоңыр',
  'байконур',
  'baikonur',
  'ертіс',
  'иртыш',
  'irtysh',
  'есіл',
  'ишим',
  'esil',
  'алатау',
  'alatau',
  'медеу',
  'medeu',
];
// Words of the state and Russian languages that stand in passwords as often as "password" does.
const WORDS = [
  'пароль',
  'құпиясөз',
  'парол',
  'привет',
  'сәлем',
  'салем',
  'қош',
  'любовь',
  'махаббат',
  'бақылау',
  'baqylau',
  'инспектор',
  'inspector',
  'админ',
  'администратор',
  'басшы',
  'бастык',
  'начальник',
  'директор',
  'қауіпсіздік',
  'безопасность',
  'өнеркәсіп',
  'промышленность',
  'qwerty',
  'йцукен',
  'кітап',
  'мектеп',
  'отан',
  'ел',
  'жер',
  'ана',
];

/** The ЙЦУКЕН keys sit where QWERTY's are; the Kazakh layout adds its letters on the digit row. */
const CYRILLIC_KEYS: Record<string, string> = {
  q: 'й',
  w: 'ц',
  e: 'у',
  r: 'к',
  t: 'е',
  y: 'н',
  u: 'г',
  i: 'ш',
  o: 'щ',
  p: 'з',
  '[': 'х',
  ']': 'ъ',
  a: 'ф',
  s: 'ы',
  d: 'в',
  f: 'а',
  g: 'п',
  h: 'р',
  j: 'о',
  k: 'л',
  l: 'д',
  ';': 'ж',
  "'": 'э',
  z: 'я',
  x: 'ч',
  c: 'с',
  v: 'м',
  b: 'и',
  n: 'т',
  m: 'ь',
  ',': 'б',
  '.': 'ю',
};
const KAZAKH_DIGITS: Record<string, string> = { '2': 'ә', '3': 'і', '4': 'ң', '5': 'ғ', '8': 'ү', '9': 'ұ', '0': 'қ', '-': 'ө', '=': 'һ' };

type Graph = Record<string, (string | null)[]>;
function relabel(graph: Graph, keys: Record<string, string>): Graph {
  const map = (s: string) => [...s].map((c) => keys[c] ?? keys[c.toLowerCase()]?.toUpperCase() ?? c).join('');
  return Object.fromEntries(Object.entries(graph).map(([k, ns]) => [map(k), ns.map((n) => (n === null ? null : map(n)))]));
}
const qwerty = adjacencyGraphs.qwerty as Graph;

/** Options built once per process: the estimator's dictionaries and keyboards. */
const estimator = new ZxcvbnFactory({
  dictionary: { ...dictionary, places: PLACES, words: WORDS },
  graphs: {
    ...adjacencyGraphs,
    russian: relabel(qwerty, CYRILLIC_KEYS),
    kazakh: relabel(qwerty, { ...CYRILLIC_KEYS, ...KAZAKH_DIGITS }),
  },
});

/** Score 0–4 (zxcvbn: 4 = very unguessable) and, below 4, the main reason a guesser would find it. */
export function passwordStrength(password: string): { score: number; weakness?: Weakness } {
  const r = estimator.check(password);
  if (r.score >= 4) return { score: r.score };
  const seq = [...r.sequence].sort((a, b) => b.token.length - a.token.length);
  const main = seq.find((m) => m.pattern !== 'bruteforce');
  const weakness: Weakness = !main
    ? 'short_variety'
    : main.pattern === 'dictionary'
      ? main.dictionaryName === 'places'
        ? 'place'
        : 'word'
      : main.pattern === 'spatial'
        ? 'keyboard'
        : main.pattern === 'sequence'
          ? 'sequence'
          : main.pattern === 'repeat'
            ? 'repeat'
            : main.pattern === 'date' || main.pattern === 'regex'
              ? 'year'
              : 'short_variety';
  return { score: r.score, weakness };
}
