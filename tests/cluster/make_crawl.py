#!/usr/bin/env python3
"""Builds a crawl of eight shards for the cluster test, in a temporary folder:
real Arabic news as a WARC file of HTML pages and as JSON Lines, a real Common
Crawl WARC excerpt, and the annotated programme articles (the project's corpora
split over three shards so that events merge across shards, the shared real
articles). Nothing of it is kept in the project.

    make_crawl.py SOURCE_DIR SHARED_DIR OUT_DIR
"""
import gzip
import html
import io
import json
import os
import shutil
import subprocess
import sys

source, shared, out = sys.argv[1:4]
os.makedirs(out)


def news(first, count):
    """Articles first..first+count of news-ar (zstd JSON Lines)."""
    zst = os.path.join(shared, "data/news-ar/articles.jsonl.zst")
    proc = subprocess.Popen(["zstd", "-dc", zst], stdout=subprocess.PIPE)
    lines = []
    for i, line in enumerate(io.TextIOWrapper(proc.stdout, encoding="utf-8")):
        if i >= first + count:
            break
        if i >= first:
            lines.append(line)
    proc.kill()
    proc.wait()
    return lines


def warc_record(headers, payload):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(payload)}\r\n\r\n"
    return gzip.compress(head.encode() + payload + b"\r\n\r\n")


# 00: real news as pages a crawler fetched: one gzip member per WARC record.
with open(os.path.join(out, "00-news.warc.gz"), "wb") as f:
    for i, line in enumerate(news(0, 400)):
        a = json.loads(line)
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in a["text"].split("\n") if p.strip())
        page = (f"<!DOCTYPE html><html lang=\"ar\"><head><meta charset=\"utf-8\"><title>{html.escape(a['title'])}</title>"
                f"</head><body><article><h1>{html.escape(a['title'])}</h1>\n{body}</article></body></html>").encode()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + f"Content-Length: {len(page)}\r\n\r\n".encode() + page
        url = a["url"] or f"https://news.example/{a['id'].replace(':', '/')}"
        f.write(warc_record([("WARC-Type", "response"), ("WARC-Record-ID", f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>"),
                             ("WARC-Date", "2024-05-01T10:00:00Z"), ("WARC-Target-URI", url),
                             ("Content-Type", "application/http; msgtype=response")], http))

# 01: a real Common Crawl excerpt.
shutil.copy(os.path.join(shared, "data/warc/resiliparse-warcfile.warc.gz"), os.path.join(out, "01-commoncrawl.warc.gz"))

# 02: real news as a scraper writes it.
with open(os.path.join(out, "02-news.jsonl"), "w", encoding="utf-8") as f:
    f.writelines(news(400, 1000))

# 03-05: the Arabic programme articles, every third in each shard.
ar = sorted(n for n in os.listdir(os.path.join(source, "corpus/ar")) if n.endswith(".txt"))
for k in range(3):
    d = os.path.join(out, f"0{3 + k}-ar")
    os.makedirs(d)
    for n in ar[k::3]:
        shutil.copy(os.path.join(source, "corpus/ar", n), d)

# 06: the French ones; 07: the shared real articles.
shutil.copytree(os.path.join(source, "corpus/fr"), os.path.join(out, "06-fr"),
                ignore=lambda d, names: [n for n in names if not n.endswith(".txt")])
os.makedirs(os.path.join(out, "07-real"))
for sub in ("seeds", "real-dev"):
    d = os.path.join(shared, "corpus", sub)
    for n in sorted(os.listdir(d)):
        if n.endswith(".txt"):
            shutil.copy(os.path.join(d, n), os.path.join(out, "07-real", f"{sub}-{n}"))
