#!/usr/bin/env python3
"""Writes an HTML page per article (read from the corpus, never copied into
the project) laid out as a printed report: a running header repeated on every
page, page numbers, one or two columns, Arabic right to left. The caller
prints each page to PDF with headless Chromium.

usage: make_pdfs.py OUT_DIR ARTICLE.txt...   (prints the HTML paths it wrote)
"""
import html
import os
import sys

out_dir = sys.argv[1]
for n, path in enumerate(sys.argv[2:]):
    name = os.path.splitext(os.path.basename(path))[0]
    text = open(path, encoding="utf-8").read()
    lines = [l for l in text.split("\n")]
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff") > len(text) / 10
    title = next((l for l in lines if l.strip()), name)
    columns = 1 + n % 2
    header = "مؤسسة محمد السادس لإعادة إدماج السجناء — تقرير" if arabic else "Fondation Mohammed VI — revue de presse"
    body = "".join("<p>%s</p>" % html.escape(l) if l.strip() else "" for l in lines)
    page = f"""<!doctype html>
<html lang="{'ar' if arabic else 'fr'}" dir="{'rtl' if arabic else 'ltr'}">
<head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
@page {{ size: A5; margin: 2.2cm 1.6cm 2cm 1.6cm;
  @top-center {{ content: "{html.escape(header)}"; font: 9pt "DejaVu Sans"; }}
  @bottom-center {{ content: counter(page); font: 9pt "DejaVu Sans"; }} }}
body {{ font-family: "DejaVu Sans"; font-size: 10.5pt; line-height: 1.45; margin: 0;
  column-count: {columns}; column-gap: 1cm; text-align: start; hyphens: manual; }}
p {{ margin: 0 0 0.6em 0; }}
</style></head>
<body>{body}</body></html>
"""
    out = os.path.join(out_dir, name + ".html")
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)
    print(out)
