#!/usr/bin/env python3
"""Extract every reply text an FTP server's source can send, as data.

Run by hand against a fetched source tree (never by the build or the tests):

    python3 tools/extract_server_texts.py vsftpd    SRC_DIR VERSION [--binary /usr/sbin/vsftpd]
    python3 tools/extract_server_texts.py proftpd   SRC_DIR VERSION
    python3 tools/extract_server_texts.py pure-ftpd SRC_DIR VERSION
    python3 tools/extract_server_texts.py pyftpdlib SRC_DIR VERSION
    python3 tools/extract_server_texts.py filezilla-server SRC_DIR VERSION   (1.x: src/filezilla/ftp)
    python3 tools/extract_server_texts.py filezilla-server-0.9 SRC_DIR VERSION (0.9.x: source/*.cpp)
    ... --locales fr,de,es,it,ru   only the strerror() texts, in glibc's translations
                                   (this system's /usr/share/locale/<l>/LC_MESSAGES/libc.mo)

It prints a TSV on stdout (tests/data/server-texts/<server>-<version>.tsv):

    code <TAB> text <TAB> source

`text` is in the diagnosis table's pattern syntax: a printf conversion or any
other run-time value becomes `{*}`, an integer conversion (%d, %u, %lu...)
becomes `{n}`, a literal `{` becomes `{{`. `source` is `file:line` inside the
source tree. Calls whose code or text is not a literal (a variable set
elsewhere) are listed as `# skipped` comment lines, so nothing is dropped
silently. Where an argument is `strerror(...)`, one line is written per errno
text of ERRNO_TEXTS (glibc's English wording), since those are the texts a
client sees.

The script only reads the tree; it downloads nothing.
"""

import ast
import os
import re
import subprocess
import sys

# glibc strerror() texts (C locale) of the errno values FTP servers report.
ERRNO_TEXTS = [
    "No such file or directory",  # ENOENT
    "Permission denied",  # EACCES
    "Operation not permitted",  # EPERM
    "File exists",  # EEXIST
    "Directory not empty",  # ENOTEMPTY
    "No space left on device",  # ENOSPC
    "Disk quota exceeded",  # EDQUOT
    "Read-only file system",  # EROFS
    "File name too long",  # ENAMETOOLONG
    "Is a directory",  # EISDIR
    "Not a directory",  # ENOTDIR
    "Connection refused",  # ECONNREFUSED
    "Connection timed out",  # ETIMEDOUT
]

# errno texts of a failed read or write on a file that is already open
# (pyftpdlib's _FileReadWriteError during a transfer).
PY_FILE_ERRNO_TEXTS = [
    "No space left on device",  # ENOSPC
    "Disk quota exceeded",  # EDQUOT
    "Input/output error",  # EIO
    "File too large",  # EFBIG
]

INT_CONV = set("diuxXo")

# (code, printf format with the errno text filled in, errno text, source) of
# every row made from a strerror() argument, for --locales.
STRERROR_ROWS = []


def localized(locales):
    """The strerror() rows again, with glibc's translation of the errno text in
    each locale (the system's libc.mo catalogues, /usr/share/locale/<l>/)."""
    import gettext
    rows = []
    for loc in locales:
        mo = f"/usr/share/locale/{loc}/LC_MESSAGES/libc.mo"
        t = gettext.GNUTranslations(open(mo, "rb"))
        for code, fmt, err, src in STRERROR_ROWS:
            tr = t.gettext(err)
            if tr != err:
                rows.append((code, printf_to_pattern(fmt.replace(err, tr.replace("%", "%%"))),
                             f"{src} (strerror in {loc}: {mo})"))
    return rows


def printf_to_pattern(fmt):
    """A printf format string as a pattern: %d -> {n}, %s -> {*}, %% -> %."""
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%":
            if fmt[i + 1 : i + 2] == "%":
                out.append("%")
                i += 2
                continue
            m = re.match(r"%[-+ #0'*]*[0-9*]*(?:\.[0-9*]+)?(hh|h|ll|l|j|z|t|L|q|I64)?([a-zA-Z])", fmt[i:])
            if m:
                out.append("{n}" if m.group(2) in INT_CONV else "{*}")
                i += m.end()
                continue
        out.append("{{" if c == "{" else c)
        i += 1
    return collapse("".join(out))


