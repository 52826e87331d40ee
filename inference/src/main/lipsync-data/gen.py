#!/usr/bin/env python3
"""Generate lip-sync training clips with exact phone timing from Debian's speech synthesizers.

usage: gen.py --out DIR [--clips N] [--seed S] [--forbid GLOB] [--espeak-helper PATH]

Writes DIR/<clip>.wav (16-bit mono, the synthesizer's native rate), DIR/<clip>.phones.tsv
(`start end phone source`, seconds, ARPAbet phones with Rhubarb's names, gaps are silence),
DIR/<clip>.txt (the dialog text, one sentence per line) and DIR/clips.tsv (the manifest).
Deterministic from the seed (same packages, same output). Python 3 standard library only.

Voices: Festival kal_diphone, ked_diphone (festvox-kallpc16k, festvox-kdlpc16k), cmu_us_slt_arctic_hts
(festvox-us-slt-hts) with phone timing from the utterance's Segment relation; espeak-ng en-us with many
voice variants through the C helper espeak_phones.c (phoneme events from the synth callback).
Each sentence gets its own speaking rate and pitch; clips hold 1-3 sentences with random silences.
Noise, reverb, gain and speed/pitch resampling are applied on the fly by the Java training.
"""
import argparse
import glob
import os
import random
import struct
import subprocess
import sys
import tempfile
import wave

from sentences import sentences

HERE = os.path.dirname(os.path.abspath(__file__))

FEST_VOICES = {"fest_kal": "kal_diphone", "fest_ked": "ked_diphone", "fest_slt": "cmu_us_slt_arctic_hts"}
ESPEAK_VARIANTS = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5",
                   "klatt", "klatt2", "klatt3", "Alex", "Andy", "adam", "david", "john", "linda",
                   "paul", "steph", "travis", "zac", "max", "rob", "edward", "ed", "Mike", "Annie"]

FEST_PHONES = {"aa": "AA", "ae": "AE", "ah": "AH", "ao": "AO", "aw": "AW", "ay": "AY", "b": "B",
               "ch": "CH", "d": "D", "dh": "DH", "eh": "EH", "er": "ER", "ey": "EY", "f": "F", "g": "G",
               "hh": "HH", "ih": "IH", "iy": "IY", "jh": "JH", "k": "K", "l": "L", "m": "M", "n": "N",
               "ng": "NG", "ow": "OW", "oy": "OY", "p": "P", "r": "R", "s": "S", "sh": "SH", "t": "T",
               "th": "TH", "uh": "UH", "uw": "UW", "v": "V", "w": "W", "y": "Y", "z": "Z", "zh": "ZH",
               "ax": "Schwa", "axr": ["Schwa", "R"], "el": "L", "em": "M", "en": "N"}
# espeak-ng en-us phoneme mnemonics -> ARPAbet; a list is split 60/40 (r-coloured vowels, diphthong + schwa)
ESPEAK_PHONES = {
    "A:": "AA", "A": "AA", "0": "AA", "A@": ["AA", "R"], "a": "AE", "aa": "AE", "a2": "Schwa", "V": "AH",
    "O": "AO", "O2": "AO", "O:": "AO", "O@": ["AO", "R"], "aU": "AW", "aI": "AY", "aI3": ["AY", "ER"],
    "aI@": ["AY", "ER"], "E": "EH", "e": "EH", "e@": ["EH", "R"], "3": "ER", "3:": "ER", "eI": "EY",
    "I": "IH", "I#": "IH", "I2": "IH", "I2#": "IH", "i@": ["IH", "R"], "i@3": ["IY", "ER"], "i": "IY",
    "i:": "IY", "o@": ["OW", "R"], "oU": "OW", "o": "OW", "OI": "OY", "U": "UH", "U@": ["UH", "R"],
    "u:": "UW", "u": "UW", "@": "Schwa", "@2": "Schwa", "@5": "Schwa", "a#": "Schwa", "@L": "L",
    "b": "B", "tS": "CH", "d": "D", "d#": "D", "D": "DH", "f": "F", "g": "G", "h": "HH", "dZ": "JH",
    "k": "K", "x": "K", "l": "L", "l/": "L", "m": "M", "m-": "M", "n": "N", "n-": "N", "N": "NG",
    "p": "P", "r": "R", "r-": "R", "s": "S", "S": "SH", "t": "T", "t#": "T", "t2": "T", "T": "TH",
    "v": "V", "w": "W", "W": "W", ";": "Y", "j": "Y", "z": "Z", "z#": "Z", "Z": "ZH", "?": "T"}


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2
        return w.getframerate(), w.readframes(w.getnframes())


