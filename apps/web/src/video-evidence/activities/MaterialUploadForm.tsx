import { Button, FileInput, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useUploadMaterial, type Material } from './materials.queries.ts';

const isPdf = (f: File) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);

/** A material of the activity (act, protocol, order…) as a PDF, with the title it is known by. */
export function MaterialUploadForm({
  orgId,
  activityId,
  onUploaded,
}: {
  orgId: string;
  activityId: string;
  onUploaded: (m: Material) => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadMaterial(orgId, activityId);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [tried, setTried] = useState(false);
  const fileProblem = !file ? t('form.required') : !isPdf(file) ? t('materials.notPdf') : undefined;
  const titleBad = title.trim().length < 2;

  const choose = (f: File | null) => {
    setFile(f);
    upload.reset();
    if (f && !title.trim()) setTitle(f.name.replace(/\.pdf$/i, ''));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (fileProblem || titleBad || !file) return;
    try {
      onUploaded(await upload.mutateAsync({ file, title: title.trim() }));
      setFile(null);
      setTitle('');
      setTried(false);
    } catch {
      // shown below
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="material-form">
      <Stack gap="sm">
        <ErrorAlert error={upload.error} shownFields={['title', 'fileName']} />
        <Group align="flex-start" grow gap="sm" wrap="wrap">
          <FileInput
            name="material"
            label={t('materials.file')}
            description={t('materials.fileHint')}
            placeholder={t('materials.pick')}
            accept="application/pdf,.pdf"
            clearable
            required
            value={file}
            onChange={choose}
            error={tried ? fileProblem : undefined}
            style={{ minWidth: 220 }}
          />
          <TextInput
            name="materialTitle"
            label={t('materials.titleLabel')}
            description={t('materials.titleHint')}
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={(tried && titleBad ? t('materials.titleShort') : undefined) ?? fieldError(upload.error, 'title')}
            style={{ minWidth: 220 }}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={upload.isPending}>
            {t('materials.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
