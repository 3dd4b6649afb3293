import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { formatSize } from '../evidence/evidenceText.ts';
import { useMaterials } from '../activities/materials.queries.ts';

/** The activity's materials (PDF) to send with the recordings. */
export function MaterialPicker({
  orgId,
  activityId,
  chosen,
  onChange,
}: {
  orgId: string;
  activityId: string;
  chosen: Map<string, string>;
  onChange: (next: Map<string, string>) => void;
}) {
  const { t } = useTranslation();
  const materials = useMaterials(orgId, activityId);
  return (
    <DataState query={materials} empty={t('packages.form.noMaterials')}>
      {(rows) => (
        <Stack gap={6} data-testid="material-picker">
          {rows.map((m) => (
            <Checkbox
              key={m.id}
              checked={chosen.has(m.id)}
              onChange={(e) => {
                const next = new Map(chosen);
                if (e.currentTarget.checked) next.set(m.id, m.title);
                else next.delete(m.id);
                onChange(next);
              }}
              label={m.title}
              description={
                <Text span size="xs" c="dimmed">
                  {m.fileName} · {formatSize(m.size)}
                </Text>
              }
            />
          ))}
        </Stack>
      )}
    </DataState>
  );
}
