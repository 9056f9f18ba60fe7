import fs from "node:fs";
import { describe, it } from "vitest";
import fc from "fast-check";
import { expectClose, expectCloseNumbers, expectNumbers, expectThrowsMentioning, fail, propertyOptions, say, t } from "../_testkit/check";
import { mnistPath } from "../../data/mnist";
import { rotate } from "./rotate";

const SIDE = 28;
const CENTRE = 13.5; // 28 is even: the centre lies between pixels 13 and 14
const at = (image: number[], row: number, col: number) => image[row * SIDE + col];
const isBorder = (i: number) => [0, SIDE - 1].includes(Math.floor(i / SIDE)) || [0, SIDE - 1].includes(i % SIDE);

/** A 28 x 28 picture whose pixel (row, col) is f(row, col). */
const picture = (f: (row: number, col: number) => number) => Array.from({ length: SIDE * SIDE }, (_, i) => f(Math.floor(i / SIDE), i % SIDE));

/** Any picture of scaled inputs, 0.01 to 1.00. */
const anyImage = fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: SIDE * SIDE, maxLength: SIDE * SIDE });

function rotated(image: ArrayLike<number>, degrees: number, what: string): number[] {
  return expectNumbers(rotate(image, degrees), SIDE * SIDE, what);
}

function expectSame(got: number[], expected: number[], what: string, tolerance: number): void {
  const bad = got.findIndex((v, i) => Math.abs(v - expected[i]) > tolerance);
  if (bad >= 0) {
    const [row, col] = [Math.floor(bad / SIDE), bad % SIDE];
    fail(`${say(what)}, ${t(`pixel (row ${row}, column ${col})`, `像素（第 ${row} 行，第 ${col} 列）`)}\n  expected: ${expected[bad]} ${t(`(give or take ${tolerance})`, `（允许误差 ${tolerance}）`)}\n  got:      ${got[bad]}`);
  }
}

