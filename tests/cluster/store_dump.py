#!/usr/bin/env python3
"""Prints what a rasd database holds in a form that does not depend on row ids
(documents by uri, records by document and ordinal, events by their records),
one line per row, sorted: two stores with the same content print the same.

    store_dump.py DB
"""
import sqlite3
import sys

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
uri = dict(db.execute("SELECT id, uri FROM documents"))
rec = {rid: f"{uri[d]}#{o}" for rid, d, o in db.execute("SELECT id, document_id, ordinal FROM records")}
lines = []
cols = [r[1] for r in db.execute("PRAGMA table_info(documents)")]
for row in db.execute("SELECT * FROM documents"):
    d = dict(zip(cols, row))
    d["duplicate_of"] = uri.get(d["duplicate_of"])
    for k in ("id", "ingested_at"):
        d.pop(k)
    lines.append("document " + repr(sorted(d.items())))
for table, key in (("mentions", "document_id"), ("records", "document_id"), ("record_sectors", "record_id"),
                   ("evidence", "record_id")):
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    for row in db.execute(f"SELECT * FROM {table}"):
        d = dict(zip(cols, row))
        d[key] = uri[d[key]] if key == "document_id" else rec[d[key]]
        d.pop("id", None)
        lines.append(f"{table} " + repr(sorted(d.items())))
members = {}
for rid, eid in db.execute("SELECT record_id, event_id FROM event_records"):
    members.setdefault(eid, []).append(rec[rid])
conflicts = {}
for eid, field in db.execute("SELECT event_id, field FROM event_conflicts"):
    conflicts.setdefault(eid, []).append(field)
cols = [r[1] for r in db.execute("PRAGMA table_info(events)")]
for row in db.execute("SELECT * FROM events"):
    d = dict(zip(cols, row))
    eid = d.pop("id")
    d["records"] = sorted(members.get(eid, []))
    d["conflicts"] = sorted(conflicts.get(eid, []))
    lines.append("event " + repr(sorted(d.items())))
for bucket, d in db.execute("SELECT bucket, document_id FROM document_buckets"):
    lines.append(f"bucket {bucket!r} {uri[d]}")
# The search index: every term with the number of documents and occurrences.
db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, documents_fts, 'row')")
for term, docs, cnt in db.execute("SELECT term, doc, cnt FROM temp.vocab"):
    lines.append(f"term {term} {docs} {cnt}")
for line in sorted(lines):
    print(line)
