#!/usr/bin/env python3
"""Scores `rasd extract` on the PDFs against the same on the texts, per
language, with the shared scorer; checks every figure's evidence names its
page. Exits 1 with the reason when the PDFs lose more than 0.02 of fact F1.

usage: compare_runs.py SCORE_PY GOLD_DIR TEXT.jsonl PDF.jsonl
(GOLD_DIR holds ar/ and fr/, each with the NAME.gold.json files scored)
"""
import json
import os
import subprocess
import sys

score_py, gold_dir, text_out, pdf_out = sys.argv[1:5]
ok = True


def load(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]


pdf_lines = load(pdf_out)
pages_seen = set()
renamed = []
for o in pdf_lines:
    name = os.path.basename(o["source"])
    o["source"] = os.path.splitext(name)[0] + ".txt"
    for r in o.get("records") or []:
        for field, e in (r.get("evidence") or {}).items():
            if not isinstance(e.get("page"), int) or e["page"] < 1:
                print(f"{name}: the evidence of {field} names no page", file=sys.stderr)
                ok = False
            else:
                pages_seen.add(e["page"])
    renamed.append(o)
renamed_path = pdf_out + ".as_text.jsonl"
with open(renamed_path, "w", encoding="utf-8") as f:
    for o in renamed:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")


def f1(pred, lang):
    sub = pred + "." + lang + ".jsonl"
    with open(sub, "w", encoding="utf-8") as f:
        for l in open(pred, encoding="utf-8"):
            o = json.loads(l)
            name = os.path.splitext(os.path.basename(o["source"]))[0] + ".gold.json"
            if os.path.exists(os.path.join(gold_dir, lang, name)):
                f.write(l)
    lang_gold = os.path.join(gold_dir, lang)
    out = subprocess.run([sys.executable, score_py, lang_gold, sub, "--json"], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"score.py failed: {out.stderr}")
    j = json.loads(out.stdout)
    return j


for lang in ("ar", "fr"):
    if not os.path.isdir(os.path.join(gold_dir, lang)):
        continue
    t = f1(text_out, lang)
    p = f1(renamed_path, lang)
    tf, pf = t["facts"][2], p["facts"][2]
    print(f"{lang}: fact F1 on the texts {tf:.3f}, on the PDFs {pf:.3f}; facts (tp, fp, fn) {t['fact_counts']} vs {p['fact_counts']}")
    if pf < tf - 0.02:
        print(f"{lang}: the PDFs lose {tf - pf:.3f} of fact F1 (more than 0.02)", file=sys.stderr)
        ok = False
if not pages_seen or max(pages_seen) < 2:
    print("no figure was found past page 1: the pages are not told apart", file=sys.stderr)
    ok = False
sys.exit(0 if ok else 1)
