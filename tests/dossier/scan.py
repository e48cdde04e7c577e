"""A real rendered Chinese scan: sentences drawn with Noto Sans CJK at 300 dpi, slight noise,
saved as an image-only PDF (no text layer)."""
import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
PAGES = [
    ["民事起诉状", "原告张三，男，住河南省开封市通许县。", "被告李四，男，住河南省开封市尉氏县。",
     "诉讼请求：判令被告偿还借款五万元。"],
    ["事实与理由", "二〇二五年三月，被告向原告借款，约定半年内归还。", "借款到期后，被告以经营困难为由拒不还款。",
     "原告多次催收，被告仍未履行还款义务。"],
    ["证据清单", "一、借条一份，证明借贷关系成立。", "二、银行转账记录，证明款项已经交付。",
     "此致 通许县人民法院"],
]


def render_page(lines, seed=0, dpi=300):
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 56)
    y = 300
    for line in lines:
        draw.text((250, y), line, font=font, fill=20)
        y += 130
    rng = random.Random(seed)
    px = img.load()
    for _ in range(4000):  # specks of a photocopier
        px[rng.randrange(w), rng.randrange(h)] = rng.randrange(120, 220)
    return img.filter(ImageFilter.GaussianBlur(0.6)).rotate(0.3, fillcolor=255)


def scanned_pdf(pages=PAGES, dpi=300) -> bytes:
    images = [render_page(lines, seed=i, dpi=dpi).convert("RGB") for i, lines in enumerate(pages)]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()
