/** What ffprobe says about a recording (R444-13: stored with it, shown on its page and in the API). */
export interface MediaFacts {
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  /** Frames per second (the stream's average, else its base rate), rounded to 3 decimals. */
  frameRate: number | null;
  audioChannels: number | null;
  durationMs: number | null;
}