describe("15 rotate: new training images by turning them about the centre (book 3.3) | 15 旋转：绕中心转动图像，得到新的训练图像（书中 3.3 节）", () => {
  it("+90 degrees turns the picture anticlockwise: a dot below the centre moves to the right of it | +90 度把图像逆时针转动：中心下方的点移到中心右边", () => {
    const dot = picture((row, col) => (row === 20 && col === 13 ? 1 : 0.01));
    const turned = rotated(dot, 90, t("rotate(a dot at row 20, column 13, by 90)", "rotate(第 20 行、第 13 列的一个点, 90)"));
    // (20, 13) is 6.5 below and 0.5 left of the centre (13.5, 13.5); a quarter turn anticlockwise
    // puts it 6.5 right and 0.5 below: (14, 20). Like scipy.ndimage.rotate, the book's tool.
    expectClose(at(turned, 14, 20), 1, "rotate(dot, 90) at (14, 20): where the dot should land | rotate(dot, 90) 在 (14, 20)：点应该落到的位置", 1e-9);
    expectClose(at(turned, 20, 13), 0.01, "rotate(dot, 90) at (20, 13): where the dot was | rotate(dot, 90) 在 (20, 13)：点原来的位置", 1e-9);
  });

  it("blends the four nearest pixels (bilinear), which is exact on a smooth ramp: +10 degrees gives scipy's numbers | 混合最近的四个像素（双线性），在平滑的斜坡上是精确的：+10 度给出 scipy 的数字", () => {
    // Pixel (row, col) of the ramp is 0.01 + 0.03 * col. Blending neighbours of a straight ramp
    // gives the ramp's exact value in between, so the turned pixel (row, col) must be the ramp at
    // the column it came from: 13.5 - sin(10) (row - 13.5) + cos(10) (col - 13.5).
    const ramp = picture((_, col) => 0.01 + 0.03 * col);
    const turned = rotated(ramp, 10, "rotate(ramp, 10)");
    expectClose(at(turned, 13, 13), 0.402833, "rotate(ramp, 10) at (13, 13); scipy.ndimage.rotate gives 0.402833 | rotate(ramp, 10) 在 (13, 13)；scipy.ndimage.rotate 给出 0.402833", 1e-6);
    expectClose(at(turned, 5, 20), 0.651318, "rotate(ramp, 10) at (5, 20); scipy gives 0.651318 | rotate(ramp, 10) 在 (5, 20)；scipy 给出 0.651318", 1e-6);
    expectClose(at(turned, 27, 14), 0.359445, "rotate(ramp, 10) at (27, 14); scipy gives 0.359445 | rotate(ramp, 10) 在 (27, 14)；scipy 给出 0.359445", 1e-6);
    const [sin, cos] = [Math.sin(Math.PI / 18), Math.cos(Math.PI / 18)];
    const ramp01 = (col: number) => 0.01 + 0.03 * Math.min(27, Math.max(0, col));
    for (let row = 0; row < SIDE; row++) {
      for (let col = 0; col < SIDE; col++) {
        const fromRow = CENTRE + cos * (row - CENTRE) + sin * (col - CENTRE);
        const fromCol = CENTRE - sin * (row - CENTRE) + cos * (col - CENTRE);
        const where = t(`rotate(ramp, 10) at (${row}, ${col}), which comes from (${fromRow.toFixed(3)}, ${fromCol.toFixed(3)})`, `rotate(ramp, 10) 在 (${row}, ${col})，它来自 (${fromRow.toFixed(3)}, ${fromCol.toFixed(3)})`);
        const inside = (p: number) => p >= 0 && p <= 27;
        const far = (p: number) => p <= -1 || p >= 28;
        if (inside(fromRow) && inside(fromCol)) {
          expectClose(at(turned, row, col), 0.01 + 0.03 * fromCol, where, 1e-9);
        } else if (far(fromRow) || far(fromCol)) {
          expectClose(at(turned, row, col), 0.01, t(`${where}: a pixel or more outside the picture, background 0.01`, `${where}：在图外一个像素以上，背景 0.01`), 1e-9);
        } else {
          // Less than a pixel outside: the README lets the edge rule vary (outside, clamped to the
          // edge, or blended with 0.01), so the value lies between 0.01 and the nearest edge pixels.
          const hi = Math.max(ramp01(Math.floor(fromCol)), ramp01(Math.ceil(fromCol)));
          const value = at(turned, row, col);
          if (!(value >= 0.01 - 1e-9 && value <= hi + 1e-9)) fail(`${where}${t(": just outside the picture", "：刚好在图外")}\n  expected: ${t(`between the background 0.01 and the nearest edge pixel ${hi.toFixed(5)}`, `在背景 0.01 和最近的边缘像素 ${hi.toFixed(5)} 之间`)}\n  got:      ${value}`);
        }
      }
    }
  });

  it("turns a real digit as the book's scipy.ndimage.rotate(image, ±10, reshape=False, order=1, cval=0.01) does | 像书中的 scipy.ndimage.rotate(image, ±10, reshape=False, order=1, cval=0.01) 那样转动一个真实的数字", () => {
    const images = fs.readFileSync(mnistPath("test-images"));
    const seven = Array.from(images.subarray(16, 16 + 784), (p) => (p / 255) * 0.99 + 0.01); // MNIST test image 0, a 7
    const scipy: [number, [number, number, number][]][] = [
      [10, [[7, 10, 0.06614], [10, 20, 0.393805], [20, 14, 0.684901], [15, 16, 0.457199]]],
      [-10, [[7, 10, 0.879448], [10, 20, 0.977284], [20, 14, 0.807308], [15, 16, 0.526837]]],
    ];
    for (const [degrees, pixels] of scipy) {
      const turned = rotated(seven, degrees, t(`rotate(MNIST test digit 0, ${degrees})`, `rotate(MNIST 测试数字 0, ${degrees})`));
      for (const [row, col, value] of pixels) expectClose(at(turned, row, col), value, t(`rotate(MNIST test digit 0, ${degrees}) at (${row}, ${col}); scipy gives ${value}`, `rotate(MNIST 测试数字 0, ${degrees}) 在 (${row}, ${col})；scipy 给出 ${value}`), 1e-6);
    }
  });

  it("corners that turn in from outside the picture get the background 0.01 | 从图外转进来的角取背景值 0.01", () => {
    const bright = picture(() => 0.8);
    const turned = rotated(bright, 45, t("rotate(every pixel 0.8, 45)", "rotate(每个像素都是 0.8, 45)"));
    for (const [row, col] of [[0, 0], [0, 27], [27, 0], [27, 27]]) expectClose(at(turned, row, col), 0.01, t(`rotate(every pixel 0.8, 45) at corner (${row}, ${col})`, `rotate(每个像素都是 0.8, 45) 在角上 (${row}, ${col})`), 1e-12);
    expectClose(at(turned, 13, 13), 0.8, "rotate(every pixel 0.8, 45) near the centre | rotate(每个像素都是 0.8, 45) 在中心附近", 1e-12);
  });

  it("angle 0 gives the picture back unchanged | 转 0 度原样返回图像", () => {
    fc.assert(
      fc.property(anyImage, (image) => {
        expectSame(rotated(image, 0, "rotate(image, 0)"), image, "rotate(image, 0)", 1e-12);
      }),
      propertyOptions(30),
    );
  });

  it("four quarter turns give the picture back, away from the border (a quarter turn moves every pixel exactly onto another) | 转四次 90 度得到原图（边框以内）：90 度旋转把每个像素恰好移到另一个像素上", () => {
    // cos(90 degrees) is 6e-17, not 0, so a border pixel may come from 27.000000000000004, which an
    // edge rule may call outside. The README leaves that open: only pixels off the border count.
    fc.assert(
      fc.property(anyImage, fc.constantFrom(90, -90), (image, quarter) => {
        let turned = image;
        for (let i = 1; i <= 4; i++) turned = rotated(turned, quarter, t(`rotate(image, ${quarter}) for the ${i}. time`, `第 ${i} 次 rotate(image, ${quarter})`));
        const inner = (xs: number[]) => xs.map((v, i) => (isBorder(i) ? 0 : v));
        expectSame(inner(turned), inner(image), t(`four times rotate(image, ${quarter})`, `四次 rotate(image, ${quarter})`), 1e-9);
      }),
      propertyOptions(30),
    );
  });

  it("every value stays between the picture's smallest and largest value (or the background 0.01) | 每个值都在图像自身的最小值和最大值（或背景 0.01）之间", () => {
    fc.assert(
      fc.property(anyImage, fc.double({ min: -360, max: 360, noNaN: true }), (image, degrees) => {
        const lo = Math.min(0.01, ...image);
        const hi = Math.max(0.01, ...image);
        const turned = rotated(image, degrees, `rotate(image, ${degrees})`);
        const bad = turned.findIndex((v) => v < lo - 1e-12 || v > hi + 1e-12);
        if (bad >= 0) fail(`rotate(image, ${degrees}), pixel [${bad}]\n  expected: between ${lo} and ${hi}: a blend of pixels never goes beyond them | expected: 在 ${lo} 和 ${hi} 之间：像素混合的结果不会超出它们\n  got:      ${turned[bad]}`);
      }),
      propertyOptions(50),
    );
  });

  it("turning by +a then -a gives a smooth picture back, away from the corners | 先转 +a 再转 -a，平滑的图像（角落以外）能复原", () => {
    // Smooth pictures: 0.5 + 0.2 sin(u . (col, row) + p) + 0.2 cos(v . (col, row) + q), each
    // frequency at most 0.3 per pixel. Bilinear blending misses such a picture by at most
    // (|f_xx| + |f_yy|) / 8 <= 0.2 * (0.3^2 + 0.3^2) / 8 = 0.0045 per wave per turn, so two
    // waves and two turns stay within 0.018. Within 12 pixels of the centre every pixel (and
    // every neighbour it is blended from) comes from inside the picture both times.
    const frequency = fc.double({ min: -0.3, max: 0.3, noNaN: true });
    const phase = fc.double({ min: 0, max: 2 * Math.PI, noNaN: true });
    fc.assert(
      fc.property(frequency, frequency, frequency, frequency, phase, phase, fc.double({ min: -180, max: 180, noNaN: true }), (u1, u2, v1, v2, p, q, degrees) => {
        const image = picture((row, col) => 0.5 + 0.2 * Math.sin(u1 * col + u2 * row + p) + 0.2 * Math.cos(v1 * col + v2 * row + q));
        const back = rotated(rotated(image, degrees, `rotate(image, ${degrees})`), -degrees, `rotate(rotate(image, ${degrees}), ${-degrees})`);
        for (let row = 0; row < SIDE; row++) {
          for (let col = 0; col < SIDE; col++) {
            if ((row - CENTRE) ** 2 + (col - CENTRE) ** 2 > 12 ** 2) continue;
            expectClose(at(back, row, col), at(image, row, col), t(`rotate(rotate(smooth image, ${degrees}), ${-degrees}) at (${row}, ${col})`, `rotate(rotate(平滑的图像, ${degrees}), ${-degrees}) 在 (${row}, ${col})`), 0.02);
          }
        }
      }),
      propertyOptions(50),
    );
  });

  it("does not change the picture it is given | 不改动传进来的图像", () => {
    const image = picture((row, col) => 0.01 + (row * SIDE + col) / 800);
    const copy = [...image];
    rotated(image, 10, "rotate(image, 10)");
    expectCloseNumbers(image, copy, "the image after rotate(image, 10) (rotate must return a new array) | rotate(image, 10) 之后的 image（rotate 必须返回新数组）", 0);
  });

  it("a picture that is not 784 numbers, a pixel or an angle that is not a number, gives a clear error | 图像不是 784 个数、某个像素或角度不是数时，给出清楚的错误", () => {
    expectThrowsMentioning(() => rotate(new Array(783).fill(0.01), 10), ["784", "783"], "rotate(an image of 783 numbers, 10) | rotate(783 个数的图像, 10)");
    expectThrowsMentioning(() => rotate(new Array(28).fill(0.01), 10), ["784", "28"], "rotate(an image of 28 numbers, 10) | rotate(28 个数的图像, 10)");
    expectThrowsMentioning(() => rotate(new Array(784).fill(0.01), Number.NaN), ["NaN"], "rotate(image, NaN)");
    expectThrowsMentioning(() => rotate(new Array(784).fill(0.01), Infinity), ["Infinity"], "rotate(image, Infinity)");
    const broken = new Array(784).fill(0.01);
    broken[300] = Number.NaN;
    expectThrowsMentioning(() => rotate(broken, 10), ["300", "NaN"], "rotate(an image whose pixel [300] is NaN, 10): never pass NaN on silently | rotate(第 [300] 个像素是 NaN 的图像, 10)：绝不能悄悄把 NaN 传下去");
  });
});
