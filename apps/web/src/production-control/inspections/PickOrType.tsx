import { Select, TextInput } from '@mantine/core';

/**
 * A choice from a setup list (facilities, checklists, officials) when the setup routes answer; an id
 * typed by hand otherwise (the setup feature is built alongside; NOTE for the lead: list shapes assumed
 * { id, name | title | fullName }).
 */
export function PickOrType({
  label,
  value,
  onChange,
  options,
  error,
  required,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[] | undefined;
  error?: string;
  required?: boolean;
  testId: string;
}) {
  return options?.length ? (
    <Select
      label={label}
      data={options}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      required={required}
      error={error}
      data-testid={testId}
    />
  ) : (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.trim())}
      required={required}
      error={error}
      data-testid={testId}
    />
  );
}

type Named = { id: string; name?: string; title?: string; fullName?: string; personId?: string };
export const optionsOf = (rows: Named[] | undefined) =>
  rows?.map((r) => ({ value: r.personId ?? r.id, label: r.name ?? r.title ?? r.fullName ?? r.id }));
