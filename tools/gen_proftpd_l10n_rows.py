#!/usr/bin/env python3
"""One-shot generator (issue 16), kept for the record: for every text of the localized ProFTPD
1.3.8 extraction (tests/data/server-texts/proftpd-1.3.8.l10n.tsv) that no ProFTPD row matches,
adds a row with that localized pattern whose cause and fix are those of the ProFTPD row that
diagnoses the same call's English text, plus a sentence saying which catalogue translated it:
ProFTPD's own locale/<l>.po (msgstr of the msgid, via mod_lang) and/or glibc's strerror() wording
(Debian 12 libc-l10n 2.36-9+deb12u14, /usr/share/locale/<l>/LC_MESSAGES/libc.mo). Rows go after
the last ProFTPD row of diagnoses.toml and of diagnoses.{en,fr,es}.toml.

Needs the ProFTPD 1.3.8 tree (git archive of tag v1.3.8) at SRC. Run from the repository root:
    python3 tools/gen_proftpd_l10n_rows.py SRC [--write]
Prints what it would add; --write adds it. A second --write adds nothing (the texts then match).
"""
import re
import sys
import tomllib

sys.path.insert(0, "tools")
import extract_server_texts as x  # noqa: E402

LOCALES = ["fr", "de", "es", "it", "ru"]
CATALOGUE_ONLY = ["bg", "ja", "ko", "zh_CN", "zh_TW"]
NAMES = {  # English, French, Spanish names of each language
    "fr": ("French", "français", "francés"), "de": ("German", "allemand", "alemán"),
    "es": ("Spanish", "espagnol", "español"), "it": ("Italian", "italien", "italiano"),
    "ru": ("Russian", "russe", "ruso"), "bg": ("Bulgarian", "bulgare", "búlgaro"),
    "ja": ("Japanese", "japonais", "japonés"), "ko": ("Korean", "coréen", "coreano"),
    "zh_CN": ("Simplified Chinese", "chinois simplifié", "chino simplificado"),
    "zh_TW": ("Traditional Chinese", "chinois traditionnel", "chino tradicional"),
}
D = "src/kb/data/"
LOCALIZED = re.compile(r"-(fr|de|es|it|ru|bg|ja|ko|zh|zhcn|zhtw)(-po)?(-\d+)?$")


def rx(p):
    out, i = "", 0
    while i < len(p):
        if p.startswith("{*}", i):
            out, i = out + ".*", i + 3
        elif p.startswith("{n}", i):
            out, i = out + "[0-9]+", i + 3
        elif p.startswith("{{", i):
            out, i = out + re.escape("{"), i + 2
        elif p[i].isascii() and p[i].isalpha():  # ASCII case-insensitive, as the crate matches
            out, i = out + "[" + p[i].lower() + p[i].upper() + "]", i + 1
        else:
            out, i = out + re.escape(p[i]), i + 1
    return re.compile(out, re.S)


def instances(p):
    return [p.replace("{*}", "\x01").replace("{n}", "1").replace("{{", "{").replace("\x01", a).strip()
            for a in ("x", "1")]


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def notes(loc, po, err):
    en, fr, es = NAMES[loc]
    e, f, s = [], [], []
    if po:
        cat = po.split("/")[-1][:-3]
        e.append(f"The reply is in {en}: ProFTPD translates its texts from its {cat} catalogue "
                 "when mod_lang selects that language (LangDefault, or the client's LANG command).")
        f.append(f"La réponse est en {fr} : ProFTPD traduit ses textes avec son catalogue {cat} "
                 "quand mod_lang choisit cette langue (LangDefault, ou la commande LANG du client).")
        s.append(f"La respuesta está en {es}: ProFTPD traduce sus textos con su catálogo {cat} "
                 "cuando mod_lang elige ese idioma (LangDefault, o el comando LANG del cliente).")
    if err:
        e.append(f"The system error is in {en}: ProFTPD writes strerror() texts in the locale of the "
                 "proftpd process (LANG or LC_ALL in its environment, or the language mod_lang selected).")
        f.append(f"L'erreur système est en {fr} : ProFTPD écrit les textes de strerror() dans la locale "
                 "du processus proftpd (LANG ou LC_ALL de son environnement, ou la langue choisie par mod_lang).")
        s.append(f"El error del sistema está en {es}: ProFTPD escribe los textos de strerror() en la "
                 "configuración regional del proceso proftpd (LANG o LC_ALL de su entorno, o el idioma "
                 "elegido por mod_lang).")
    return " ".join(e), " ".join(f), " ".join(s)


