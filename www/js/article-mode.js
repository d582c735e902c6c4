// The page in an article (?embed=1): the flag, the page's start in that mode, and the height
// message the page sends after it changes (js/embed.js talks to the host).
import { $ } from './dom.js';
import { startEmbed, postHeight as embedHeight } from './embed.js';

export var embed = new URLSearchParams(location.search).get('embed') === '1';

export function postHeight() { if (embed) embedHeight(); }

export function startArticle(params) {
  if (!embed) return;
  document.documentElement.classList.add('embed');
  startEmbed(params);
  // In an article the answer comes first, under the title line: the frame is as tall as its
  // content, so a sticky bar cannot follow the reader; at the top it is in the frame's first
  // screen whatever the reader taps (and the host scrolls it into view after an example).
  $('#app').insertBefore($('#answer'), $('#quick'));
}
