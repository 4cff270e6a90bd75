// Draws images/icon.png (128x128, RGBA) without any image tool: a stack of three text pages
// on a rounded blue square, the top page with a header bar and text lines. Node's zlib does
// the PNG compression. Run: node scripts/make-icon.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const W = 128;
const H = 128;
const SS = 4; // supersampling per axis, for smooth edges
const px = new Float64Array(W * H * 4); // premultiplied RGBA accumulators

/** Rounded rectangle test in pixel space. */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// shapes drawn in order: [test(x, y), [r, g, b, a]]
const shapes = [];
const rect = (x0, y0, x1, y1, r, color) => shapes.push([(x, y) => inRoundRect(x, y, x0, y0, x1, y1, r), color]);

rect(4, 4, 124, 124, 24, [0x1f, 0x4e, 0x8c, 255]); // background
const page = (dx, dy, shade) => rect(30 + dx, 22 + dy, 90 + dx, 102 + dy, 6, [shade, shade, Math.min(255, shade + 8), 255]);
page(12, 12, 150);
page(6, 6, 200);
page(0, 0, 250);
rect(38, 32, 82, 42, 3, [0xf2, 0xa9, 0x00, 255]); // the <<<FILE header bar
for (const [y, w] of [
  [52, 40],
  [62, 44],
  [72, 36],
  [82, 42],
])
  rect(38, y, 38 + w, y + 4, 2, [0x6b, 0x7a, 0x90, 255]);

for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const fx = x + (sx + 0.5) / SS;
        const fy = y + (sy + 0.5) / SS;
        let c = [0, 0, 0, 0];
        for (const [test, color] of shapes) if (test(fx, fy)) c = color;
        const a = c[3] / 255;
        acc[0] += c[0] * a;
        acc[1] += c[1] * a;
        acc[2] += c[2] * a;
        acc[3] += a;
      }
    }
    const n = SS * SS;
    const i = (y * W + x) * 4;
    const alpha = acc[3] / n;
    px[i] = alpha ? acc[0] / n / alpha : 0;
    px[i + 1] = alpha ? acc[1] / n / alpha : 0;
    px[i + 2] = alpha ? acc[2] / n / alpha : 0;
    px[i + 3] = alpha * 255;
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

const raw = Buffer.alloc(H * (1 + W * 4));
for (let y = 0; y < H; y++) {
  raw[y * (1 + W * 4)] = 0; // filter: none
  for (let x = 0; x < W * 4; x++) raw[y * (1 + W * 4) + 1 + x] = Math.round(px[y * W * 4 + x]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes, ${W}x${H})`);
