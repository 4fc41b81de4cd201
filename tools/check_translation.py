#!/usr/bin/env python3
"""Review aid for a translation of the knowledge-base prose: `python3 tools/check_translation.py es`.

Compares src/kb/data/LANG.toml and diagnoses.LANG.toml with the English files (and with the
French ones as the reference adaptation) and reports:
- whether both files parse (tomllib) and have exactly the English keys, in the same order;
- values equal to the English one (allowed only where the French one is equal too);
- protected tokens of the English (backquoted and double-quoted spans, paths, option and
  directive names, upper-case command names, numbers) missing from the translation: an error
  where the French keeps the token, listed for review where the French translates it too
  (RFC wordings and concept quotations, which are translated);
- common English words left in the prose outside quoted spans (a heuristic tuned for Spanish,
  whose list leaves out words Spanish shares with English such as "no", "use" and "error";
  directive values, paths and product names are skipped).
Exits non-zero on a key mismatch, an equal value or a token missing where the French keeps it.
Needs Python 3.11 or later; it is not run by the build or CI.
"""
import pathlib, re, sys, tomllib
D = str(pathlib.Path(__file__).resolve().parent.parent / 'src' / 'kb' / 'data') + '/'

def load(n):
    with open(D + n, 'rb') as f:
        return tomllib.load(f)

def flat(d, p=''):
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(flat(v, p + k + '.'))
        elif isinstance(v, list):
            for i, x in enumerate(v):
                out[f'{p}{k}[{i}]'] = x
        else:
            out[p + k] = v
    return out

# Tokens that must survive translation byte for byte.
QUOTED = re.compile(r'"[^"]*"|`[^`]*`')
WORD = re.compile(r"[^\s,;()\[\]]+")
ALLOWED_MISSING = {'I/O', 'MUST', "e.g.", 'i.e.'}

def keep_tokens(text):
    toks = set(m.group(0) for m in QUOTED.finditer(text))
    # double quoted spans with content that is a single char (like "|") kept as is
    bare = QUOTED.sub(' ', text)
    for w in WORD.findall(bare):
        w = w.rstrip('.:!?').removesuffix("'s").removesuffix('’s')
        w = w.strip("'\"")
        if not w or w in ALLOWED_MISSING or re.fullmatch(r'\w+-[a-z]+', w):
            continue
        letters = [c for c in w if c.isalpha()]
        is_caps = len(letters) >= 2 and all(c.isupper() for c in letters)
        camel = re.search(r'[a-z][A-Z]', w) is not None
        if ('_' in w or '=' in w or w.startswith('/') or w.startswith('~/') or '.conf' in w
                or is_caps or camel or any(c.isdigit() for c in w) or w.startswith('--')):
            toks.add(w)
    return toks

# Common English words that must not appear in Spanish prose outside quoted spans.
ENGLISH = set('''the and when while with without file files server data connection login
reply replies is are not this that send after before retry of to for from what which how user
password directory command transfer failed closing open if then or be can will yes it by see
nothing wrong client side fix set check'''.split())

PRODUCTS = ('FileZilla Server', 'Windows Server')
DIRECTIVE_VALUE = re.compile(r"\b([A-Z][a-z]+[A-Z]\w*) (yes|no|on|off)\b")

def words(text):
    for p in PRODUCTS:  # product names, not prose
        text = text.replace(p, ' ')
    text = DIRECTIVE_VALUE.sub(' ', text)  # directive values such as NoAnonymous yes
    # paths, options and dotted names (/home/user, --with-tls, server.max_cons, <Directory>)
    text = ' '.join(t for t in text.split()
                    if not any(c in t for c in '/<>:') and not t.startswith('-')
                    and '.' not in t.rstrip('.,;)'))
    return [w for w in re.split(r"[^\w'’]+", text) if w and '_' not in w]

def english_words(text):
    bad = []
    prose = QUOTED.sub(' ', text)
    prose = re.sub(r"'[^']*'", ' ', prose)  # single-quoted literals in diagnoses
    for w in words(prose):
        is_name = (len(w) >= 2 and w == w.upper()) or any(c.isupper() for c in w[1:])
        if not is_name and w.lower() in ENGLISH:
            bad.append(w)
    return bad

def check(en_name, fr_name, es_name):
    print(f'== {es_name}')
    en, fr, es = load(en_name), load(fr_name), load(es_name)
    fe, ff, fs = flat(en), flat(fr), flat(es)
    ok = True
    if list(fe) != list(fs):
        ok = False
        print('  key mismatch: missing', [k for k in fe if k not in fs][:20],
              'extra', [k for k in fs if k not in fe][:20])
        if set(fe) == set(fs):
            print('  (same set, different order)')
    else:
        print(f'  keys: {len(fs)} values, same keys and order as {en_name}')
    same = [k for k in fe if k in fs and fs[k] == fe[k] and ff.get(k) != fe[k]]
    allowed_same = [k for k in fe if k in fs and fs[k] == fe[k] and ff.get(k) == fe[k]]
    print(f'  equal to English: {len(same)} (plus {len(allowed_same)} where French also equals English)')
    for k in same:
        ok = False
        print('   ', k)
    missing_total = 0
    reviewed = 0
    for k, v in fe.items():
        if k not in fs:
            continue
        miss = [t for t in keep_tokens(v) if t not in fs[k]]
        hard = [t for t in miss if t in ff.get(k, '')]
        soft = [t for t in miss if t not in hard]
        if hard:
            missing_total += len(hard)
            print(f'  tokens missing in {k} (French keeps them): {hard}')
        if soft:
            reviewed += len(soft)
            print(f'  translated like French in {k}: {soft}')
    print(f'  protected tokens missing where French keeps them: {missing_total}; '
          f'English tokens translated where French translates them too: {reviewed}')
    eng = 0
    for k, v in fs.items():
        bad = english_words(v)
        if bad:
            eng += len(bad)
            print(f'  English words outside quotes in {k}: {bad}')
    print(f'  English words outside quoted spans: {eng}')
    return ok and missing_total == 0

if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: check_translation.py LANG (for example es)')
    lang = sys.argv[1]
    r1 = check('en.toml', 'fr.toml', f'{lang}.toml')
    r2 = check('diagnoses.en.toml', 'diagnoses.fr.toml', f'diagnoses.{lang}.toml')
    print('RESULT', 'ok' if r1 and r2 else 'errors')
    sys.exit(0 if r1 and r2 else 1)
