// Money and percent text as the visitor types it -> the plain digits the engine reads.
// Forgiving money text: full-width digits, spaces, "元"/"¥", thousands commas ("1,200") are
// rewritten as plain digits before the engine reads them. Only the text changes: no arithmetic.
export function normAmount(s) {
  if (s === undefined || s === null) return '';
  var x = String(s).replace(/[\uFF10-\uFF19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48); })
    .replace(/\uFF0E/g, '.').replace(/[\uFF0C\u3001]/g, ',').replace(/[\s\u3000]+/g, '')
    .replace(/^(?:¥|￥|RMB|人民币)/i, '').replace(/(?:元整?|块钱?|圆|RMB)$/i, '');
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(x)) x = x.replace(/,/g, '');
  return x;
}

// "50" or "85.5" (percent) -> "0.50" / "0.855" by moving the decimal point in the string.
export function percentToRatio(s) {
  s = normAmount(String(s || '').replace(/[%\uFF05]\s*$/, ''));
  var m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return s;
  var digits = (m[1] + ((m[2] || '') + '00').slice(0, 2));
  while (digits.length < 5) digits = '0' + digits;
  var r = digits.slice(0, -4).replace(/^0+(?=\d)/, '') + '.' + digits.slice(-4);
  return r.replace(/0+$/, '').replace(/\.(\d)$/, function (a, d) { return '.' + d + '0'; }).replace(/\.$/, '.00');
}

