import { Alert, Box } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser's own player on the media URL: it sends Range requests with the session cookie (R444-21 logs the view). */
export function Player({ src, name }: { src: string; name: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <Box>
      <video
        key={src}
        src={src}
        controls
        preload="metadata"
        playsInline
        aria-label={t('evidence.player.video', { name })}
        data-testid="player"
        onError={() => setFailed(true)}
        style={{ width: '100%', maxHeight: '70vh', background: 'black', borderRadius: 8, display: 'block' }}
      />
      {failed && (
        <Alert color="red" variant="light" mt="sm" role="alert">
          {t('evidence.player.failed')}
        </Alert>
      )}
    </Box>
  );
}
