#!/usr/bin/env python3
"""From a good PDF, a damaged one: the cross-reference table and the trailer
cut off and the object streams after the first third overwritten, as a
download cut short leaves it.

usage: bad_pdfs.py GOOD.pdf BROKEN.pdf
"""
import sys

data = open(sys.argv[1], "rb").read()
cut = data[: len(data) // 3]
# What remains names no page tree poppler can rebuild.
cut = cut.replace(b"/Type /Pages", b"/Type /Junk").replace(b"/Type/Pages", b"/Type/Junk")
cut = cut.replace(b"/Type /Catalog", b"/Type /Junk").replace(b"/Type/Catalog", b"/Type/Junk")
open(sys.argv[2], "wb").write(cut + b"\nxref\n0 3\n0000000000 65535 f \ngarbage\ntrailer\n<< /Size 9 /Root 99 0 R >>\nstartxref\n123456789\n%%EOF\n")
