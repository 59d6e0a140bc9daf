// Speech: the Chinese voice chosen, the utterance asked for, and the answer when there is none.
import { describe, expect, it } from 'vitest';
import { chineseVoice, speakChinese, type SpeechHost, type VoiceLike } from '../../lib/speech/speak';

const v = (lang: string, name = lang, localService = false): VoiceLike => ({ lang, name, localService });

/** A stand-in for the browser's speech synthesis that records what it was asked to say. */
function fakeHost(voices: VoiceLike[], later?: VoiceLike[]) {
  const spoken: Array<{ text: string; lang: string; voice: unknown }> = [];
  let listener: (() => void) | null = null;
  let list = voices;
  const host: SpeechHost = {
    speechSynthesis: {
      getVoices: () => list,
      speak: (u) => void spoken.push(u as { text: string; lang: string; voice: unknown }),
      cancel: () => undefined,
      addEventListener: (_t, l) => void (listener = l),
    },
    SpeechSynthesisUtterance: class {
      lang = '';
      rate = 1;
      voice: unknown = null;
      constructor(public text: string) {}
    },
    setTimeout: (f, ms) => setTimeout(f, ms),
  };
  if (later) setTimeout(() => ((list = later), listener?.()), 5);
  return { host, spoken };
}

describe('speech', () => {
  it('prefers a mainland Mandarin voice, then other Mandarin tags; never Cantonese', () => {
    expect(chineseVoice([v('en-US'), v('zh-TW'), v('zh-CN')])?.lang).toBe('zh-CN');
    expect(chineseVoice([v('zh_CN', 'android')])?.name).toBe('android');
    expect(chineseVoice([v('zh-HK'), v('cmn-Hans-CN')])?.lang).toBe('cmn-Hans-CN');
    expect(chineseVoice([v('zh-TW')])?.lang).toBe('zh-TW');
    expect(chineseVoice([v('zh-CN', 'remote'), v('zh-CN', 'local', true)])?.name).toBe('local');
    expect(chineseVoice([v('zh-HK'), v('yue-HK'), v('en-GB'), v('ja-JP')])).toBeNull();
  });

  it('asks for the word in zh-CN with the Chinese voice', async () => {
    const { host, spoken } = fakeHost([v('en-US'), v('zh-CN', 'Tingting')]);
    expect(await speakChinese(host, '两个确立')).toBe('spoken');
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatchObject({ text: '两个确立', lang: 'zh-CN' });
    expect((spoken[0].voice as VoiceLike).name).toBe('Tingting');
  });

  it('waits for a voice list that arrives late', async () => {
    const { host, spoken } = fakeHost([], [v('zh-CN')]);
    expect(await speakChinese(host, '出席')).toBe('spoken');
    expect(spoken[0].text).toBe('出席');
  });

  it('says so when there is no Chinese voice, or no speech at all, and speaks nothing', async () => {
    const { host, spoken } = fakeHost([v('en-US'), v('zh-HK')]);
    expect(await speakChinese(host, '出席')).toBe('no-voice');
    expect(spoken).toEqual([]);
    expect(await speakChinese({ setTimeout }, '出席')).toBe('unsupported');
  });
});
