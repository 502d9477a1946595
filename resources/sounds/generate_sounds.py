#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the alert sounds of the operator app (issue 6) next to this script.

Short synthesised tones, one distinct sound per alert kind, plus a more urgent variant for the
alerts that repeat (a waiting visitor, an incoming call). Only the standard library: the output is
deterministic, so running it again rewrites the committed WAV files byte for byte.

    python3 resources/sounds/generate_sounds.py
"""
import math
import os
import struct
import wave

RATE = 22050  # mono, 16-bit PCM: what QSoundEffect plays everywhere
PEAK = 0.85   # headroom below full scale; the app's volume does the rest


def note(freq, seconds, decay=6.0, harmonics=(1.0, 0.35, 0.12), attack=0.006):
    """A struck tone: a few harmonics, a short attack, an exponential decay."""
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, t / attack) * math.exp(-decay * t)
        v = sum(a * math.sin(2 * math.pi * freq * (k + 1) * t) for k, a in enumerate(harmonics))
        out.append(env * v / sum(harmonics))
    return fade_out(out)


def ring(freqs, seconds, trill=20.0):
    """A telephone-like ring: two close tones, amplitude trilled like a bell striker."""
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, t / 0.01) * (0.6 + 0.4 * math.sin(2 * math.pi * trill * t))
        v = sum(math.sin(2 * math.pi * f * t) for f in freqs) / len(freqs)
        out.append(env * v)
    return fade_out(out)


def silence(seconds):
    return [0.0] * int(RATE * seconds)


def fade_out(samples, seconds=0.01):
    """No click at the end of a note."""
    n = min(len(samples), int(RATE * seconds))
    for i in range(n):
        samples[len(samples) - n + i] *= (n - i) / n
    return samples


def write(name, samples):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    top = max(abs(s) for s in samples) or 1.0
    frames = b"".join(struct.pack("<h", int(round(s / top * PEAK * 32767))) for s in samples)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main():
    # A visitor waits: a two-note door chime, falling (G5, E5).
    write("waiting_visitor.wav", note(784, 0.30, decay=5) + note(659, 0.45, decay=4))
    # Still waiting after the repeats: three rising notes twice, brighter and faster.
    urgent = []
    for _ in range(2):
        for f in (784, 988, 1175):
            urgent += note(f, 0.11, decay=9, harmonics=(1.0, 0.6, 0.4, 0.25))
        urgent += silence(0.06)
    write("waiting_visitor_urgent.wav", urgent)
    # A message in my dialog: one soft high blip.
    write("message.wav", note(1047, 0.18, decay=14))
    # A dialog transferred to me: a rising fifth (C5, G5).
    write("transfer.wav", note(523, 0.16, decay=8) + note(784, 0.30, decay=6))
    # My name in the operator chat: a quick double tap.
    write("mention.wav", note(1319, 0.07, decay=25) + silence(0.05) + note(1319, 0.09, decay=20))
    # An incoming call: a telephone ring, and a faster, longer ring when it escalates.
    write("incoming_call.wav", ring((440, 480), 0.8) + silence(0.2))
    write("incoming_call_urgent.wav", ring((480, 620), 0.6, trill=28) + silence(0.1)
          + ring((480, 620), 0.6, trill=28))


if __name__ == "__main__":
    main()
