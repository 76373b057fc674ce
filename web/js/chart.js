// A small line chart drawn as SVG: one series of {at_ms, value} points, time on x.

const NS = "http://www.w3.org/2000/svg";

function svg(name, attributes, text) {
  const element = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** An <svg> of `points` (sorted by at_ms), titled `title` for screen readers. */
export function lineChart(points, title, width = 640, height = 220) {
  const pad = { left: 64, right: 12, top: 12, bottom: 28 };
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart" });
  root.append(svg("title", {}, title));
  if (points.length === 0) {
    root.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "axis" },
                    "no history yet"));
    return root;
  }
  const xs = points.map((p) => p.at_ms);
  const ys = points.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y0 === y1) { y0 -= 1; y1 += 1; }
  const sx = (x) => pad.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const sy = (y) => pad.top + (1 - (y - y0) / (y1 - y0)) * (height - pad.top - pad.bottom);
  for (const y of [y0, (y0 + y1) / 2, y1]) {
    root.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: sy(y), y2: sy(y), class: "grid" }));
    root.append(svg("text", { x: pad.left - 6, y: sy(y) + 4, "text-anchor": "end", class: "axis" },
                    y.toLocaleString(undefined, { maximumFractionDigits: 4 })));
  }
  for (const x of [x0, x1]) {
    root.append(svg("text", { x: sx(x), y: height - 8, "text-anchor": x === x0 ? "start" : "end", class: "axis" },
                    new Date(x).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })));
  }
  const path = points.map((p, i) => `${i ? "L" : "M"}${sx(p.at_ms).toFixed(1)},${sy(p.value).toFixed(1)}`).join(" ");
  root.append(svg("path", { d: path, class: "line" }));
  const last = points[points.length - 1];
  root.append(svg("circle", { cx: sx(last.at_ms), cy: sy(last.value), r: 3.5, class: "dot" }));
  return root;
}
