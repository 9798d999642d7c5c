// The HTML report's only style sheet and script, inlined (the page makes no network request).
// Every text colour pair is listed in TEXT_PAIRS so a test can hold each to WCAG's 4.5:1.

export const COLORS = {
  text: '#1b1b1b',
  muted: '#555555',
  bg: '#ffffff',
  panel: '#f4f5f7',
  border: '#c4c8cf',
  link: '#0a4fb4',
  track: '#d7dbe0',
  good: '#1e6b34',
  fair: '#8a5a00',
  poor: '#a4161a',
} as const;

/** Badge colours: [text, background]. */
export const BADGES = {
  'sev-critical': ['#ffffff', '#7b1e5a'],
  'sev-high': ['#ffffff', '#a4161a'],
  'sev-medium': ['#1b1b1b', '#ffd966'],
  'sev-low': ['#ffffff', '#1f5f8b'],
  'out-fail': ['#ffffff', '#a4161a'],
  'out-pass': ['#ffffff', '#1e6b34'],
  'out-unknown': ['#ffffff', '#555555'],
  'out-suppressed': ['#ffffff', '#4b4b8f'],
  'out-not-applicable': ['#1b1b1b', '#e3e5e8'],
} as const;

/** Every foreground/background pair the style sheet uses for text. */
export const TEXT_PAIRS: [string, string][] = [
  [COLORS.text, COLORS.bg],
  [COLORS.muted, COLORS.bg],
  [COLORS.link, COLORS.bg],
  [COLORS.text, COLORS.panel],
  [COLORS.muted, COLORS.panel],
  [COLORS.link, COLORS.panel],
  [COLORS.good, COLORS.bg],
  [COLORS.fair, COLORS.bg],
  [COLORS.poor, COLORS.bg],
  ...Object.values(BADGES).map(([fg, bg]) => [fg, bg] as [string, string]),
];

const badgeCss = Object.entries(BADGES)
  .map(([cls, [fg, bg]]) => `.${cls}{color:${fg};background:${bg}}`)
  .join('\n');

export const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:${COLORS.text};background:${COLORS.bg}}
a{color:${COLORS.link}}
a:focus,input:focus-visible,summary:focus-visible{outline:3px solid ${COLORS.link};outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:${COLORS.bg};padding:.5rem}
.skip:focus{left:.5rem}
header,main,footer{max-width:70rem;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:1px solid ${COLORS.border}}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:1px solid ${COLORS.border};padding-bottom:.2rem}
h3{font-size:1.05rem;margin:.2rem 0 .4rem}
.muted{color:${COLORS.muted}}
.overview{display:flex;flex-wrap:wrap;gap:2rem;align-items:center}
.figures{display:grid;grid-template-columns:auto auto;gap:.2rem 1rem;margin:0}
.figures dt{font-weight:600}
.figures dd{margin:0}
.good{color:${COLORS.good}}.fair{color:${COLORS.fair}}.poor{color:${COLORS.poor}}
table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid ${COLORS.border};padding:.3rem .6rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right}
caption{text-align:left;font-weight:600;padding:.3rem 0}
meter{width:12rem;height:1rem}
.fixes{padding-left:1.4rem}
.fixes>li{margin:0 0 1rem;padding:.6rem .8rem;background:${COLORS.panel};border-left:4px solid ${COLORS.poor}}
.gain{font-weight:700;color:${COLORS.good}}
#filters{display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0;padding:0;border:0}
#filters[hidden]{display:none}
#filters fieldset{border:1px solid ${COLORS.border};padding:.3rem .8rem .5rem;margin:0}
#filters legend{font-weight:600;padding:0 .3rem}
#filters label{display:inline-flex;align-items:center;gap:.25rem;margin-right:.7rem;cursor:pointer;min-height:24px}
#filters input{width:1.1rem;height:1.1rem}
#filter-count{font-weight:600}
.finding{border:1px solid ${COLORS.border};border-radius:4px;padding:.6rem .9rem;margin:.7rem 0;background:${COLORS.bg}}
.finding[hidden]{display:none}
.finding.outcome-fail{border-left:6px solid ${COLORS.poor}}
.finding.outcome-unknown{border-left:6px solid ${COLORS.muted}}
.finding dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .9rem;margin:.4rem 0 0}
.finding dt{font-weight:600}
.finding dd{margin:0;min-width:0}
.finding dd>p:first-child,.fixes p{margin-top:0}
.finding dd>ul{margin:0;padding-left:1.2rem}
.badge{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .45rem;border-radius:3px;text-transform:uppercase;letter-spacing:.02em}
${badgeCss}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
code{overflow-wrap:anywhere}
pre{background:${COLORS.panel};border:1px solid ${COLORS.border};padding:.5rem .7rem;overflow:auto;white-space:pre-wrap}
@media print{
  body{font-size:11pt}
  .skip,#filters{display:none}
  header,main,footer{max-width:none;padding:0}
  .finding,.fixes>li,tr,svg{break-inside:avoid}
  a{color:${COLORS.text}}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;color:${COLORS.muted}}
  pre{white-space:pre-wrap}
}
`;

/**
 * The filters: checkboxes per pillar, severity and outcome; a finding shows when all three of
 * its values are ticked. Without JavaScript the filter form stays hidden and everything shows.
 */
export const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var count = document.getElementById('filter-count');
  if (!form || !count) return;
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-finding]'));
  function ticked(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]:checked')).map(function (i) { return i.value; });
  }
  function apply() {
    var p = ticked('pillar'), s = ticked('severity'), o = ticked('outcome'), shown = 0;
    items.forEach(function (el) {
      var show = p.indexOf(el.getAttribute('data-pillar')) >= 0 && s.indexOf(el.getAttribute('data-severity')) >= 0 && o.indexOf(el.getAttribute('data-outcome')) >= 0;
      el.hidden = !show;
      if (show) shown++;
    });
    count.textContent = 'Showing ' + shown + ' of ' + items.length + ' findings';
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  apply();
})();
`;
