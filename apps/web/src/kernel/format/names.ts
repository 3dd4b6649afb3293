/** "Нұрланов Данияр Асқарұлы" → "Нұрланов Д. А.", as a signature line on the paper journal reads. */
export function surnameWithInitials(fullName: string): string {
  const [surname = '', ...rest] = fullName.trim().split(/\s+/);
  return [surname, ...rest.map((n) => `${[...n][0]}.`)].join(' ');
}
