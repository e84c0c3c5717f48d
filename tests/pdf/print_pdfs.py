#!/usr/bin/env python3
"""Prints HTML pages to PDF with one headless Chromium, driven over the
DevTools protocol on a pipe (--remote-debugging-pipe: no port opened), so a
page costs its layout, not a browser start. Chromium runs in a temporary
profile and is stopped by its PID whatever happens.

usage: print_pdfs.py PROFILE_DIR PAGE.html=OUT.pdf...
"""
import base64
import json
import os
import subprocess
import sys
import time

profile = sys.argv[1]
jobs = [a.split("=", 1) for a in sys.argv[2:]]


def to_fds_3_and_4(read_end, write_end):
    # Chromium reads the protocol on fd 3 and writes it on fd 4.
    a, b = os.dup(read_end), os.dup(write_end)
    os.dup2(a, 3)
    os.dup2(b, 4)


to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
proc = subprocess.Popen(
    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
     "--user-data-dir=" + profile, "about:blank"],
    close_fds=False, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    preexec_fn=lambda: to_fds_3_and_4(to_chrome_r, from_chrome_w))
os.close(to_chrome_r)
os.close(from_chrome_w)
out = os.fdopen(to_chrome_w, "wb", buffering=0)
inp = os.fdopen(from_chrome_r, "rb", buffering=0)
buf = b""
next_id = 0
events = []


def read_message():
    global buf
    while b"\0" not in buf:
        chunk = inp.read(1 << 20)
        if not chunk:
            sys.exit("print_pdfs: Chromium closed the pipe")
        buf += chunk
    msg, buf = buf.split(b"\0", 1)
    return json.loads(msg)


def call(method, params=None, session=None):
    global next_id
    next_id += 1
    msg = {"id": next_id, "method": method, "params": params or {}}
    if session:
        msg["sessionId"] = session
    out.write(json.dumps(msg).encode() + b"\0")
    while True:
        m = read_message()
        if m.get("id") == next_id:
            if "error" in m:
                sys.exit(f"print_pdfs: {method}: {m['error']}")
            return m["result"]
        events.append(m)


def wait_event(name, session, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        for i, m in enumerate(events):
            if m.get("method") == name and m.get("sessionId") == session:
                del events[i]
                return
        events.append(read_message())
    sys.exit(f"print_pdfs: no {name} within {timeout} s")


try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    call("Page.enable", session=session)
    for page, pdf in jobs:
        events.clear()
        call("Page.navigate", {"url": "file://" + os.path.abspath(page)}, session=session)
        wait_event("Page.loadEventFired", session)
        data = call("Page.printToPDF", {"preferCSSPageSize": True, "displayHeaderFooter": False,
                                         "printBackground": True}, session=session)["data"]
        with open(pdf, "wb") as f:
            f.write(base64.b64decode(data))
finally:
    proc.kill()
    proc.wait()