def collapse(p):
    """Two `{*}` in a row (or `{*}{n}`) mean the same as one `{*}`."""
    while True:
        q = p.replace("{*}{*}", "{*}").replace("{*}{n}", "{*}").replace("{n}{*}", "{*}")
        if q == p:
            return p
        p = q


def literal(p):
    return p.replace("{", "{{")


# ---------------------------------------------------------------- C sources

C_STR = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def c_unescape(s):
    return (
        s.replace("\\r\\n", "")
        .replace("\\n", "")
        .replace("\\r", "")
        .replace('\\"', '"')
        .replace("\\\\", "\\")
        .replace("\\t", "\t")
    )


def split_args(text, start):
    """Top-level comma-separated arguments of the call whose '(' is at start."""
    depth, i, args, cur = 0, start, [], []
    in_str = None
    while i < len(text):
        c = text[i]
        if in_str:
            cur.append(c)
            if c == "\\":
                cur.append(text[i + 1])
                i += 2
                continue
            if c == in_str:
                in_str = None
        elif c in "\"'":
            in_str = c
            cur.append(c)
        elif c in "([{":
            depth += 1
            if depth > 1:
                cur.append(c)
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(cur).strip())
                return args, i
            cur.append(c)
        elif c == "," and depth == 1:
            args.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    return None, i


def c_format(expr, macros):
    """A C string expression (literals, _() wrappers, format macros) as printf text, or None."""
    e = expr.strip()
    m = re.fullmatch(r"N?_\((.*)\)", e, re.S)
    if m:
        e = m.group(1).strip()
    if e in macros:
        return macros[e]
    pos, parts = 0, []
    for tok in re.finditer(r'"(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|\S', e):
        t = tok.group(0)
        if t.startswith('"'):
            parts.append(c_unescape(t[1:-1]))
        elif t in ("PR_LU", "PR_LLU"):
            parts.append("lu")
        elif t in macros:
            parts.append(macros[t])
        else:
            return None
        pos = tok.end()
    if not parts:
        return None
    return "".join(parts)


def line_of(text, index):
    return text.count("\n", 0, index) + 1


def c_files(root, subdirs, exclude=()):
    for sub in subdirs:
        base = os.path.join(root, sub)
        if os.path.isfile(base):
            yield base
            continue
        for dirpath, _, names in os.walk(base):
            if any(x in dirpath for x in exclude):
                continue
            for n in sorted(names):
                if n.endswith((".c", ".cpp")):
                    yield os.path.join(dirpath, n)


def strerror_args(args):
    return any("strerror" in a for a in args)


def emit_printf(out, code, fmt, args, src):
    """One row, or one per errno text when an argument is strerror()."""
    pattern = printf_to_pattern(fmt)
    if strerror_args(args):
        # Replace the {*} that the strerror() argument fills.
        convs = re.findall(r"%[-+ #0'*]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|j|z|t|L|q|I64)?[a-zA-Z]|%%", fmt)
        convs = [c for c in convs if c != "%%"]
        idx = [i for i, a in enumerate(args) if "strerror" in a]
        if idx and idx[0] < len(convs):
            for e in ERRNO_TEXTS:
                f2 = list(fmt)
                # Rebuild the format with the strerror conversion replaced by the text.
                k = -1
                res, i = [], 0
                while i < len(fmt):
                    if fmt[i] == "%":
                        if fmt[i + 1 : i + 2] == "%":
                            res.append("%%")
                            i += 2
                            continue
                        m = re.match(r"%[-+ #0'*]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|j|z|t|L|q|I64)?[a-zA-Z]", fmt[i:])
                        if m:
                            k += 1
                            res.append(e.replace("%", "%%") if k == idx[0] else m.group(0))
                            i += m.end()
                            continue
                    res.append(fmt[i])
                    i += 1
                out.append((code, printf_to_pattern("".join(res)), src))
                STRERROR_ROWS.append((code, "".join(res), e, src))
                del f2
            return
    out.append((code, pattern, src))


def scan_calls(path, rel, names, handler, out, skipped):
    text = open(path, encoding="latin-1").read()
    # Drop comments, keeping line numbers.
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    for m in re.finditer(r"\b(" + "|".join(names) + r")\s*\(", text):
        # Skip definitions and declarations.
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(r"(void|int|char \*|static)\s*\**\s*$", before):
            continue
        args, end = split_args(text, m.end() - 1)
        if args is None:
            continue
        src = f"{rel}:{line_of(text, m.start())}"
        if not handler(m.group(1), args, src, out):
            skipped.append((src, m.group(1) + "(" + ", ".join(args)[:100] + ")"))


