/**
 * Numbers that look like extraction lost their decimal point (６２３％ printed
 * as 62.3%). Nothing is rewritten — a decimal point cannot be recovered without
 * guessing — but each suspect is reported, so a reader can check the original.
 */
import { textMessage, type TextMessage } from '../../../core/model/messages.js';
import type { Cleaner } from '../cleaner.js';

/**
 * A percentage of three or more digits above 100 (623%, 248%) is reported as
 * info 'normalize/lost-decimal-suspect'. Real growth rates above 100% exist,
 * hence info, not a warning.
 */
export const flagLostDecimals: Cleaner = {
  name: 'flag-lost-decimals',
  clean: (text, ctx) => {
    const messages: TextMessage[] = [];
    for (const m of text.matchAll(/(?<![\d.])(\d{3,})%/g)) {
      if (Number(m[1]) <= 100) continue;
      messages.push(
        textMessage('info', 'normalize/lost-decimal-suspect', `${m[0]} is over 100%: a decimal point may have been lost in extraction`, {
          path: ctx.path,
          offset: m.index,
        }),
      );
    }
    return { edits: [], messages };
  },
};
