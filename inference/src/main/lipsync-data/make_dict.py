#!/usr/bin/env python3
"""Convert Festival's CMU lexicon (festlex-cmu: /usr/share/festival/dicts/cmu/cmudict-0.4.out) to the compact
pronouncing dictionary bundled with the lip-sync model: one line per word, `word phone phone ...`, phones in
Festival's radio phone set (lower case, ax = schwa), stress and syllables dropped, the first pronunciation of
each word kept. Gzipped; see CMUDICT-LICENSE.txt next to the output for the licence and the modifications.

usage: make_dict.py [SRC] OUT.txt.gz
"""
import gzip
import re
import sys

src = sys.argv[1] if len(sys.argv) > 2 else "/usr/share/festival/dicts/cmu/cmudict-0.4.out"
out = sys.argv[-1]
seen = {}
with open(src, encoding="latin-1") as f:
    for line in f:
        m = re.match(r'\("((?:[^"\\]|\\.)*)" \S+ \((.*)\)\)\s*$', line)
        if not m:
            continue
        word = m.group(1).lower()
        if word in seen or not re.fullmatch(r"[a-z][a-z'.\-]*", word):
            continue
        phones = re.findall(r"\(\(([a-z ]+)\) \d\)", m.group(2))
        seen[word] = " ".join(" ".join(p.split()) for p in phones)
with gzip.GzipFile(out, "wb", mtime=0) as g:
    for w in sorted(seen):
        g.write(("%s %s\n" % (w, seen[w])).encode("ascii"))
print(len(seen), "words")