# ---------------------------------------------------------------- vsftpd

def vsftpd(root, binary=None):
    codes = {}
    for m in re.finditer(r"#define\s+(FTP_\w+)\s+(\d{3})", open(os.path.join(root, "ftpcodes.h")).read()):
        codes[m.group(1)] = m.group(2)
    out, skipped = [], []

    def handler(name, args, src, out):
        if name in ("die", "bug"):
            f = c_format(args[0], {})
            if f is None:
                return False
            out.append(("500", "OOPS: " + literal(f), src))
            return True
        if name == "die2":
            f = c_format(args[0], {})
            if f is None:
                return False
            out.append(("500", collapse("OOPS: " + literal(f) + "{*}"), src))
            return True
        if name == "vsf_cmdio_write_raw":
            return True  # continuation lines of multi-line replies (FEAT, HELP, STAT)
        if len(args) < 3 or args[1] not in codes:
            return False
        f = c_format(args[2], {})
        if f is None:
            return False
        out.append((codes[args[1]], literal(f), src))
        return True

    names = ["vsf_cmdio_write", "vsf_cmdio_write_exit", "vsf_cmdio_write_hyphen",
             "vsf_cmdio_write_raw", "die", "die2", "bug"]
    for path in c_files(root, ["."]):
        rel = os.path.relpath(path, root)
        if rel in ("utility.c",):
            # Definitions of die/die2/bug only.
            continue
        scan_calls(path, rel, names, handler, out, skipped)
    # vsftpd builds some replies in a string first; these are the ones whose
    # text is fully known from the code around them.
    for path, needle, code, text in [
        ("ssl.c", '"Negotiation failed: "', "421", "Negotiation failed: {*}"),
        # 2.1.1 to 3.0.2: ftpdataio.c appends to s_err_msg before sending it as 522.
        ("ftpdataio.c", '"; session reuse required"', "522",
         "SSL connection failed; session reuse required: see require_ssl_reuse option in vsftpd.conf man page"),
        ("ftpdataio.c", 'str_alloc_text(&s_err_msg, "SSL connection failed")', "522", "SSL connection failed"),
    ]:
        body = open(os.path.join(root, path)).read()
        if needle in body:
            out.append((code, text, f"{path}:{line_of(body, body.index(needle))}"))
    extra = []
    if binary:
        # Texts that a distribution's patches add show up in the binary but
        # not in the upstream source: die()/bug() messages are sent as 500 OOPS.
        lits = set()
        for path in c_files(root, ["."]):
            for m in C_STR.finditer(open(path, encoding="latin-1").read()):
                lits.add(c_unescape(m.group(1)))
        strings = subprocess.run(["strings", "-n", "8", binary], capture_output=True, text=True).stdout.split("\n")
        for s in sorted(set(strings)):
            s = s.strip()
            if s and s not in lits and not any(s in l for l in lits) and re.fullmatch(r"[a-z][a-z ]+[a-z]", s) and " " in s:
                extra.append(s)
    return out, skipped, extra


# ---------------------------------------------------------------- ProFTPD

def proftpd(root):
    out, skipped = [], []

    def handler(name, args, src, out):
        if name == "pr_response_send_raw":
            return False
        if len(args) < 2:
            return False
        m = re.fullmatch(r"R_(\d{3})", args[0])
        if not m:
            return False if args[0] != "R_DUP" else True
        f = c_format(args[1], {})
        if f is None:
            return False
        emit_printf(out, m.group(1), f, args[2:], src)
        return True

    names = ["pr_response_add", "pr_response_add_err", "pr_response_send", "pr_response_send_async",
             "pr_response_send_raw"]
    dirs = ["src", "modules", "contrib"]
    for path in c_files(root, dirs, exclude=("mod_sftp", "mod_snmp", "/tests")):
        rel = os.path.relpath(path, root)
        scan_calls(path, rel, names, handler, out, skipped)
    return out, skipped, []


# ---------------------------------------------------------------- Pure-FTPd

