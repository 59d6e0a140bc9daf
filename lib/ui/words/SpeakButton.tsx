/**
 * A speaker button: reads `text` aloud in a Chinese voice (lib/speech). Where the system has no
 * Chinese voice the button says so in its own text, instead of failing silently.
 */
import { useState } from 'preact/hooks';
import { speakChinese, type SpeakResult, type SpeechHost } from '../../speech/speak';
import { t } from '../i18n';

/** `showLabel`: the label beside the icon (else it is the button's accessible name only). */
export function SpeakButton({ text, label = t('listen'), title = label, showLabel = false }: { text: string; label?: string; title?: string; showLabel?: boolean }) {
  const [state, setState] = useState<SpeakResult | null>(null);
  const problem = state === 'no-voice' ? t('noChineseVoice') : state === 'unsupported' ? t('noSpeech') : null;
  return (
    <button
      type="button"
      class={problem ? 'speak unavailable' : 'speak'}
      data-speech={state ?? ''}
      aria-label={problem ?? label}
      title={problem ?? title}
      onClick={async () => setState(await speakChinese(globalThis as unknown as SpeechHost, text))}
    >
      <SpeakerIcon muted={!!problem} />
      {problem ? <span class="speak-problem">{problem}</span> : showLabel && <span class="speak-label">{label}</span>}
    </button>
  );
}

/** A speaker drawn in SVG (an emoji needs a font that many systems lack). */
function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg class="speaker" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M2 6h3l4-3v10l-4-3H2z" fill="currentColor" />
      {muted ? (
        <path d="M11 6l4 4M15 6l-4 4" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" />
      ) : (
        <path d="M11 5.5a3.5 3.5 0 0 1 0 5M12.6 3.6a6 6 0 0 1 0 8.8" stroke="currentColor" fill="none" stroke-width="1.4" stroke-linecap="round" />
      )}
    </svg>
  );
}