def main(argv):
    root = argv[1]
    x.proftpd(root)
    x.proftpd_localized(root, LOCALES, CATALOGUE_ONLY)
    rows = tomllib.load(open(D + "diagnoses.toml", "rb"))["diagnosis"]
    prose = {l: tomllib.load(open(D + f"diagnoses.{l}.toml", "rb")) for l in ("en", "fr", "es")}
    ids = {r["id"] for r in rows}
    mine = [(r["code"], rx(r["pattern"]), r) for r in rows if r["server"] == "proftpd"]
    new = []

    def literal(p):
        return p.replace("{*}", "").replace("{n}", "")

    def base_row(code, pattern):
        """The ProFTPD row (not a localized one) that diagnoses the English text: the most
        specific of those that match it (longest literal part)."""
        hits = [row for c, r, row in mine
                if c == code and not LOCALIZED.search(row["id"])
                and any(r.fullmatch(t) for t in instances(pattern))]
        return max(hits, key=lambda row: len(literal(row["pattern"])), default=None)

    def localized_of(base, code, pattern):
        """Whether a localized row of `base` already matches the localized text."""
        return any(c == code and row["id"].startswith(base["id"] + "-") and LOCALIZED.search(row["id"])
                   and any(r.fullmatch(t) for t in instances(pattern)) for c, r, row in mine)

    missing = []
    for loc, code, en_pat, pat, po, en_err, err, generic in x.PROFTPD_L10N_PAIRS:
        code = int(code)
        if not 400 <= code < 700:
            continue
        base = base_row(code, en_pat)
        if base is None or any(base["id"] not in prose[l] for l in prose):
            missing.append((loc, code, pat))
            continue
        # When the English row leaves the system error to a {*}, so does its translation.
        if generic is not None and en_err and en_err.lower() not in base["pattern"].lower():
            pat = generic
        if localized_of(base, code, pat) or any(r.fullmatch(t) for t in instances(pat)
                                                for c, r, row in mine if row is base):
            continue  # already diagnosed in this language (or the English row matches it as is)
        short = loc.lower().replace("_", "")  # fr, ..., zhcn, zhtw
        rid = f"{base['id']}-{short}{'-po' if po else ''}"
        n = 2
        while rid in ids:
            rid = f"{base['id']}-{short}{'-po' if po else ''}-{n}"
            n += 1
        ids.add(rid)
        srcs = []
        if po:
            srcs.append(f"ProFTPD 1.3.8 {po} (msgstr of the text of {base['id']})")
        if err:
            srcs.append(f"glibc 2.36 libc.mo ({loc}), Debian 12 libc-l10n 2.36-9+deb12u14")
        srcs.append(base["source"])
        ne, nf, ns = notes(loc, po, err)
        example = f"{code} {instances(pat)[0]}"
        row = {"id": rid, "server": "proftpd", "code": code, "pattern": pat, "example": example,
               "source": "; ".join(srcs), "overlaps": [], "_of": (base["id"], loc)}
        rows.append(row)
        mine.append((code, rx(pat), row))
        new.append((row, {"en": (prose["en"][base["id"]]["cause"] + " " + ne, prose["en"][base["id"]]["fix"]),
                          "fr": (prose["fr"][base["id"]]["cause"] + " " + nf, prose["fr"][base["id"]]["fix"]),
                          "es": (prose["es"][base["id"]]["cause"] + " " + ns, prose["es"][base["id"]]["fix"])}))
    # A new row whose texts another new row of the same base, code and language already
    # matches (as "{*}: Datei zu groß" matches "Rename {*}: Datei zu groß") is not needed.
    def redundant(r, others):
        return any(o is not r and o["code"] == r["code"] and o["_of"] == r["_of"]
                   and all(rx(o["pattern"]).fullmatch(t) for t in instances(r["pattern"]))
                   and not all(rx(r["pattern"]).fullmatch(t) for t in instances(o["pattern"]))
                   for o in others)
    kept = [(r, t) for r, t in new if not redundant(r, [o for o, _ in new])]
    rows[:] = [r for r in rows if all(r is not o for o, _ in new) or any(r is k for k, _ in kept)]
    new = kept
    print(len(new), "rows to add;", len(missing), "localized texts whose English text has no row:")
    for m in sorted(set(missing)):
        print("  ", *m)
    if "--write" not in argv or not new:
        return 0
    anchor = [r["id"] for r in tomllib.load(open(D + "diagnoses.toml", "rb"))["diagnosis"]
              if r["server"] == "proftpd"][-1]
    facts = "".join(
        f'\n[[diagnosis]]\nid = "{r["id"]}"\nserver = "proftpd"\ncode = {r["code"]}\npattern = {q(r["pattern"])}\n'
        f'example = {q(r["example"])}\nsource = {q(r["source"])}\noverlaps = []\n' for r, _ in new)
    s = open(D + "diagnoses.toml").read()
    i = s.index(f'id = "{anchor}"')
    j = s.find("\n[[diagnosis]]", i)
    j = len(s.rstrip("\n")) if j < 0 else j
    open(D + "diagnoses.toml", "w").write(s[:j].rstrip("\n") + "\n" + facts.rstrip("\n") + "\n" + s[j:])
    for l in ("en", "fr", "es"):
        p = D + f"diagnoses.{l}.toml"
        s = open(p).read()
        i = s.index(f"[{anchor}]")
        j = s.find("\n[", i + 3)
        j = len(s.rstrip("\n")) if j < 0 else j
        add = "".join(f'\n[{r["id"]}]\ncause = {q(t[l][0])}\nfix = {q(t[l][1])}\n' for r, t in new)
        open(p, "w").write(s[:j].rstrip("\n") + "\n" + add.rstrip("\n") + "\n" + s[j:])
    fix_overlaps()
    return 0


def fix_overlaps():
    """Rewrite `overlaps` of every ProFTPD row to the rows of the same code whose pattern matches
    its example (what tests/diagnose.rs checks); other servers' rows are only reported."""
    rows = tomllib.load(open(D + "diagnoses.toml", "rb"))["diagnosis"]
    comp = [(r["code"], rx(r["pattern"]), r["id"]) for r in rows]
    s = open(D + "diagnoses.toml").read()
    for r in rows:
        text = r["example"][4:].strip()
        found = sorted(i for c, x, i in comp if c == r["code"] and i != r["id"] and x.fullmatch(text))
        if found == sorted(r.get("overlaps", [])):
            continue
        if r["server"] != "proftpd":
            print("overlaps of", r["id"], "should be", found)
            continue
        start = s.index(f'id = "{r["id"]}"\n')
        end = s.find("\n[[diagnosis]]", start)
        end = len(s) if end < 0 else end
        block = re.sub(r"^overlaps = \[.*\]$", "overlaps = [" + ", ".join(f'"{i}"' for i in found) + "]",
                       s[start:end], count=1, flags=re.M)
        s = s[:start] + block + s[end:]
    open(D + "diagnoses.toml", "w").write(s)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
