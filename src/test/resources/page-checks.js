// What a person needs from any page, checked in the browser as it renders: returns a list of problems.
// Text contrast (WCAG 2.x: 4.5:1, 3:1 for large text), a label for every field, nothing wider than the window.
var problems = [];
function rgba(value) {
  var m = /rgba?\(([^)]+)\)/.exec(value);
  if (!m) { return null; }
  var p = m[1].split(/[ ,\/]+/).filter(function (x) { return x.length; }).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function luminance(c) {
  var l = c.slice(0, 3).map(function (v) {
    v = v / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}
function background(element) {
  for (var e = element; e; e = e.parentElement) {
    var c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { return c; }
  }
  return rgba(getComputedStyle(document.documentElement).backgroundColor) || [255, 255, 255, 1];
}
function hidden(element) {
  if (element.closest('[aria-hidden=true], .skip')) { return true; }
  var r = element.getBoundingClientRect();
  return r.width === 0 || r.height === 0 || r.right < 0 || getComputedStyle(element).visibility === 'hidden';
}
function describe(element) {
  return element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
      (element.className && typeof element.className === 'string' ? '.' + element.className.split(' ').join('.') : '');
}
document.querySelectorAll('body *').forEach(function (element) {
  var ownText = Array.prototype.some.call(element.childNodes, function (n) {
    return n.nodeType === 3 && n.textContent.trim().length > 0;
  });
  if (!ownText || hidden(element) || /^(SCRIPT|STYLE|NOSCRIPT|OPTION)$/.test(element.tagName)) { return; }
  var style = getComputedStyle(element);
  var fg = rgba(style.color), bg = background(element);
  var a = luminance(fg), b = luminance(bg);
  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  var size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
  var needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
  if (ratio < needed) {
    problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ' for "' + element.textContent.trim().slice(0, 40) +
        '" (' + describe(element) + ', ' + style.color + ' on ' + bg + ')');
  }
});
document.querySelectorAll('input, select, textarea').forEach(function (field) {
  if (field.type === 'hidden' || field.closest('[aria-hidden=true]')) { return; }
  if (!(field.labels && field.labels.length) && !field.getAttribute('aria-label')) {
    problems.push('no label for ' + describe(field));
  }
});
document.querySelectorAll('.trap').forEach(function (trap) {
  var r = trap.getBoundingClientRect();
  if (r.right > 0 && r.bottom > 0 && r.width > 1) { problems.push('the honeypot field is visible'); }
});
if (document.documentElement.scrollWidth > window.innerWidth + 1) {
  problems.push('page is ' + document.documentElement.scrollWidth + ' px wide in a ' + window.innerWidth + ' px window');
}
if (!document.querySelector('h1')) { problems.push('no h1'); }
if (!document.documentElement.lang) { problems.push('no lang on html'); }
return problems;
