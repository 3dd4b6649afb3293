import { useTranslation } from 'react-i18next';
import { PLAN_FILES } from '../shared/cctv.api.ts';
import type { Place } from '../shared/cctv.types.ts';
import { FileForm } from '../shared/FileForm.tsx';
import { useUploadPlan } from './premises.queries.ts';

/** A floor's plan (SVG, PNG or JPEG, at most 10 MB): the dashboard pins the floor's cameras on it. */
export function PlanForm({ orgId, floor, onDone }: { orgId: string; floor: Place; onDone: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadPlan(orgId);
  return (
    <FileForm
      label={t('cctv.plan.file')}
      description={t('cctv.plan.fileHint')}
      types={PLAN_FILES}
      submitLabel={t('cctv.plan.upload')}
      error={upload.error}
      pending={upload.isPending}
      onPick={() => upload.reset()}
      onSubmit={(file, type) => upload.mutateAsync({ id: floor.id, file, type }).then(onDone)}
      onCancel={onDone}
      testId="plan-form"
    />
  );
}