def write_wav(path, rate, pcm):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm)


def split(phones, start, end, source):
    """One synthesizer phone -> [(start, end, arpabet, source)], multi-phone entries split 60/40."""
    if isinstance(phones, str):
        return [(start, end, phones, source)]
    k = start + 0.6 * (end - start)
    return [(start, k, phones[0], source), (k, end, phones[1], source)]


def festival_batch(voice, jobs, tmp):
    """jobs: [(key, text, stretch, f0_mean)] -> {key: (rate, pcm, phones)}."""
    scm = [f"({voice_fn(voice)})"]
    for key, text, stretch, f0 in jobs:
        wav, seg = os.path.join(tmp, key + ".wav"), os.path.join(tmp, key + ".seg")
        scm.append(f"(Parameter.set 'Duration_Stretch {stretch:.3f})")
        if f0 is not None:
            scm.append(f"(set! int_lr_params '((target_f0_mean {f0}) (target_f0_std {f0 * 0.14:.1f}) "
                       f"(model_f0_mean 170) (model_f0_std 34)))")
        scm.append(f'(set! u (utt.synth (Utterance Text "{esc(text)}")))')
        scm.append(f'(utt.save.wave u "{wav}" \'riff)')
        scm.append(f'(set! fd (fopen "{seg}" "w"))')
        scm.append("(mapcar (lambda (s) (format fd \"%s\\t%f\\n\" (item.name s) (item.feat s 'end))) "
                   "(utt.relation.items u 'Segment))")
        scm.append("(fclose fd)")
    path = os.path.join(tmp, voice + ".scm")
    with open(path, "w") as f:
        f.write("\n".join(scm) + "\n")
    subprocess.run(["festival", "-b", path], check=True, stdout=subprocess.DEVNULL)
    out = {}
    for key, text, _, _ in jobs:
        rate, pcm = read_wav(os.path.join(tmp, key + ".wav"))
        phones, t = [], 0.0
        with open(os.path.join(tmp, key + ".seg")) as f:
            for line in f:
                name, end = line.split("\t")
                end = float(end)
                if name not in ("pau", "h#", "brth") and end > t:
                    if name not in FEST_PHONES:
                        raise ValueError("festival phone %r" % name)
                    phones += split(FEST_PHONES[name], t, end, name)
                t = max(t, end)
        out[key] = (rate, pcm, phones)
    return out


def voice_fn(voice):
    return "voice_" + FEST_VOICES[voice]


