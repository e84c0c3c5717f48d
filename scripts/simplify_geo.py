#!/usr/bin/env python3
"""Simplifies the shared province and region outlines into data/geo/.

The shared GeoJSON (../shared/data/geo, derived from OpenStreetMap) holds
~53,000 points, a megabyte per layer; a report only needs what shows at a
page's scale. Douglas-Peucker with a tolerance in degrees, coordinates
rounded, rings that collapse dropped (but every feature keeps its largest
ring, so no province disappears).

    python3 scripts/simplify_geo.py [--shared ../shared] [--tolerance 0.01]
"""
import argparse
import json
import os
import sys

ATTRIBUTION = "© OpenStreetMap contributors, ODbL"


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def douglas_peucker(points, tol):
    # Iterative: rings of thousands of points would exceed Python's recursion limit.
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, index = 0.0, -1
        for i in range(lo + 1, hi):
            d = perpendicular(points[i], points[lo], points[hi])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tol:
            keep[index] = True
            stack.append((lo, index))
            stack.append((index, hi))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tol, digits):
    # A closed ring: split at its farthest point so both ends stay anchored.
    if len(ring) < 5:
        return ring
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    half = douglas_peucker(ring[: far + 1], tol) + douglas_peucker(ring[far:], tol)[1:]
    out = []
    for x, y in half:
        q = [round(x, digits), round(y, digits)]
        if not out or out[-1] != q:
            out.append(q)
    return out


def simplify_feature(feature, tol, digits):
    geom = feature["geometry"]
    polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    out, largest = [], None
    for poly in polygons:
        rings = []
        for ring in poly:
            r = simplify_ring(ring, tol, digits)
            if len(r) >= 4:
                rings.append(r)
            elif largest is None or len(ring) > len(largest):
                largest = ring
        if rings:
            out.append(rings)
    if not out and largest is not None:
        out.append([[[round(x, digits), round(y, digits)] for x, y in largest]])
    props = {k: v for k, v in feature["properties"].items() if not k.startswith("osm_")}
    return {"type": "Feature", "id": feature["id"], "properties": props,
            "geometry": {"type": "MultiPolygon", "coordinates": out}}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--out", default=os.path.join(here, "..", "data", "geo"))
    ap.add_argument("--tolerance", type=float, default=0.01, help="degrees (0.01 is about 1 km)")
    ap.add_argument("--digits", type=int, default=3)
    args = ap.parse_args()
    for layer in ("provinces", "regions"):
        src = os.path.join(args.shared, "data", "geo", f"morocco_{layer}.geojson")
        try:
            with open(src, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            print(f"simplify_geo: {src}: {e}", file=sys.stderr)
            return 1
        features = [simplify_feature(ft, args.tolerance, args.digits) for ft in data["features"]]
        out = {"type": "FeatureCollection",
               "attribution": ATTRIBUTION,
               "source": f"../shared/data/geo/morocco_{layer}.geojson, simplified by scripts/simplify_geo.py "
                         f"(Douglas-Peucker, tolerance {args.tolerance} degrees, {args.digits} decimals)",
               "features": features}
        dst = os.path.join(os.path.normpath(args.out), f"{layer}.geojson")
        with open(dst, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
        points = sum(len(r) for ft in features for p in ft["geometry"]["coordinates"] for r in p)
        print(f"{dst}: {len(features)} features, {points} points, {os.path.getsize(dst)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
