import { Alert, Box, Button, Group, Select, Text } from '@mantine/core';
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import type { ComplianceRow } from '../shared/cctv.types.ts';
import { PIN_COLOR } from '../shared/words.tsx';
import { PinCard } from './PinCard.tsx';
import { fractionAt, moved } from './planGeometry.ts';

interface Pos {
  x: number;
  y: number;
}

interface Props {
  floorId: string;
  title: string;
  planSrc: string;
  /** The cameras in service on this floor, with their verdicts. */
  rows: ComplianceRow[];
  /** Keepers of the register may place and drag the pins. */
  editable: boolean;
  onPin: (cameraId: string, pos: Pos) => Promise<unknown>;
}

const R = 11;

/**
 * A floor's uploaded plan with its cameras pinned on it as an SVG overlay, green where the camera
 * meets the Rules and red where it does not; a pin shows its number, and its findings on hover,
 * focus or click. Keepers drag a pin, or choose a camera and click where it hangs.
 */
export function FloorPlan({ floorId, title, planSrc, rows, editable, onPin }: Props) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [placing, setPlacing] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ id: string; start: Pos; at: Pos } | null>(null);
  const [local, setLocal] = useState<Record<string, Pos>>({});
  const [error, setError] = useState<unknown>(null);
  const [broken, setBroken] = useState(false);

  const posOf = (r: ComplianceRow): Pos | null =>
    drag?.id === r.camera.id
      ? drag.at
      : (local[r.camera.id] ?? (r.camera.planX !== null && r.camera.planY !== null ? { x: r.camera.planX, y: r.camera.planY } : null));
  const pinned = rows.map((row) => ({ row, pos: posOf(row) })).filter((p): p is { row: ComplianceRow; pos: Pos } => p.pos !== null);
  const unpinned = rows.filter((r) => !posOf(r));
  const shown = pinned.find((p) => p.row.camera.id === (hover ?? open ?? focus));

  const at = (e: ReactPointerEvent) => fractionAt(svg.current!.getBoundingClientRect(), e.clientX, e.clientY);

  const save = async (id: string, pos: Pos) => {
    setError(null);
    setLocal((l) => ({ ...l, [id]: pos }));
    try {
      await onPin(id, pos);
    } catch (e) {
      setError(e);
    } finally {
      setLocal(({ [id]: _done, ...rest }) => rest);
    }
  };

  const grab = (id: string, pos: Pos) => (e: ReactPointerEvent) => {
    if (!editable || placing) return;
    e.stopPropagation();
    svg.current?.setPointerCapture?.(e.pointerId);
    setDrag({ id, start: pos, at: pos });
  };

  const release = (e: ReactPointerEvent) => {
    if (drag) {
      const d = drag;
      setDrag(null);
      if (moved(d.start, d.at)) void save(d.id, d.at);
      else setOpen((o) => (o === d.id ? null : d.id));
    } else if (placing) {
      const id = placing;
      setPlacing(null);
      void save(id, at(e));
    } else {
      const pin = (e.target as Element).closest?.('[data-pin]')?.getAttribute('data-pin') ?? null;
      setOpen((o) => (pin && o !== pin ? pin : null));
    }
  };

  const placingRow = rows.find((r) => r.camera.id === placing);

  return (
    <Box>
      {editable && rows.length > 0 && (
        <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('cctv.plan.placeLabel')}
            placeholder={t('cctv.plan.placePick')}
            data={rows.map((r) => ({
              value: r.camera.id,
              label: `${r.camera.number} — ${r.place.path.split(' › ').at(-1)}${posOf(r) ? '' : ` (${t('cctv.plan.notPinned')})`}`,
            }))}
            value={placing}
            onChange={setPlacing}
            clearable
            searchable
            w={340}
            data-testid={`place-camera-${floorId}`}
          />
          {placingRow && (
            <Text size="sm" c="teal.8" role="status" pb={6}>
              {t('cctv.plan.clickHint', { number: placingRow.camera.number })}
            </Text>
          )}
          {placingRow && (
            <Button variant="subtle" size="xs" onClick={() => setPlacing(null)} mb={4}>
              {t('action.cancel')}
            </Button>
          )}
        </Group>
      )}
      <ErrorAlert error={error} />
      {broken ? (
        <Alert color="gray" variant="light">
          {t('cctv.plan.unavailable')}
        </Alert>
      ) : (
        <Box
          pos="relative"
          style={{
            border: '1px solid var(--mantine-color-gray-4)',
            borderRadius: 6,
            background: '#fff',
            lineHeight: 0,
            overflow: 'visible',
          }}
        >
          <img
            src={planSrc}
            alt={t('cctv.plan.alt', { floor: title })}
            draggable={false}
            onError={() => setBroken(true)}
            style={{ width: '100%', height: 'auto', display: 'block', userSelect: 'none', borderRadius: 6 }}
          />
          <svg
            ref={svg}
            data-testid={`floor-plan-${floorId}`}
            role="group"
            aria-label={t('cctv.plan.pins', { floor: title })}
            onPointerMove={(e) => drag && setDrag({ ...drag, at: at(e) })}
            onPointerUp={release}
            onPointerCancel={() => setDrag(null)}
            style={{
              position: 'absolute',
              inset: 0,
              width: '100%',
              height: '100%',
              cursor: placing ? 'crosshair' : drag ? 'grabbing' : 'default',
              touchAction: editable ? 'none' : 'auto',
            }}
          >
            {pinned.map(({ row, pos }) => {
              const color = row.compliant ? PIN_COLOR.compliant : PIN_COLOR.nonCompliant;
              const cx = `${pos.x * 100}%`;
              const cy = `${pos.y * 100}%`;
              const label = `${row.camera.number}: ${row.compliant ? t('cctv.compliance.compliant') : t('cctv.compliance.nonCompliant')}`;
              return (
                <g
                  key={row.camera.id}
                  data-testid={`pin-${row.camera.number}`}
                  data-pin={row.camera.id}
                  data-compliant={row.compliant}
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  onPointerDown={grab(row.camera.id, pos)}
                  onPointerEnter={() => setHover(row.camera.id)}
                  onPointerLeave={() => setHover(null)}
                  onFocus={() => setFocus(row.camera.id)}
                  onBlur={() => setFocus(null)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') (e.currentTarget as SVGGElement).blur();
                  }}
                  style={{ cursor: editable && !placing ? 'grab' : 'pointer', outline: 'none' }}
                >
                  <circle cx={cx} cy={cy} r={R + 5} fill={color} opacity={0.22} />
                  <circle cx={cx} cy={cy} r={R} fill={color} stroke="#fff" strokeWidth={3} />
                  <circle cx={cx} cy={cy} r={3.5} fill="#fff" />
                  <text
                    x={cx}
                    y={cy}
                    dy={-(R + 7)}
                    textAnchor="middle"
                    fontSize={13}
                    fontWeight={700}
                    fill={color}
                    stroke="#fff"
                    strokeWidth={4}
                    paintOrder="stroke"
                    style={{ userSelect: 'none' }}
                  >
                    {row.camera.number}
                  </text>
                </g>
              );
            })}
          </svg>
          {shown && !drag && <PinCard row={shown.row} x={shown.pos.x} y={shown.pos.y} />}
        </Box>
      )}
      {unpinned.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs" data-testid={`unpinned-${floorId}`}>
          {t('cctv.plan.unpinned', { list: unpinned.map((r) => r.camera.number).join(', ') })}
        </Text>
      )}
    </Box>
  );
}
