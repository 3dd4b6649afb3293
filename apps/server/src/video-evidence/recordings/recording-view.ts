import type { TFunction } from 'i18next';
import { Type } from '@fastify/type-provider-typebox';
import type { MediaFacts } from '../../platform/media/ffprobe.ts';

const Num = Type.Union([Type.Number(), Type.Null()]);
const Str = Type.Union([Type.String(), Type.Null()]);

/** ffprobe's facts as the API shows them (issue 19): null for an unreadable file. */
export const MediaFactsSchema = Type.Union([
  Type.Object({
    container: Str,
    videoCodec: Str,
    audioCodec: Str,
    width: Num,
    height: Num,
    frameRate: Num,
    audioChannels: Num,
    durationMs: Num,
  }),
  Type.Null(),
]);

/** Why a file is unreadable: the probe's code and its words in the reader's language. */
export const ProbeFailureSchema = Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]);

interface StoredProbe {
  facts?: MediaFacts;
  streams?: { type: string; codec: string; width?: number; height?: number }[];
}

/** Recordings probed before the facts were kept have only their streams: what they tell is shown. */
export function mediaFactsOf(probe: unknown, durationMs: number | null): MediaFacts | null {
  const p = probe as StoredProbe | null;
  if (!p) return null;
  if (p.facts) return p.facts;
  const video = p.streams?.find((s) => s.type === 'video');
  const audio = p.streams?.find((s) => s.type === 'audio');
  return {
    container: null,
    videoCodec: video?.codec ?? null,
    audioCodec: audio?.codec ?? null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    frameRate: null,
    audioChannels: null,
    durationMs,
  };
}

/** A recording row as the API gives it: media facts, the probe failure in words, whether it waits for its docking. */
export function recordingView<
  R extends {
    probe: unknown;
    durationMs: number | null;
    probeFailure: string | null;
    startedAt: Date | null;
    deviceStartedAt: Date | null;
  },
>(r: R, t: TFunction) {
  const { probe, ...rest } = r;
  return {
    ...rest,
    media: mediaFactsOf(probe, r.durationMs),
    probeFailure: r.probeFailure ? { code: r.probeFailure, message: t(`common:${r.probeFailure}`) } : null,
    /** Readable, but its docking's clock report has not arrived: no corrected time, no issue yet (R444-17). */
    awaitingDocking: r.startedAt === null && r.deviceStartedAt !== null,
  };
}