def pure_ftpd(root):
    macros = {}
    mpath = os.path.join(root, "src", "messages_en.h")
    for m in re.finditer(r'#\s*define\s+(MSG_\w+)\s+((?:"(?:[^"\\\n]|\\.)*"\s*)+)', open(mpath, encoding="latin-1").read()):
        macros[m.group(1)] = "".join(c_unescape(x) for x in C_STR.findall(m.group(2)))
    out, skipped = [], []

    def handler(name, args, src, out):
        if name == "die":
            if len(args) < 3:
                return False
            code, fmt, rest = args[0], args[2], args[3:]
        else:
            if len(args) < 2:
                return False
            code, fmt, rest = args[0], args[1], args[2:]
        if not re.fullmatch(r"\d{3}", code):
            return False
        f = c_format(fmt, macros)
        if f is None:
            return False
        if name == "addreply_noformat":
            out.append((code, literal(f), src))
        else:
            emit_printf(out, code, f, rest, src)
        return True

    for path in c_files(root, ["src"]):
        rel = os.path.relpath(path, root)
        scan_calls(path, rel, ["addreply", "addreply_noformat", "die"], handler, out, skipped)
    return out, skipped, []


# ---------------------------------------------------------------- pyftpdlib

class PyExtractor(ast.NodeVisitor):
    """Calls self.respond(...) / respond_w_warning(...) in pyftpdlib's handlers."""

    def __init__(self, rel):
        self.rel = rel
        self.out, self.skipped = [], []
        self.func = None

    def visit_FunctionDef(self, node):
        prev, self.func = self.func, node
        self.generic_visit(node)
        self.func = prev

    def assignments(self, name):
        """The value of `name` at the current call: its nearest assignment above
        the call in the same function, with any `name += ...` between them."""
        if self.func is None:
            return []
        line = getattr(self, "call_line", 10**9)
        assigns, augs = [], []
        for n in ast.walk(self.func):
            if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in n.targets):
                if n.lineno <= line:
                    assigns.append(n)
            if isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name) and n.target.id == name \
                    and isinstance(n.op, ast.Add) and n.lineno <= line:
                augs.append(n)
        if not assigns:
            return []
        # Every assignment since the previous reply of this function (the
        # branches of a try/except), else the nearest one above.
        prev = max((n.lineno for n in ast.walk(self.func)
                    if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                    and n.func.attr in ("respond", "respond_w_warning") and n.lineno < line), default=0)
        window = [a for a in assigns if a.lineno > prev] or [max(assigns, key=lambda n: n.lineno)]
        values = []
        for last in window:
            value = last.value
            for a in sorted(augs, key=lambda n: n.lineno):
                if a.lineno > last.lineno:
                    value = ast.BinOp(left=value, op=ast.Add(), right=a.value)
            values.append(value)
        return values

    def texts(self, e, depth=0):
        """Possible pattern texts of a string expression."""
        if depth > 4:
            return None
        if isinstance(e, ast.Constant) and isinstance(e.value, str):
            return [literal(e.value)]
        if isinstance(e, ast.JoinedStr):
            alts = [""]
            for v in e.values:
                if isinstance(v, ast.Constant):
                    choice = [literal(v.value)]
                elif isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Call) \
                        and getattr(v.value.func, "id", "") == "strerror":
                    choice = [literal(x) for x in ERRNO_TEXTS]
                else:
                    choice = ["{*}"]
                    # A local set just above from strerror() or a literal
                    # (DTPHandler.handle_error: `error = strerror(err.errno)`).
                    if isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name):
                        vals = self.assignments(v.value.id)
                        opts = []
                        for a in vals:
                            if isinstance(a, ast.Call) and getattr(a.func, "id", "") == "strerror":
                                # strerror(err.errno): a read/write on an open file;
                                # strerror(err): any OSError of an open, stat, rename...
                                on_errno = a.args and isinstance(a.args[0], ast.Attribute)
                                opts += [literal(x) for x in (PY_FILE_ERRNO_TEXTS if on_errno else ERRNO_TEXTS)]
                            else:
                                t = self.texts(a, depth + 1)
                                if not t:
                                    opts = None
                                    break
                                opts += t
                        if opts:
                            choice = opts
                alts = [x + c for x in alts for c in choice]
            return [collapse(x) for x in alts]
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add):
            a, b = self.texts(e.left, depth + 1), self.texts(e.right, depth + 1)
            if a is None:
                a = ["{*}"]
            if b is None:
                b = ["{*}"]
            return [collapse(x + y) for x in a for y in b]
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mod) and isinstance(e.left, ast.Constant):
            return [printf_to_pattern(e.left.value)]
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "format" \
                and isinstance(e.func.value, ast.Constant):
            return [collapse(re.sub(r"\{[^{}]*\}", "{*}", e.func.value.value))]
        if isinstance(e, ast.IfExp):
            a, b = self.texts(e.body, depth + 1), self.texts(e.orelse, depth + 1)
            return (a or []) + (b or []) or None
        if isinstance(e, ast.Name):
            vals = self.assignments(e.id)
            res = []
            for v in vals:
                t = self.texts(v, depth + 1) if v is not None else None
                if t:
                    res.extend(t)
            return res or None
        return None

    def visit_Assign(self, node):
        self.call_line = node.lineno
        # data.py keeps the reply to send in self._resp = (text, logfun).
        for t in node.targets:
            if isinstance(t, ast.Attribute) and t.attr == "_resp" and isinstance(node.value, ast.Tuple) \
                    and node.value.elts:
                for text in self.texts(node.value.elts[0]) or []:
                    m = re.match(r"(\d{3})[ -](.*)$", text, re.S)
                    if m:
                        self.out.append((m.group(1), m.group(2).strip(), f"{self.rel}:{node.lineno}"))
        self.generic_visit(node)

    def visit_Call(self, node):
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr == "respond" and node.args \
                and isinstance(node.args[0], ast.Name) and node.args[0].id == "resp" \
                and self.func is not None and self.func.name in ("respond", "respond_w_warning"):
            return  # the definitions of respond() themselves
        if isinstance(f, ast.Attribute) and f.attr in ("respond", "respond_w_warning") and node.args:
            self.call_line = node.lineno
            src = f"{self.rel}:{node.lineno}"
            texts = self.texts(node.args[0])
            got = False
            for t in texts or []:
                m = re.match(r"(\d{3})[ -](.*)$", t, re.S)
                if m:
                    self.out.append((m.group(1), m.group(2).strip(), src))
                    got = True
            if not got:
                self.skipped.append((src, ast.unparse(node)[:100]))
        self.generic_visit(node)


