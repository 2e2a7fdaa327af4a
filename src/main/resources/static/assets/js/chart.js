// The portfolio's value over time as a plain inline SVG line chart: no library, no inline style (the page's
// Content-Security-Policy allows neither), colours from app.css classes. Hovering, or the arrow keys once the
// chart has focus, shows the value at a point; a table with the same points is the accessible fallback.

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 12, right: 12, top: 22, bottom: 28 };

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text != null) node.textContent = text;
  return node;
}

/** Screen coordinates for each point: x by time, y by value (a flat series sits in the middle). */
export function layout(points) {
  const times = points.map((p) => p.time);
  const values = points.map((p) => p.value);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  let v0 = Math.min(...values);
  let v1 = Math.max(...values);
  if (v0 === v1) {
    v0 -= Math.abs(v0) * 0.01 || 1;
    v1 += Math.abs(v1) * 0.01 || 1;
  }
  const spanX = WIDTH - PAD.left - PAD.right;
  const spanY = HEIGHT - PAD.top - PAD.bottom;
  return points.map((p) => ({
    ...p,
    x: PAD.left + (t1 === t0 ? spanX : ((p.time - t0) / (t1 - t0)) * spanX),
    y: PAD.top + (1 - (p.value - v0) / (v1 - v0)) * spanY,
  }));
}

/**
 * Draws points ([{time: ms, value: number, label: exact text}]) into host. formatValue(number) and
 * formatTime(ms) give the hover and axis texts.
 */
export function drawChart(host, points, { formatValue, formatTime, title }) {
  if (points.length === 0) {
    host.replaceChildren();
    return;
  }
  const placed = layout(points);
  const line = placed.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const bottom = HEIGHT - PAD.bottom;
  const area = `${line} L${placed[placed.length - 1].x.toFixed(1)},${bottom} L${placed[0].x.toFixed(1)},${bottom} Z`;
  const rising = points[points.length - 1].value >= points[0].value;
  const values = points.map((p) => p.value);
  const top = placed.reduce((a, b) => (b.y < a.y ? b : a));
  const low = placed.reduce((a, b) => (b.y > a.y ? b : a));

  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: `chart-svg ${rising ? 'chart-up' : 'chart-down'}`, role: 'img',
    tabindex: 0, 'aria-label': title, 'data-points': points.length,
  });
  chart.append(
    svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: bottom, y2: bottom, class: 'chart-axis' }),
    svg('path', { d: area, class: 'chart-area' }),
    svg('path', { d: line, class: 'chart-line' }),
    svg('text', { x: WIDTH - PAD.right, y: PAD.top - 4, class: 'chart-label chart-label-end' }, `high ${formatValue(Math.max(...values))}`),
    svg('text', { x: WIDTH - PAD.right, y: Math.min(low.y + 14, bottom - 4), class: 'chart-label chart-label-end' },
      top === low ? '' : `low ${formatValue(Math.min(...values))}`),
    svg('text', { x: PAD.left, y: HEIGHT - 8, class: 'chart-label' }, formatTime(points[0].time)),
    svg('text', { x: WIDTH - PAD.right, y: HEIGHT - 8, class: 'chart-label chart-label-end' }, formatTime(points[points.length - 1].time)),
  );
  const cursor = svg('line', { y1: PAD.top, y2: bottom, class: 'chart-cursor', visibility: 'hidden' });
  const dot = svg('circle', { r: 4, class: 'chart-dot', visibility: 'hidden' });
  const tip = svg('g', { class: 'chart-tip', visibility: 'hidden' });
  const tipBox = svg('rect', { rx: 6, height: 40, class: 'chart-tip-box' });
  const tipValue = svg('text', { class: 'chart-tip-value' });
  const tipTime = svg('text', { class: 'chart-tip-time' });
  tip.append(tipBox, tipValue, tipTime);
  chart.append(cursor, dot, tip);

  let shown = -1;
  const show = (index) => {
    shown = Math.max(0, Math.min(placed.length - 1, index));
    const p = placed[shown];
    for (const node of [cursor, dot, tip]) node.setAttribute('visibility', 'visible');
    cursor.setAttribute('x1', p.x);
    cursor.setAttribute('x2', p.x);
    dot.setAttribute('cx', p.x);
    dot.setAttribute('cy', p.y);
    tipValue.textContent = formatValue(p.value);
    tipTime.textContent = formatTime(p.time);
    const boxWidth = 150;
    const left = Math.min(Math.max(p.x - boxWidth / 2, 0), WIDTH - boxWidth);
    const top = p.y > PAD.top + 50 ? p.y - 50 : p.y + 10;
    tipBox.setAttribute('x', left);
    tipBox.setAttribute('y', top);
    tipBox.setAttribute('width', boxWidth);
    tipValue.setAttribute('x', left + 10);
    tipValue.setAttribute('y', top + 17);
    tipTime.setAttribute('x', left + 10);
    tipTime.setAttribute('y', top + 32);
    chart.dataset.hoverValue = p.label;
    chart.dataset.hoverIndex = String(shown);
  };
  const hide = () => {
    shown = -1;
    for (const node of [cursor, dot, tip]) node.setAttribute('visibility', 'hidden');
    delete chart.dataset.hoverValue;
  };
  const nearest = (clientX) => {
    const box = chart.getBoundingClientRect();
    const x = ((clientX - box.left) / box.width) * WIDTH;
    let best = 0;
    for (let i = 1; i < placed.length; i += 1) {
      if (Math.abs(placed[i].x - x) < Math.abs(placed[best].x - x)) best = i;
    }
    return best;
  };
  chart.addEventListener('pointermove', (event) => show(nearest(event.clientX)));
  chart.addEventListener('pointerleave', hide);
  chart.addEventListener('blur', hide);
  chart.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      show(shown < 0 ? placed.length - 1 : shown + (event.key === 'ArrowLeft' ? -1 : 1));
    } else if (event.key === 'Escape') {
      hide();
    }
  });
  host.replaceChildren(chart);
}
