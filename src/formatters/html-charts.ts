// Inline SVG charts of the HTML report: the overall score gauge and per-pillar score bars. Each
// chart is an image with a text alternative; the same figures are also in a table beside it.
import type { Report } from '../report/report.js';
import { PILLARS } from '../rules/rule.js';
import { COLORS } from './html-assets.js';
import { escapeXml as x } from './xml-escape.js';

/** A half-circle gauge from 0 to 100 with the score in the middle. */
export function gaugeSvg(score: number | null, level: string, tone: 'good' | 'fair' | 'poor'): string {
  const r = 80;
  const cx = 100;
  const cy = 100;
  const track = `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${cx + r} ${cy}`;
  let value = '';
  if (score !== null && score > 0) {
    const t = (Math.PI * Math.min(score, 100)) / 100;
    const ex = round(cx - r * Math.cos(t));
    const ey = round(cy - r * Math.sin(t));
    value = `<path d="M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${ex} ${ey}" fill="none" stroke="${COLORS[tone]}" stroke-width="18" stroke-linecap="butt"/>`;
  }
  const label = score === null ? 'No score: nothing could be verified' : `Overall score ${score} out of 100, level ${level}`;
  return (
    `<svg class="gauge" viewBox="0 0 200 120" width="240" height="144" role="img" aria-labelledby="gauge-title">` +
    `<title id="gauge-title">${x(label)}</title>` +
    `<path d="${track}" fill="none" stroke="${COLORS.track}" stroke-width="18"/>` +
    value +
    `<text x="${cx}" y="${cy - 10}" text-anchor="middle" font-size="34" font-weight="700" fill="${COLORS.text}">${score === null ? '–' : x(score)}</text>` +
    `<text x="${cx}" y="${cy + 14}" text-anchor="middle" font-size="13" fill="${COLORS.muted}">${x(level)}</text>` +
    `</svg>`
  );
}

/** One horizontal bar per pillar that has rules. */
export function pillarBarsSvg(report: Report): string {
  const rows = PILLARS.filter((p) => report.summary.pillars[p].rules);
  const rowH = 30;
  const height = Math.max(rows.length * rowH + 10, 40);
  const barX = 150;
  const barW = 260;
  const parts: string[] = [];
  rows.forEach((p, i) => {
    const s = report.summary.pillars[p].score;
    const y = 10 + i * rowH;
    parts.push(`<text x="0" y="${y + 15}" font-size="14" fill="${COLORS.text}">${x(p)}</text>`);
    parts.push(`<rect x="${barX}" y="${y + 2}" width="${barW}" height="18" fill="${COLORS.track}"/>`);
    if (s !== null && s > 0) parts.push(`<rect x="${barX}" y="${y + 2}" width="${round((barW * Math.min(s, 100)) / 100)}" height="18" fill="${COLORS[toneOf(s)]}"/>`);
    parts.push(`<text x="${barX + barW + 8}" y="${y + 16}" font-size="14" font-weight="700" fill="${COLORS.text}">${s === null ? '–' : x(s.toFixed(1))}</text>`);
  });
  const alt = rows.map((p) => `${p} ${report.summary.pillars[p].score ?? 'no score'}`).join(', ');
  return (
    `<svg class="pillars" viewBox="0 0 470 ${height}" width="470" height="${height}" role="img" aria-labelledby="pillars-title">` +
    `<title id="pillars-title">${x(`Pillar scores out of 100: ${alt || 'none'}`)}</title>` +
    parts.join('') +
    `</svg>`
  );
}

/** Colour band of a 0–100 score, for the bars (the gauge follows the level instead). */
export function toneOf(score: number): 'good' | 'fair' | 'poor' {
  return score >= 85 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