def pyftpdlib(root):
    out, skipped = [], []
    for dirpath, _, names in os.walk(os.path.join(root, "pyftpdlib")):
        for n in sorted(names):
            if n.endswith(".py"):
                path = os.path.join(dirpath, n)
                rel = os.path.relpath(path, root)
                x = PyExtractor(rel)
                x.visit(ast.parse(open(path).read()))
                out += x.out
                skipped += x.skipped
    return out, skipped, []


# ---------------------------------------------------------------- FileZilla Server

def statement_end(text, i):
    """Index of the ';' that ends the statement starting at i (outside brackets and strings)."""
    depth, in_str = 0, None
    while i < len(text):
        c = text[i]
        if in_str:
            if c == "\\":
                i += 2
                continue
            if c == in_str:
                in_str = None
        elif c in "\"'":
            in_str = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == ";" and depth == 0:
            return i
        i += 1
    return i


def split_shifts(chain):
    """The items of `<< a << b ...` (top level only)."""
    items, depth, cur, i, in_str = [], 0, [], 0, None
    while i < len(chain):
        c = chain[i]
        if in_str:
            cur.append(c)
            if c == "\\":
                cur.append(chain[i + 1])
                i += 2
                continue
            if c == in_str:
                in_str = None
        elif c in "\"'":
            in_str = c
            cur.append(c)
        elif c in "([{":
            depth += 1
            cur.append(c)
        elif c in ")]}":
            depth -= 1
            cur.append(c)
        elif chain.startswith("<<", i) and depth == 0:
            items.append("".join(cur).strip())
            cur = []
            i += 2
            continue
        else:
            cur.append(c)
        i += 1
    items.append("".join(cur).strip())
    return [x for x in items if x]


