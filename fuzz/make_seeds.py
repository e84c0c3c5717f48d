#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, made at run time from the project's
corpus/ and the shared WARC samples (../shared/data/warc): nothing is copied
into the source tree. Usage: make_seeds.py SOURCE_DIR SHARED_DIR OUT_DIR"""
import gzip
import json
import os
import sys

src, shared, out = sys.argv[1], sys.argv[2], sys.argv[3]


def texts(limit=24, size=4096):
    found = []
    for lang in ("ar", "fr"):
        folder = os.path.join(src, "corpus", lang)
        names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))[:limit]
        for n in names:
            with open(os.path.join(folder, n), "rb") as f:
                found.append((lang, n, f.read()[:size]))
    return found


def put(target, name, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def page(lang, text):
    lines = text.decode("utf-8", "replace").split("\n")
    body = "".join("<p>%s</p>" % l for l in lines[1:] if l.strip())
    return ('<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>'
            '<link rel="canonical" href="https://news.example.ma/a"></head><body><article><h1>%s</h1>%s'
            '</article></body></html>' % (lang, lines[0], lines[0], body)).encode("utf-8")


def warc(uri, html):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-06-13T08:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, len(http)))
    return head.encode() + http + b"\r\n\r\n"


for i, (lang, name, text) in enumerate(texts()):
    html = page(lang, text)
    put("html", name + ".html", html)
    put("html", name + ".cp1256.html", html.decode("utf-8").encode("cp1256", "replace").replace(
        b'charset="utf-8"', b'charset="windows-1256"'))
    record = warc("https://news.example.ma/%d" % i, html)
    put("warc", name + ".warc", record)
    put("warc", name + ".warc.gz", gzip.compress(record) + gzip.compress(record))
    line = json.dumps({"url": "https://news.example.ma/%d" % i, "title": name, "date": "2024-05-30",
                       "text": text.decode("utf-8", "replace")}, ensure_ascii=False).encode("utf-8")
    html_line = json.dumps({"url": "https://news.example.ma/h", "html": html.decode("utf-8")},
                           ensure_ascii=False).encode("utf-8")
    put("jsonl", name + ".jsonl", line + b"\n" + html_line + b"\n")
    put("charset", name, bytes([i % 10]) + text)
    put("charset", name + ".cp1256", bytes([2]) + text.decode("utf-8", "replace").encode("cp1256", "replace"))
    put("normalize", name, text)
    put("recognisers", name, bytes([0 if lang == "ar" else 1]) + text[:2048])

# The shared crawl samples, when they are there: real WARC files, small ones
# whole, the first members of the larger ones.
warc_dir = os.path.join(shared, "data", "warc")
if os.path.isdir(warc_dir):
    for root, _, files in os.walk(warc_dir):
        for n in sorted(files):
            path = os.path.join(root, n)
            with open(path, "rb") as f:
                data = f.read(256 << 10)
            put("warc", "shared-" + n, data[:64 << 10])
            if n.endswith(".gz"):
                try:
                    put("warc", "shared-plain-" + n[:-3], gzip.decompress(data[:64 << 10])[:64 << 10])
                except (OSError, EOFError, gzip.BadGzipFile):
                    d = gzip.GzipFile(fileobj=__import__("io").BytesIO(data))
                    try:
                        put("warc", "shared-plain-" + n[:-3], d.read(64 << 10))
                    except (OSError, EOFError):
                        pass
else:
    print("fuzz seeds: %s is absent; WARC seeds are synthetic only" % warc_dir, file=sys.stderr)
