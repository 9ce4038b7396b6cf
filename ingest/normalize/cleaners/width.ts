/**
 * Width and title-mark folding. Digits, Latin letters and the signs that go
 * with numbers are stored ASCII (２０２５ → 2025, ５Ｇ → 5G, ５１％ → 51%), so a
 * search for 2025 finds them; Chinese punctuation (，。：；（）) stays full-width,
 * which is its official form.
 */
import { HAN } from '../../../core/patterns/characters.js';
import { editsFromRegex, type Cleaner } from '../cleaner.js';

/** Full-width forms folded to ASCII: digits, letters, and the signs used with numbers and codes. */
const FOLDABLE = /[０-９Ａ-Ｚａ-ｚ％＋－．／＝＠＃＆＊＿＜＞]+/g;

/**
 * Full-width digits, letters and number signs → ASCII, one artifact per run.
 * ＜＜ ＞＞ are left for `unifyTitleMarks` (which runs first).
 */
export const foldWidth: Cleaner = {
  name: 'fold-width',
  clean: (text) => ({
    edits: editsFromRegex(
      text,
      FOLDABLE,
      (m) => m[0].replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
      true,
    ),
  }),
};

/**
 * Variant title marks → 《 》: « » (one extraction style), doubled angle
 * brackets 〈〈 〉〉 / ＜＜ ＞＞, and ASCII << >> around text with Chinese in it
 * (never a shift operator or an arrow in Latin text). Single 〈 〉 are the
 * official inner title marks and stay.
 */
export const unifyTitleMarks: Cleaner = {
  name: 'unify-title-marks',
  clean: (text) => {
    const edits = editsFromRegex(text, /[«»]|〈〈|〉〉|＜＜|＞＞/g, (m) => (m[0] === '«' || m[0] === '〈〈' || m[0] === '＜＜' ? '《' : '》'), true);
    const ascii = new RegExp(`<<([^<>\\n]*[${HAN}][^<>\\n]*)>>`, 'g');
    for (const m of text.matchAll(ascii)) {
      const at = m.index;
      edits.push({ start: at, end: at + 2, text: '《', artifact: true });
      edits.push({ start: at + m[0].length - 2, end: at + m[0].length, text: '》', artifact: true });
    }
    edits.sort((a, b) => a.start - b.start);
    return { edits };
  },
};
