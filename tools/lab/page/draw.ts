// The drawing pad: dark ink on white paper, drawn with pointer events (mouse, pen or finger).
// Strokes are kept, so undo takes the last one away and draws the rest again.
// Each stroke is drawn twice: on the pad a person sees, and on a small copy of it (SMALL x SMALL
// pixels) that the preprocessing reads. The network sees 28 x 28, so the small copy loses nothing
// it could use, and reading and converting it takes a 25th of the pad's 280 x 280 pixels.
type Point = [number, number];

export const INK_WIDTH = 22;
export const SMALL = 56;

export class Pad {
  private strokes: Point[][] = [];
  private drawing = false;
  /** The pad, then its small copy (drawn with the pad's coordinates, scaled down). */
  private readonly contexts: CanvasRenderingContext2D[];
  private readonly small: CanvasRenderingContext2D;

  /** `changed(t)` runs after the ink changed; t is the time stamp of the input that changed it. */
  constructor(readonly canvas: HTMLCanvasElement, private readonly changed: (inputTime: number) => void) {
    const copy = document.createElement("canvas");
    copy.width = copy.height = SMALL;
    this.small = copy.getContext("2d", { willReadFrequently: true })!;
    this.small.scale(SMALL / canvas.width, SMALL / canvas.height);
    this.contexts = [canvas.getContext("2d")!, this.small];
    this.redraw();
    canvas.addEventListener("pointerdown", (e) => {
      this.drawing = true;
      canvas.setPointerCapture(e.pointerId);
      this.strokes.push([this.at(e)]);
      this.dot(this.at(e));
      this.changed(e.timeStamp);
    });
    canvas.addEventListener("pointermove", (e) => {
      if (!this.drawing) return;
      const stroke = this.strokes[this.strokes.length - 1];
      // The browser hands over one move per frame; the moves in between make the line smooth.
      for (const move of e.getCoalescedEvents?.() ?? [e]) {
        const point = this.at(move);
        this.segment(stroke[stroke.length - 1], point);
        stroke.push(point);
      }
      this.changed(e.timeStamp);
    });
    const end = () => {
      this.drawing = false;
    };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
  }

  get empty(): boolean {
    return this.strokes.length === 0;
  }

  undo(): void {
    this.strokes.pop();
    this.redraw();
    this.changed(performance.now());
  }

  clear(): void {
    this.strokes = [];
    this.redraw();
    this.changed(performance.now());
  }

  /** The drawing's pixels, SMALL x SMALL: 4 bytes (red, green, blue, alpha) a pixel, row by row. */
  pixels(): { width: number; height: number; data: Uint8Array<ArrayBuffer> } {
    const image = this.small.getImageData(0, 0, SMALL, SMALL);
    return { width: image.width, height: image.height, data: new Uint8Array(image.data.buffer) };
  }

  private at(e: PointerEvent): Point {
    const box = this.canvas.getBoundingClientRect();
    return [((e.clientX - box.left) / box.width) * this.canvas.width, ((e.clientY - box.top) / box.height) * this.canvas.height];
  }

  private redraw(): void {
    for (const ctx of this.contexts) {
      ctx.fillStyle = "white";
      ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    }
    for (const stroke of this.strokes) {
      this.dot(stroke[0]);
      for (let i = 1; i < stroke.length; i++) this.segment(stroke[i - 1], stroke[i]);
    }
  }

  private dot([x, y]: Point): void {
    for (const ctx of this.contexts) {
      ctx.fillStyle = "black";
      ctx.beginPath();
      ctx.arc(x, y, INK_WIDTH / 2, 0, 2 * Math.PI);
      ctx.fill();
    }
  }

  private segment(from: Point, to: Point): void {
    for (const ctx of this.contexts) {
      ctx.strokeStyle = "black";
      ctx.lineWidth = INK_WIDTH;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      ctx.beginPath();
      ctx.moveTo(from[0], from[1]);
      ctx.lineTo(to[0], to[1]);
      ctx.stroke();
    }
  }
}
