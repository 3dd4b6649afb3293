import { Button, Center, Code, CopyButton, Group, Image, List, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ME_KEY, useConfirmEnrolment, useStartEnrolment } from './auth.queries.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { CodeField } from './CodeField.tsx';
import { SignOutLink } from './SignOutLink.tsx';

const svgDataUri = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
const groupedSecret = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();

/** R444-6: heads and responsible persons set up an authenticator app before anything else. */
export function EnrolmentPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await confirm.mutateAsync(code);
    } catch {
      setCode('');
      return;
    }
    await qc.invalidateQueries({ queryKey: ME_KEY });
  };

  const enrolment = start.data;
  return (
    <AuthLayout title={t('auth.enrol.title')}>
      <Stack gap="md">
        <Text size="sm">{t('auth.enrol.why')}</Text>
        <ErrorAlert error={start.error} />
        {start.isPending && (
          <Center>
            <Loader aria-label={t('loading')} />
          </Center>
        )}
        {enrolment && (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <List type="ordered" size="sm" spacing={4}>
                <List.Item>{t('auth.enrol.step1')}</List.Item>
                <List.Item>{t('auth.enrol.step2')}</List.Item>
                <List.Item>{t('auth.enrol.step3')}</List.Item>
              </List>
              <Center>
                <Image src={svgDataUri(enrolment.qrSvg)} alt={t('auth.enrol.qrAlt')} w={200} h={200} fit="contain" />
              </Center>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="totp-secret-label">
                  {t('auth.enrol.secret')}
                </Text>
                <Group gap="xs" wrap="nowrap" align="center">
                  <Code aria-labelledby="totp-secret-label" data-testid="totp-secret" style={{ fontSize: 14, flex: 1, padding: '6px 8px' }}>
                    {groupedSecret(enrolment.secret)}
                  </Code>
                  <CopyButton value={enrolment.secret}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="light" onClick={copy} style={{ flexShrink: 0 }}>
                        {copied ? t('action.copied') : t('action.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
              <ErrorAlert error={confirm.error} shownFields={['code']} />
              <CodeField value={code} onChange={setCode} />
              <Button type="submit" loading={confirm.isPending} disabled={code.length !== 6} fullWidth>
                {t('auth.enrol.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Group justify="center">
          <SignOutLink />
        </Group>
      </Stack>
    </AuthLayout>
  );
}
