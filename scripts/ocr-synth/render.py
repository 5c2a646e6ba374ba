#!/usr/bin/python3
"""Render page text to a degraded "scanned" page image, deterministically.

usage: /usr/bin/python3 render.py PAGE.txt OUT.png OUT.src.txt --font F --size PT
           --dpi D --scan-dpi S --blur B --noise N --jpeg Q --rotate DEG --ink I --seed K

PAGE.txt: one paragraph a line; a line starting with '# ' is a heading (bold,
centred, as typed: bulletins put headings in capitals). Paragraphs are wrapped
at the measured width of an A4 text block (2.5 cm margins) and first lines are
indented, like a printed bulletin. OUT.src.txt gets the text of every rendered
line, one a line, in page order: that is the truth the OCR is aligned with.

Degradation, in the order a real scan goes: render at --dpi; slight ink
spread/erosion (--ink: >0 thicker, <0 thinner strokes); rotate by --rotate
degrees; gaussian blur (--blur px); resample to --scan-dpi; optional binarisation (--threshold); additive gaussian
noise (--noise, grey levels) and paper speckle; save as JPEG of quality --jpeg
and re-read (block artefacts); OUT.png is what tesseract reads. Text longer than a page goes on to
OUT.2.png, OUT.3.png, ...; the names of all pages are printed, one a line.
Needs Debian's python3-pil and python3-numpy (use /usr/bin/python3).
"""
import argparse
import io
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

p = argparse.ArgumentParser()
p.add_argument('page')
p.add_argument('out_png')
p.add_argument('out_src')
p.add_argument('--font', required=True)
p.add_argument('--bold-font')
p.add_argument('--size', type=float, default=13)
p.add_argument('--dpi', type=int, default=300)
p.add_argument('--scan-dpi', type=int, default=150)
p.add_argument('--blur', type=float, default=0.8)
p.add_argument('--noise', type=float, default=12)
p.add_argument('--jpeg', type=int, default=50)
p.add_argument('--rotate', type=float, default=0.3)
p.add_argument('--ink', type=int, default=0)
p.add_argument('--threshold', type=int, default=0, help='binarise (photocopy/fax) at this grey level after resampling; 0 = off')
p.add_argument('--line-spacing', type=float, default=1.25)
p.add_argument('--seed', type=int, default=1)
a = p.parse_args()

rng = random.Random(a.seed)
nrng = np.random.default_rng(a.seed)

W, H = int(8.27 * a.dpi), int(11.69 * a.dpi)
margin = int(2.5 / 2.54 * a.dpi)
px = a.size * a.dpi / 72.0
font = ImageFont.truetype(a.font, int(round(px)))
bold = ImageFont.truetype(a.bold_font or a.font, int(round(px)))
line_h = int(px * a.line_spacing)
indent = int(1.0 / 2.54 * a.dpi)
text_w = W - 2 * margin

with open(a.page, encoding='utf-8') as f:
    paras = [l.rstrip('\n') for l in f if l.strip()]

pages = []
img = d = None
y = H


def new_page():
    global img, d, y
    img = Image.new('L', (W, H), 255)
    d = ImageDraw.Draw(img)
    pages.append(img)
    y = margin


new_page()
src_lines = []


def width(s, fnt):
    return d.textlength(s, font=fnt)


for par in paras:
    heading = par.startswith('# ')
    text = par[2:] if heading else par
    fnt = bold if heading else font
    words = text.split()
    lines = []
    cur = []
    first = not heading
    for w in words:
        avail = text_w - (indent if first and not lines else 0)
        trial = ' '.join(cur + [w])
        if cur and width(trial, fnt) > avail:
            lines.append(cur)
            cur = [w]
        else:
            cur.append(w)
    if cur:
        lines.append(cur)
    for i, ws in enumerate(lines):
        if y + line_h > H - margin:
            new_page()  # text that does not fit goes on to another page
        s = ' '.join(ws)
        if heading:
            x = margin + (text_w - width(s, fnt)) / 2
            d.text((x, y), s, font=fnt, fill=0)
        else:
            x0 = margin + (indent if i == 0 else 0)
            last = i == len(lines) - 1
            if last or len(ws) == 1:
                d.text((x0, y), s, font=fnt, fill=0)
            else:  # justified, as bulletins are
                avail = text_w - (indent if i == 0 else 0)
                gaps = len(ws) - 1
                extra = (avail - sum(width(w, fnt) for w in ws)) / gaps
                x = x0
                for w in ws:
                    d.text((x, y), w, font=fnt, fill=0)
                    x += width(w, fnt) + extra
        src_lines.append(s)
        y += line_h
    y += int(line_h * (0.6 if heading else 0.25))


# ---- degrade
def degrade(img):
    if a.ink > 0:
        img = img.filter(ImageFilter.MinFilter(2 * a.ink + 1))
    elif a.ink < 0:
        img = img.filter(ImageFilter.MaxFilter(2 * (-a.ink) + 1))
    if a.rotate:
        img = img.rotate(a.rotate, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if a.blur > 0:
        img = img.filter(ImageFilter.GaussianBlur(a.blur))
    sw, sh = int(W * a.scan_dpi / a.dpi), int(H * a.scan_dpi / a.dpi)
    img = img.resize((sw, sh), Image.BILINEAR)
    arr = np.asarray(img).astype(np.float32)
    if a.threshold:
        # a photocopy or a bilevel scan: thin strokes (diacritics) break or fill in
        arr = arr + nrng.normal(0, a.noise / 2, arr.shape)
        arr = np.where(arr < a.threshold, 30.0, 235.0)
    # uneven paper / toner: a slow gradient plus gaussian noise plus sparse speckle
    yy, xx = np.mgrid[0:sh, 0:sw]
    arr = arr - 10 * (xx / sw) * rng.random() - 10 * (yy / sh) * rng.random()
    arr = arr + nrng.normal(0, a.noise, arr.shape)
    speck = nrng.random(arr.shape) < 0.0008
    arr[speck] = nrng.uniform(0, 120, speck.sum())
    arr = np.clip(arr, 0, 255).astype(np.uint8)
    img = Image.fromarray(arr, 'L')
    buf = io.BytesIO()
    img.save(buf, 'JPEG', quality=a.jpeg)
    buf.seek(0)
    img = Image.open(buf).convert('L')
    return img


names = []
for k, pg in enumerate(pages):
    out = a.out_png if k == 0 else a.out_png.replace('.png', '.%d.png' % (k + 1))
    degrade(pg).save(out, dpi=(a.scan_dpi, a.scan_dpi))
    names.append(out)
print('\n'.join(names))

with open(a.out_src, 'w', encoding='utf-8') as f:
    f.write('\n'.join(src_lines) + '\n')
