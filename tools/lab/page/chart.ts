// The training curve: accuracy on some test images against the number of training images seen,
// with both axes named and numbered.
export function drawCurve(canvas: HTMLCanvasElement, points: { x: number; y: number }[], total: number, labels: { x: string; y: string }): void {
  const ctx = canvas.getContext("2d")!;
  const { width, height } = canvas;
  const left = 52, right = width - 14, top = 12, bottom = height - 42;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, width, height);
  ctx.font = "11px system-ui, sans-serif";
  ctx.fillStyle = "#333";
  const px = (x: number) => left + (x / Math.max(1, total)) * (right - left);
  const py = (y: number) => bottom - y * (bottom - top);
  ctx.strokeStyle = "#e3e3e3";
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (let y = 0; y <= 1.0001; y += 0.2) {
    ctx.beginPath();
    ctx.moveTo(left, py(y));
    ctx.lineTo(right, py(y));
    ctx.stroke();
    ctx.fillText(`${Math.round(y * 100)}%`, left - 6, py(y));
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (let i = 0; i <= 4; i++) {
    const x = (total * i) / 4;
    ctx.fillText(x >= 1000 ? `${Math.round(x / 100) / 10}k` : String(Math.round(x)), px(x), bottom + 5);
  }
  ctx.strokeStyle = "#333";
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, bottom);
  ctx.lineTo(right, bottom);
  ctx.stroke();
  ctx.fillText(labels.x, (left + right) / 2, bottom + 22);
  ctx.save();
  ctx.translate(12, (top + bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = "middle";
  ctx.fillText(labels.y, 0, 0);
  ctx.restore();
  if (points.length === 0) return;
  ctx.strokeStyle = "#2856c8";
  ctx.lineWidth = 2;
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(px(p.x), py(p.y)) : ctx.lineTo(px(p.x), py(p.y))));
  ctx.stroke();
  ctx.lineWidth = 1;
  ctx.fillStyle = "#c82828";
  for (const p of points) ctx.fillRect(px(p.x) - 2, py(p.y) - 2, 5, 5);
}
