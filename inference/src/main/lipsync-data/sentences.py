"""Deterministic sentence generator for the lip-sync training data.

Sentences are built from small word banks and templates, so no sentence is copied from anywhere (and
none from the benchmark's DEV set: gen.py checks that). The banks are chosen to cover every English
phone, with many bilabials (p/b/m), labiodentals (f/v) and rounded vowels (oo/w/oh), which matter most
for lip-sync.
"""
import random

NAMES = ["Bob", "Mabel", "Peter", "Wendy", "Fiona", "Victor", "Ruth", "George", "Judy", "Oscar",
         "Paula", "Thomas", "Zoe", "Hugo", "Agnes", "Molly", "Boyd", "Shirley", "Vincent", "Yusuf",
         "Maud", "Owen", "Beth", "Chuck", "Irma", "Nora", "Kevin", "Lily", "Ahmed", "Carmen"]
NOUNS = ["boat", "pumpkin", "window", "mirror", "bottle", "umbrella", "puppy", "woolen scarf",
         "violin", "museum", "blueberry pie", "moon", "voucher", "shovel", "typewriter", "pebble",
         "broom", "mushroom", "bamboo chair", "feather", "jigsaw", "lighthouse", "whistle", "map",
         "oven", "engine", "ribbon", "bicycle", "compass", "thermos", "garage", "pillow", "pizza",
         "mailbox", "blanket", "hammer", "spoon", "rooftop", "ukulele", "zipper", "yogurt", "oyster",
         "question", "measure", "treasure", "judge", "cheese", "thunder", "weather", "number"]
ADJS = ["purple", "foolish", "smooth", "brave", "heavy", "humble", "quiet", "rough", "bright",
        "wobbly", "boring", "famous", "polite", "muddy", "velvet", "frozen", "shiny", "awful",
        "wonderful", "bumpy", "tiny", "enormous", "moody", "youthful", "joyful", "pale", "cozy"]
VERBS_PAST = ["moved", "bought", "painted", "borrowed", "pushed", "found", "threw", "fixed",
              "washed", "swapped", "grabbed", "measured", "whispered about", "mopped", "loved",
              "wrapped", "returned", "sold", "chose", "shared", "polished", "dropped", "remembered",
              "juggled", "bumped into", "followed", "watched", "opened", "covered", "weighed"]
PLACES = ["by the pool", "in the morning", "near the harbour", "on the beach", "at the museum",
          "before lunch", "under the bridge", "at the zoo", "in the bathroom", "beyond the woods",
          "over the moon", "behind the bus", "in Boston", "at noon", "with both hands",
          "on Tuesday", "in the fog", "above the fireplace", "around the block", "by the window"]
ADVS = ["slowly", "boldly", "quietly", "happily", "very proudly", "far too often", "for a while",
        "probably", "warmly", "without a word", "by mistake", "on purpose", "rather badly",
        "amazingly fast", "only twice", "somewhat nervously"]
STARTERS = ["Well,", "Oh,", "Hmm,", "Wow,", "Okay,", "By the way,", "Maybe", "Obviously,",
            "Apparently,", "Believe me,", "Now,", "You know,", "Frankly,", "Meanwhile,"]
EXCLAIM = ["Whoa, what a view!", "Move over, please.", "Boo!", "Oops, my bad.", "Bravo, Bob!",
           "Mmm, mashed potatoes.", "Way to go!", "Peek-a-boo, baby.", "Oh boy, oh boy.",
           "Wow, you were wonderful.", "Hmm, maybe, maybe not.", "Pop goes the balloon.",
           "Who would have thought?", "Whatever you want.", "Very well, then.", "Beep beep!",
           "Yes, of course!", "No way!", "Phew, that was close.", "Bye for now."]
WH = ["Why", "When", "Where", "How often", "What time"]
AUX = ["did", "would", "could", "should", "will"]
VERBS = ["move", "buy", "paint", "borrow", "push", "find", "throw", "fix", "wash", "swap",
         "grab", "measure", "mop", "love", "wrap", "return", "sell", "choose", "share", "polish",
         "drop", "remember", "juggle", "follow", "watch", "open", "cover", "weigh"]
NUMS = ["two", "three", "four", "five", "seven", "nine", "twelve", "fifty", "ninety-nine",
        "a hundred", "a thousand"]


def _np(r):
    a = r.random()
    if a < 0.35:
        return "the " + r.choice(NOUNS)
    if a < 0.7:
        return "the " + r.choice(ADJS) + " " + r.choice(NOUNS)
    if a < 0.85:
        return r.choice(["my", "your", "his", "her", "our", "their"]) + " " + r.choice(NOUNS)
    return r.choice(NUMS) + " " + r.choice(ADJS) + " " + r.choice(NOUNS) + "s"


def _sentence(r):
    t = r.randrange(9)
    if t == 0:
        s = "%s %s %s %s." % (r.choice(NAMES), r.choice(VERBS_PAST), _np(r), r.choice(PLACES))
    elif t == 1:
        s = "%s %s %s %s %s." % (r.choice(STARTERS), r.choice(NAMES), r.choice(VERBS_PAST), _np(r), r.choice(ADVS))
    elif t == 2:
        s = "%s %s %s %s %s?" % (r.choice(WH), r.choice(AUX), r.choice(NAMES), r.choice(VERBS), _np(r))
    elif t == 3:
        s = r.choice(EXCLAIM)
    elif t == 4:
        s = "%s is %s, but %s is %s." % (_np(r).capitalize(), r.choice(ADJS), _np(r), r.choice(ADJS))
    elif t == 5:
        s = "I think %s %s %s, and then %s %s." % (r.choice(NAMES), r.choice(VERBS_PAST), _np(r),
                                                  r.choice(["we", "they", "you", "she", "he"]), r.choice(VERBS_PAST) + " " + _np(r))
    elif t == 6:
        s = "Please %s %s %s." % (r.choice(VERBS), _np(r), r.choice(PLACES + ADVS))
    elif t == 7:
        s = "%s %s %s." % (r.choice(NAMES), r.choice(["never", "always", "seldom", "sometimes"]),
                           r.choice(["mumbles", "whispers", "laughs", "worries", "hums", "waves"]) + " " + r.choice(PLACES))
    else:
        s = "%s, %s %s %s %s?" % (r.choice(NAMES), r.choice(["do you", "would you", "can we", "may I"]),
                                  r.choice(VERBS), _np(r), r.choice(PLACES))
    return s[0].upper() + s[1:]


def sentences(seed, n, forbidden=()):
    """n distinct sentences, deterministic from seed, none equal (case/punctuation-insensitive) to forbidden."""
    def key(s):
        return "".join(c for c in s.lower() if c.isalnum() or c == " ").split()
    bad = {tuple(key(s)) for s in forbidden}
    r = random.Random(seed)
    out, seen = [], set()
    while len(out) < n:
        s = _sentence(r)
        k = tuple(key(s))
        if k in seen or k in bad:
            if len(seen) > 50 * n:
                raise RuntimeError("sentence space exhausted")
            continue
        seen.add(k)
        out.append(s)
    return out


if __name__ == "__main__":
    for s in sentences(1, 20):
        print(s)
