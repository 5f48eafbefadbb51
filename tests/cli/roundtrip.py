#!/usr/bin/env python3
"""roundtrip.py: the property test of hearsay-split's offsets. For every input, at
every level, the records' texts put back at their offsets must equal the input's
bytes there, never overlap, and leave uncovered nothing but white space and the
`date YYYY-MM-DD` headers. Inputs: the files named, plus random article streams."""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

SPACE = re.compile(rb'(?:[ \t\n\v\f\r]|\xc2\xa0|\xe2\x80[\x80-\x8a\xaf]|\xe2\x81\x9f|\xe3\x80\x80|\xef\xbb\xbf)+')
TRAILING_SPACE = re.compile(SPACE.pattern + rb'\Z')
HEADER = re.compile(rb'date \d{4}-\d{2}-\d{2}')
ESC = re.compile(rb'\\(x[0-9a-f]{2}|[tnr\\])')


def unescape(field):
    def one(m):
        e = m.group(1)
        if e[:1] == b'x':
            return bytes([int(e[1:], 16)])
        return {b't': b'\t', b'n': b'\n', b'r': b'\r', b'\\': b'\\'}[e]
    return ESC.sub(one, field)


def check(split, path, level):
    data = open(path, 'rb').read()
    run = subprocess.run([split, '-l', level, path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    # 1 is a warned data problem (random streams have invalid UTF-8); anything
    # else, a sanitizer's report included, is a failure
    if run.returncode not in (0, 1):
        return ['%s: exit status %d: %s' % (level, run.returncode,
                                             run.stderr[:300].decode('utf-8', 'replace'))]
    out = run.stdout
    covered = bytearray(len(data))
    last_end = 0
    problems = []
    for line in out.split(b'\n')[:-1]:
        cols = line.split(b'\t')
        if len(cols) != 7:
            return ['%s: a record has %d columns' % (level, len(cols))]
        start, end = int(cols[4]), int(cols[5])
        text = unescape(cols[6])
        if start < last_end:
            problems.append('%s: record at %d overlaps the one before' % (level, start))
        if data[start:end] != text:
            problems.append('%s: text of [%d,%d) differs from the input' % (level, start, end))
        if text and (SPACE.match(text) or TRAILING_SPACE.search(text)):
            problems.append('%s: record at %d has surrounding white space' % (level, start))
        covered[start:end] = b'\1' * (end - start)
        last_end = end
    # What no record holds must be white space and headers only.
    i = 0
    while i < len(data):
        if covered[i]:
            i += 1
            continue
        j = i
        while j < len(data) and not covered[j]:
            j += 1
        rest = SPACE.sub(b' ', data[i:j]).strip()
        for token in HEADER.sub(b'', rest).split():
            problems.append('%s: uncovered text %r at %d' % (level, token[:40], i))
        i = j
    return problems


def random_stream(rng):
    words = [b'the', b'minister', b'said', b'Mr.', b'U.S.', b'Sen.', b'J.', b'3.5',
             b'$4.2', b'\xe2\x80\x9cWe', b'go,\xe2\x80\x9d', b'"Ready?"', b'asked.',
             b'Oslo.', b'(it', b'did.)', b'\xe2\x80\xa6', b'...', b'e.g.', b'No.', b'5.',
             b'caf\xc3\xa9', b'\xff', b'\x00', b'Heading', b'a.m.', b'It', b'He']
    parts = []
    for _ in range(rng.randint(1, 30)):
        r = rng.random()
        if r < 0.05:
            parts.append(b'\n\n')
        elif r < 0.08:
            parts.append(b'\n')
        elif r < 0.10:
            parts.append(b' date 20%02d-%02d-%02d ' % (rng.randint(0, 99), rng.randint(1, 13), rng.randint(1, 31)))
        elif r < 0.12:
            parts.append(b'\r\n   \r\n')
        else:
            parts.append(rng.choice(words) + b' ')
    return b''.join(parts)


def main():
    split = sys.argv[1]
    paths = sys.argv[2:]
    rng = random.Random(20261122)
    tmp = tempfile.mkdtemp(prefix='hearsay-roundtrip.')
    for n in range(300):
        path = os.path.join(tmp, 'random-%d.txt' % n)
        with open(path, 'wb') as f:
            f.write(random_stream(rng))
        paths.append(path)
    passed = failed = 0
    for path in paths:
        for level in ('sentence', 'paragraph', 'article'):
            problems = check(split, path, level)
            if problems:
                failed += 1
                print('FAIL - %s %s' % (path, level))
                for p in problems[:5]:
                    print('  ' + p)
            else:
                passed += 1
    # a failing random stream is kept for a look; the rest go
    if failed == 0:
        shutil.rmtree(tmp)
    else:
        print('random streams kept in %s' % tmp)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
