/**
 * Read Chinese aloud with the browser's speech synthesis (Web Speech API), in a Mandarin voice.
 * The platform is passed in (a window, or a stand-in in tests); where it has no Chinese voice the
 * answer says so, and the caller tells the reader instead of failing silently.
 */

export interface VoiceLike {
  lang: string;
  name: string;
  localService?: boolean;
}

export interface SynthLike {
  getVoices(): VoiceLike[];
  speak(utterance: unknown): void;
  cancel(): void;
  addEventListener?(type: 'voiceschanged', listener: () => void, options?: { once?: boolean }): void;
}

export interface SpeechHost {
  speechSynthesis?: SynthLike;
  SpeechSynthesisUtterance?: new (text: string) => { text: string; lang: string; rate: number; voice: unknown };
  setTimeout(f: () => void, ms: number): unknown;
}

export type SpeakResult = 'spoken' | 'no-voice' | 'unsupported';

/** The language every utterance asks for. */
export const SPEECH_LANG = 'zh-CN';

/** Mandarin first: mainland, then Mandarin by other tags, Singapore, Taiwan; Cantonese never. */
const RANK = [/^zh[-_]cn\b/i, /^(cmn|zh[-_]hans)\b/i, /^zh[-_]sg\b/i, /^zh[-_]tw\b/i, /^zh$/i];

export function chineseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  let best: V | null = null;
  let bestRank = RANK.length;
  for (const v of voices) {
    const r = RANK.findIndex((re) => re.test(v.lang.trim()));
    if (r >= 0 && (r < bestRank || (r === bestRank && v.localService && !best?.localService))) {
      best = v;
      bestRank = r;
    }
  }
  return best;
}

/** Voices, waiting briefly for the first list (Chromium loads it after the first ask). */
async function voicesOf(host: SpeechHost, synth: SynthLike): Promise<VoiceLike[]> {
  const now = synth.getVoices();
  if (now.length || !synth.addEventListener) return now;
  await new Promise<void>((done) => {
    synth.addEventListener!('voiceschanged', () => done(), { once: true });
    host.setTimeout(done, 1000);
  });
  return synth.getVoices();
}

/** Speak `text` in a Chinese voice (any speech under way is stopped first). */
export async function speakChinese(host: SpeechHost, text: string): Promise<SpeakResult> {
  const synth = host.speechSynthesis;
  const Utterance = host.SpeechSynthesisUtterance;
  if (!synth || !Utterance) return 'unsupported';
  const voice = chineseVoice(await voicesOf(host, synth));
  if (!voice) return 'no-voice';
  synth.cancel();
  const u = new Utterance(text);
  u.lang = SPEECH_LANG;
  u.rate = 0.9;
  try {
    u.voice = voice;
  } catch {
    // Not a voice object of this window: the language still picks a Chinese voice.
  }
  synth.speak(u);
  return 'spoken';
}
