#!/usr/bin/env python3
"""Draws the toolbar icons (a person on a rounded square) in two states and four sizes, as PNG.

active-*.png: Personio-like blue (on a candidate profile); inactive-*.png: gray (anywhere else).
Run once after changing the design: python3 static/icons/make_icons.py
"""
import os, struct, zlib

COLORS = {"active": (0x1F, 0x6F, 0xEB), "inactive": (0x9A, 0xA0, 0xA6)}
SIZES = (16, 32, 48, 128)
SS = 4  # supersampling per axis


def inside(x, y):
    """Shape in unit coordinates: 0 = transparent, 1 = background square, 2 = white figure."""
    r = 0.22
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return 0
    if (x - 0.5) ** 2 + (y - 0.37) ** 2 < 0.15 ** 2:
        return 2
    if y > 0.58 and ((x - 0.5) / 0.29) ** 2 + ((y - 0.86) / 0.26) ** 2 < 1 and y < 0.84:
        return 2
    return 1


def png(size, color):
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    k = inside((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size)
                    if k:
                        c = color if k == 1 else (255, 255, 255)
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = SS * SS
            alpha = acc[3] // n
            if alpha:
                covered = acc[3] // 255
                row += bytes([acc[0] // covered, acc[1] // covered, acc[2] // covered, alpha])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


here = os.path.dirname(os.path.abspath(__file__))
for state, color in COLORS.items():
    for size in SIZES:
        with open(os.path.join(here, f"{state}-{size}.png"), "wb") as f:
            f.write(png(size, color))
