# Word frequency, a task of Rosetta Code
# (https://rosettacode.org/wiki/Word_frequency): the n most common words
# of a text, case folded, with their counts. The text is made here from a
# small vocabulary by a linear congruential generator (Park and Miller's
# minimal standard) instead of read from a book: words in mixed case,
# punctuation and line breaks between them. Written plainly from the
# task's description; wordfreq.go is the same program.
import re
import sys

VOCABULARY = """the of and to a in that it is was he for on are as
with his they I at be this have from or one had by word but not what all were we when
your can said there use an each which she do how their if will up other about out many
then them these so some her would make like him into time has look two more write go
see number no way could people my than first water been call who oil its now find long
down day did get come made may part Goroutine channel select mutex""".split()

seed = 1


def random(n):
    global seed
    seed = seed * 16807 % 2147483647
    return seed % n


def text(words):
    parts = []
    for _ in range(words):
        w = VOCABULARY[random(len(VOCABULARY))]
        if random(5) == 0:
            w = w[:1].upper() + w[1:]
        parts.append(w)
        r = random(12)
        if r == 0:
            parts.append(", ")
        elif r == 1:
            parts.append(".\n")
        else:
            parts.append(" ")
    return "".join(parts)


def main():
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    counts = {}
    for w in re.split(r"[^A-Za-z]+", text(words)):
        if w:
            w = w.lower()
            counts[w] = counts.get(w, 0) + 1
    keys = sorted(counts, key=lambda k: (-counts[k], k))
    print(len(keys), "different words")
    for i, k in enumerate(keys[:10]):
        print("%2d  %-10s %d" % (i + 1, k, counts[k]))


main()
