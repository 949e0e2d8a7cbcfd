/**
 * The radar of the six dimensions as an SVG string, for the PDF report (pdfmake draws SVG; no browser needed).
 * The web page draws the same figure with ECharts.
 */
export type RadarSeries = { name: string; values: (number | null)[]; colour: string; fill?: boolean; dashed?: boolean };

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const round = (n: number) => Math.round(n * 10) / 10;

export function radarSvg(options: { axes: string[]; max: number; series: RadarSeries[]; size?: number }): string {
  const size = options.size ?? 360;
  const legendHeight = options.series.length * 14 + 8;
  const height = size + legendHeight;
  const centre = size / 2;
  const radius = size / 2 - 70;
  const n = options.axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const point = (i: number, value: number) => {
    const r = (radius * value) / options.max;
    return [round(centre + r * Math.cos(angle(i))), round(centre + r * Math.sin(angle(i)))] as const;
  };
  const parts: string[] = [];
  // Rings at every level of the scale, and the spokes.
  for (let level = 1; level <= options.max; level++) {
    const ring = options.axes.map((_, i) => point(i, level).join(',')).join(' ');
    parts.push(`<polygon points="${ring}" fill="none" stroke="#c8cdd0" stroke-width="0.8"/>`);
    const [x, y] = point(0, level);
    parts.push(`<text x="${x + 4}" y="${y + 3}" font-size="8" fill="#5f6b70" font-family="Roboto">${level}</text>`);
  }
  options.axes.forEach((label, i) => {
    const [x, y] = point(i, options.max);
    parts.push(`<line x1="${centre}" y1="${centre}" x2="${x}" y2="${y}" stroke="#c8cdd0" stroke-width="0.8"/>`);
    const [lx, ly] = point(i, options.max * 1.16);
    const cos = Math.cos(angle(i));
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    parts.push(
      `<text x="${lx}" y="${ly + 4}" font-size="10" fill="#1f2a30" text-anchor="${anchor}" font-family="Roboto">${escapeXml(label)}</text>`,
    );
  });
  // Series: a missing value sits at the centre, so the shape stays closed; the table beside the radar says which.
  for (const series of options.series) {
    if (series.values.every((v) => v === null)) continue;
    const points = series.values.map((v, i) => point(i, v ?? 0).join(',')).join(' ');
    parts.push(
      `<polygon points="${points}" fill="${series.fill ? series.colour : 'none'}" fill-opacity="${series.fill ? 0.25 : 0}" stroke="${series.colour}" stroke-width="${series.fill ? 2 : 1.5}"${series.dashed ? ' stroke-dasharray="5,3"' : ''}/>`,
    );
    series.values.forEach((v, i) => {
      if (v === null) return;
      const [x, y] = point(i, v);
      parts.push(`<circle cx="${x}" cy="${y}" r="2.5" fill="${series.colour}"/>`);
    });
  }
  // Legend under the chart.
  options.series.forEach((series, i) => {
    const y = size + 10 + i * 14;
    parts.push(
      `<line x1="20" y1="${y - 3}" x2="40" y2="${y - 3}" stroke="${series.colour}" stroke-width="2"${series.dashed ? ' stroke-dasharray="5,3"' : ''}/>`,
    );
    parts.push(
      `<text x="46" y="${y}" font-size="9" fill="#1f2a30" font-family="Roboto">${escapeXml(series.name)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${height}" viewBox="0 0 ${size} ${height}">${parts.join('')}</svg>`;
}