def filezilla_1x(root):
    """`respond<NNN>() << "text" << expr ...`: each item is preceded by a space."""
    out, skipped = [], []
    # strresult() has two overloads: strresult(result), for the tvfs (file
    # system) results every FTP reply passes, and strresult(rwresult), for the
    # read/write result of a transfer, which no `respond<NNN>()` passes. Only
    # the texts of the first are expanded; `by_enum` maps `result::nodir` etc.
    # to its text, for call sites that test the result first.
    strres, by_enum = [], {}
    sr = os.path.join(root, "src/filezilla/strresult.cpp")
    if os.path.exists(sr):
        body = open(sr).read()
        first = re.search(r"strresult\(result r\)\s*\{(.*?)\n\}", body, re.S)
        body = first.group(1) if first else body
        strres = [literal(x) for x in re.findall(r'return "([^"]*)"sv;', body) if x != "No error"]
        by_enum = {e: literal(x) for e, x in re.findall(r'case result::(\w+):\s*return "([^"]*)"sv;', body)}
    for path in c_files(root, ["src/filezilla/ftp"]):
        rel = os.path.relpath(path, root)
        text = open(path, encoding="utf-8", errors="replace").read()
        text = re.sub(r"//[^\n]*", "", text)
        timeouts = [literal(x) for x in re.findall(r'\btimeout\("([^"]*)"\)', text)]
        for m in re.finditer(r"respond<(\d{3})>\(\)", text):
            code = m.group(1)
            src = f"{rel}:{line_of(text, m.start())}"
            chain = text[m.end() : statement_end(text, m.end())]
            items = split_shifts(chain)
            if not items:
                if chain.strip() == "":
                    skipped.append((src, f"respond<{code}>() with no text"))
                continue
            if "endl" in items:
                continue  # multi-line replies (FEAT, HELP, STAT)
            alts = [[]]
            for it in items:
                if it.startswith('"'):
                    choice = [literal(c_unescape(it[1:-1]))]
                elif it.startswith("quote("):
                    choice = ['"{*}"']
                elif it.startswith("strresult(") and strres:
                    choice = strres
                    # `if (result.error_ == result.nodir) respond<501>() << strresult(result);`
                    # sends only that result's text.
                    guard = re.search(r"if\s*\(\s*\w+\.error_\s*==\s*\w+\.(\w+)\s*\)\s*$", text[max(0, m.start() - 200) : m.start()])
                    if guard and guard.group(1) in by_enum:
                        choice = [by_enum[guard.group(1)]]
                elif it.startswith("[&]"):
                    choice = [literal(x) for x in re.findall(r'return "([^"]*)";', it)] or ["{*}"]
                elif it == "msg" and timeouts:
                    choice = timeouts
                else:
                    choice = ["{*}"]
                    # A local chosen among literals: `x = c ? "a" : "b";` just above.
                    if re.fullmatch(r"\w+", it):
                        defs = re.findall(r"\b" + it + r"\s*=\s*([^;]*);", text[max(0, m.start() - 1500) : m.start()])
                        if defs and "?" in defs[-1]:
                            lits = re.findall(r'"((?:[^"\\]|\\.)*)"', defs[-1])
                            if lits:
                                choice = [literal(c_unescape(x)) for x in lits]
                alts = [a + [c] for a in alts for c in choice]
            for a in alts:
                out.append((code, collapse(" ".join(a)), src))
    return out, skipped, []


def filezilla_09(root):
    """`Send(_T("NNN text"))` and `Send(_T("NNN ") + expr + _T("..."))` in 0.9.x."""
    out, skipped = [], []
    for path in c_files(root, ["source"]):
        rel = os.path.relpath(path, root)
        if "/Interface" in path or "\\Interface" in path:
            continue
        text = open(path, encoding="latin-1").read()
        text = re.sub(r"//[^\n]*", "", text)
        for m in re.finditer(r"\bSend\s*\(", text):
            args, _ = split_args(text, m.end() - 1)
            if not args:
                continue
            src = f"{rel}:{line_of(text, m.start())}"
            expr = args[0]
            parts = re.split(r"\s*\+\s*", expr)
            s = ""
            ok = False
            for p in parts:
                lm = re.fullmatch(r'_T\("((?:[^"\\]|\\.)*)"\)|"((?:[^"\\]|\\.)*)"', p.strip())
                if lm:
                    s += literal(c_unescape(lm.group(1) if lm.group(1) is not None else lm.group(2)))
                    ok = True
                else:
                    s += "{*}"
            s = collapse(s)
            mm = re.match(r"(\d{3})[ -](.*)$", s)
            if ok and mm:
                out.append((mm.group(1), mm.group(2).strip(), src))
            elif not re.fullmatch(r"[A-Za-z_][\w.>-]*", expr.strip()):
                skipped.append((src, "Send(" + expr[:100] + ")"))
        # Replies built first, then sent with Send(str): str.Format(_T("NNN ..."), ...)
        # and str = _T("NNN ...").
        for m in re.finditer(r'\.Format\(\s*_T\("(\d{3})[ -]((?:[^"\\]|\\.)*)"\)', text):
            out.append((m.group(1), printf_to_pattern(c_unescape(m.group(2))).strip(), f"{rel}:{line_of(text, m.start())}"))
        for m in re.finditer(r'\b\w+\s*=\s*_T\("(\d{3})[ -]((?:[^"\\]|\\.)*)"\)\s*;', text):
            out.append((m.group(1), literal(c_unescape(m.group(2))).strip(), f"{rel}:{line_of(text, m.start())}"))
    return out, skipped, []