def espeak_one(helper, variant, text, rate_wpm, pitch, tmp, key):
    wav, ev = os.path.join(tmp, key + ".wav"), os.path.join(tmp, key + ".ev")
    subprocess.run([helper, "en-us+" + variant, str(rate_wpm), str(pitch), wav, ev], input=text.encode(),
                   check=True)
    rate, pcm = read_wav(wav)
    events = []
    with open(ev) as f:
        for line in f:
            s, name = line.rstrip("\n").split("\t")
            events.append((int(s), name))
    phones = []
    for (s, name), (e, _) in zip(events, events[1:]):
        if name.startswith("_") or name == "END" or e <= s:
            continue
        arpa = ESPEAK_PHONES.get(name)
        if arpa is None:
            arpa = ESPEAK_PHONES.get(name.rstrip("#:/-23"), None)
        if arpa is None:
            print("warning: unknown espeak phoneme %r in %r, treated as silence" % (name, text), file=sys.stderr)
            continue
        phones += split(arpa, s / rate, e / rate, name)
    return rate, pcm, phones


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--clips", type=int, default=600)
    ap.add_argument("--seed", type=int, default=20250)
    ap.add_argument("--forbid", default="", help="glob of .txt files whose sentences must not be used")
    ap.add_argument("--espeak-helper", default=None, help="built espeak_phones (default: build into OUT)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    helper = a.espeak_helper
    if helper is None:
        helper = os.path.join(a.out, "espeak_phones")
        subprocess.run(["cc", "-O2", "-o", helper, os.path.join(HERE, "espeak_phones.c"), "-lespeak-ng"],
                       check=True)
    forbidden = []
    for p in sorted(glob.glob(a.forbid)) if a.forbid else []:
        with open(p, encoding="utf-8") as f:
            forbidden += [l.strip() for l in f if l.strip()]
    r = random.Random(a.seed)
    pool = sentences(a.seed, a.clips * 2 + 100, forbidden)
    plan = []   # (clip, voice, engine, [(key, text, params)], [silences])
    si = 0
    for i in range(a.clips):
        u = r.random()
        if u < 0.45:
            engine, voice = "festival", r.choice(sorted(FEST_VOICES))
        else:
            engine, voice = "espeak", "esp_" + r.choice(ESPEAK_VARIANTS)
        n = r.choice([1, 1, 2, 2, 3])
        sents = []
        for j in range(n):
            text = pool[si]
            si += 1
            key = "c%04d_%d" % (i, j)
            if engine == "festival":
                f0 = r.randint(75, 150) if voice != "fest_slt" else None
                sents.append((key, text, (round(r.uniform(0.75, 1.35), 3), f0)))
            else:
                sents.append((key, text, (r.randint(110, 270), r.randint(10, 90))))
        gaps = [round(r.uniform(0.05, 0.6), 3)] + [round(r.uniform(0.05, 1.0), 3) for _ in range(n)]
        plan.append(("gen_%04d_%s" % (i, voice), voice, engine, sents, gaps))

    with tempfile.TemporaryDirectory() as tmp:
        synth = {}
        for voice in sorted(FEST_VOICES):
            jobs = [(k, t, p[0], p[1]) for c, v, e, s, g in plan if v == voice for k, t, p in s]
            if jobs:
                synth.update(festival_batch(voice, jobs, tmp))
        for c, v, e, s, g in plan:
            if e == "espeak":
                for k, t, p in s:
                    synth[k] = espeak_one(helper, v[4:], t, p[0], p[1], tmp, k)
        man = open(os.path.join(a.out, "clips.tsv"), "w")
        man.write("clip\tvoice\tengine\tduration_s\tparams\n")
        for c, v, e, s, g in plan:
            rate = synth[s[0][0]][0]
            pcm = bytearray()
            phones = []
            t = 0.0
            for (k, text, p), gap in zip(s, g):
                pcm += b"\0\0" * int(round(gap * rate))
                t = len(pcm) / 2 / rate
                srate, spcm, sph = synth[k]
                assert srate == rate
                phones += [(t + a0, t + b0, ph, src) for a0, b0, ph, src in sph]
                pcm += spcm
            pcm += b"\0\0" * int(round(g[-1] * rate))
            write_wav(os.path.join(a.out, c + ".wav"), rate, bytes(pcm))
            with open(os.path.join(a.out, c + ".phones.tsv"), "w") as f:
                f.write("start\tend\tphone\tsource\n")
                for a0, b0, ph, src in phones:
                    f.write("%.4f\t%.4f\t%s\t%s\n" % (a0, b0, ph, src))
            with open(os.path.join(a.out, c + ".txt"), "w") as f:
                f.write("\n".join(t for _, t, _ in s) + "\n")
            man.write("%s\t%s\t%s\t%.3f\t%s\n" % (c, v, e, len(pcm) / 2 / rate,
                                                  ";".join("%s:%s" % (k, "/".join(map(str, p))) for k, _, p in s)))
        man.close()


if __name__ == "__main__":
    main()
