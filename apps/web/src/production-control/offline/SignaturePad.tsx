import { Button, Group, Paper, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A finger (or stylus) signature on a canvas; handed out as a PNG. */
export function SignaturePad({ onChange }: { onChange: (png: Blob | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [signed, setSigned] = useState(false);
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * e.currentTarget.width) / r.width, ((e.clientY - r.top) * e.currentTarget.height) / r.height] as const;
  };
  const finish = () => {
    if (!drawing.current) return;
    drawing.current = false;
    canvas.current?.toBlob((b) => onChange(b), 'image/png');
  };
  return (
    <Paper withBorder radius="sm" p={4}>
      <canvas
        ref={canvas}
        width={600}
        height={180}
        data-testid="field-signature"
        aria-label={t('pc.field.signature')}
        style={{ width: '100%', maxWidth: 600, height: 'auto', touchAction: 'none', background: '#fff', display: 'block' }}
        onPointerDown={(e) => {
          const ctx = e.currentTarget.getContext('2d')!;
          drawing.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          ctx.lineWidth = 3;
          ctx.lineCap = 'round';
          ctx.beginPath();
          ctx.moveTo(...point(e));
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d')!;
          ctx.lineTo(...point(e));
          ctx.stroke();
          setSigned(true);
        }}
        onPointerUp={finish}
        onPointerLeave={finish}
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t(signed ? 'pc.field.signed' : 'pc.field.signHere')}
        </Text>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            const c = canvas.current;
            c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
            setSigned(false);
            onChange(null);
          }}
        >
          {t('pc.field.clearSignature')}
        </Button>
      </Group>
    </Paper>
  );
}