# ---------------------------------------------------------------- libunftp (reference)

def libunftp(root):
    """`Reply::new(ReplyCode::Name, "text")` and `Reply::new_with_string(ReplyCode::Name, format!("..."))`.

    libunftp is not a server the diagnosis table covers: its texts are data for
    the test that no row claims a known server for another server's text."""
    codes = {}
    body = open(os.path.join(root, "src/server/controlchan/reply.rs")).read()
    for m in re.finditer(r"(\w+)\s*=\s*(\d{3})", body):
        codes[m.group(1)] = m.group(2)
    out, skipped = [], []
    for dirpath, _, names in os.walk(os.path.join(root, "src")):
        for n in sorted(names):
            if not n.endswith(".rs"):
                continue
            path = os.path.join(dirpath, n)
            rel = os.path.relpath(path, root)
            text = open(path).read()
            for m in re.finditer(r"Reply::new(?:_with_string)?\(\s*ReplyCode::(\w+),\s*", text):
                src = f"{rel}:{line_of(text, m.start())}"
                rest = text[m.end():]
                lm = re.match(r'"((?:[^"\\]|\\.)*)"', rest) or re.match(r'format!\(\s*"((?:[^"\\]|\\.)*)"', rest)
                code = codes.get(m.group(1))
                if lm and code:
                    t = re.sub(r"\{[^{}]*\}", "\x01", lm.group(1).replace("{{", "\x02").replace("}}", "}"))
                    t = literal(t.replace('\\"', '"')).replace("\x01", "{*}").replace("\x02", "{{")
                    out.append((code, collapse(t), src))
                else:
                    skipped.append((src, text[m.start():m.start() + 100]))
    return out, skipped, []


SERVERS = {
    "libunftp": libunftp,
    "vsftpd": vsftpd,
    "proftpd": proftpd,
    "pure-ftpd": pure_ftpd,
    "pyftpdlib": pyftpdlib,
    "filezilla-server": filezilla_1x,
    "filezilla-server-0.9": filezilla_09,
}


def main(argv):
    if len(argv) < 4 or argv[1] not in SERVERS:
        print(__doc__, file=sys.stderr)
        return 2
    server, root, version = argv[1], argv[2], argv[3]
    binary = None
    if "--binary" in argv:
        binary = argv[argv.index("--binary") + 1]
    fn = SERVERS[server]
    res = fn(root, binary) if server == "vsftpd" else fn(root)
    out, skipped, extra = res
    if "--locales" in argv:
        # Only the strerror() texts, translated (glibc catalogues of this system).
        out, skipped, extra = localized(argv[argv.index("--locales") + 1].split(",")), [], []
    name = "filezilla-server" if server.startswith("filezilla-server") else server
    print(f"# {name} {version}: reply texts extracted from its source by tools/extract_server_texts.py")
    print(f"# command: python3 tools/extract_server_texts.py {' '.join(argv[1:])}")
    print("# columns: code, text (pattern syntax: {*} any text, {n} digits), source file:line")
    seen = set()
    rows = []
    for code, text, src in out:
        text = text.strip()
        key = (code, text.lower())
        if key in seen:
            continue
        seen.add(key)
        rows.append((code, text, src))
    for code, text, src in sorted(rows, key=lambda r: (r[0], r[1].lower(), r[2])):
        print(f"{code}\t{text}\t{src}")
    for s in extra:
        print(f"500\tOOPS: {literal(s)}\t{binary} (strings; not in the upstream source: a distribution patch)")
    for src, what in skipped:
        print(f"# skipped {src}: {' '.join(what.split())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
