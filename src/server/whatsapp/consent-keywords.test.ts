import { describe, expect, it } from 'vitest';
import { DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS } from '../../shared/whatsapp-schemas.js';
import { keywordIntentOf } from './consent-keywords.js';

const out = [...DEFAULT_OPT_OUT_KEYWORDS];
const back = [...DEFAULT_OPT_IN_KEYWORDS];

describe('consent keywords', () => {
  it('reads a keyword alone, whatever its case, accents or punctuation', () => {
    for (const text of ['STOP', 'stop', ' Stop! ', 'arret', 'Arrêt.', 'stop   all', 'Baja'])
      expect(keywordIntentOf(text, out, back), text).toBe('opt_out');
    for (const text of ['start', 'START!!', 'démarrer', 'Alta'])
      expect(keywordIntentOf(text, out, back), text).toBe('opt_in');
  });

  it('ignores keywords inside a sentence and empty messages', () => {
    for (const text of ['please stop the offers', 'stop it now', '', '!!!', null])
      expect(keywordIntentOf(text, out, back)).toBeNull();
  });

  it('uses the channel’s own lists', () => {
    expect(keywordIntentOf('STOP', ['CANCELAR'], [])).toBeNull();
    expect(keywordIntentOf('cancelar', ['CANCELAR'], [])).toBe('opt_out');
  });
});
