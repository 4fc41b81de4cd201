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
    proftpd ... --locales L,... [--catalogue-only L,...]
                                   ProFTPD's texts from its locale/<l>*.po catalogues, with
                                   glibc's strerror() wording for the --locales ones

It prints a TSV on stdout (tests/data/server-texts/<server>-<version>.tsv):

    code <TAB> text <TAB> source

`text` is in the diagnosis table's pattern syntax: a printf conversion or any
other run-time value becomes `{*}`, an integer conversion (%d, %u, %lu...)
becomes `{n}`, a literal `{` becomes `{{`. `source` is `file:line` inside the
source tree. Calls whose code or text is not a literal (a variable set
elsewhere) are listed as `# skipped` comment lines, so nothing is dropped
silently. Where an argument is `strerror(...)`, one line is written per errno
text (glibc's English wording, ERRNO_TEXT), since those are the texts a
client sees: for ProFTPD, Pure-FTPd and pyftpdlib only the errno values the
system calls behind that reply can fail with (SYSCALL_ERRNOS, from the ERRORS
sections of Linux man-pages 6.03 and POSIX.1-2017; per call site in
PROFTPD_SITES, PURE_STRERROR_SITES and PY_STRERROR_SITES), less those the
server's code rules out (PROFTPD_DROP, and the `-E...`
entries of a site), for the other servers every text of ERRNO_TEXTS.

The script only reads the tree; it downloads nothing.
"""

import ast
import os
import re
import subprocess
import sys

# ---------------------------------------------------------------- errno values
#
# A strerror() argument is written once per errno text it can hold. Three
# pieces, each said once:
#
# - ERRNO_TEXT: the text of each errno name (glibc's C-locale wording);
# - SYSCALL_ERRNOS: what each system call can fail with (the man-page fact);
# - the narrowing of each server, where its code rules an errno out
#   (PROFTPD_DROP, and the `-E...` entries of a call site),
#   each rule with its reason.

# glibc strerror() texts (C locale, glibc 2.36 string/errlist), by errno name.
ERRNO_TEXT = {
    "EPERM": "Operation not permitted",
    "ENOENT": "No such file or directory",
    "EIO": "Input/output error",
    "EACCES": "Permission denied",
    "EBUSY": "Device or resource busy",
    "EEXIST": "File exists",
    "EXDEV": "Invalid cross-device link",
    "ENOTDIR": "Not a directory",
    "EISDIR": "Is a directory",
    "EINVAL": "Invalid argument",
    "ENFILE": "Too many open files in system",
    "EMFILE": "Too many open files",
    "ETXTBSY": "Text file busy",
    "EFBIG": "File too large",
    "ENOSPC": "No space left on device",
    "EROFS": "Read-only file system",
    "EMLINK": "Too many links",
    "ENAMETOOLONG": "File name too long",
    "ENOTEMPTY": "Directory not empty",
    "ELOOP": "Too many levels of symbolic links",
    "EPROTO": "Protocol error",
    "EADDRINUSE": "Address already in use",
    "EADDRNOTAVAIL": "Cannot assign requested address",
    "ENETUNREACH": "Network is unreachable",
    "ECONNABORTED": "Software caused connection abort",
    "ECONNRESET": "Connection reset by peer",
    "ENOTCONN": "Transport endpoint is not connected",
    "ETIMEDOUT": "Connection timed out",
    "ECONNREFUSED": "Connection refused",
    "EHOSTUNREACH": "No route to host",
    "EDQUOT": "Disk quota exceeded",
}

# The errno values of a strerror() call whose system call is not modelled
# (every server but ProFTPD, Pure-FTPd and pyftpdlib, and a site missing from
# their tables, with a warning): the ones FTP servers report.
ERRNO_TEXTS = [ERRNO_TEXT[n] for n in [
    "ENOENT", "EACCES", "EPERM", "EEXIST", "ENOTEMPTY", "ENOSPC", "EDQUOT", "EROFS", "ENAMETOOLONG",
    "EISDIR", "ENOTDIR", "ECONNREFUSED", "ETIMEDOUT"]]

# What each system call can fail with: the ERRORS section of its page in the
# Linux man-pages 6.03 (Debian 12 manpages-dev; section 2, opendir in 3) and,
# where it says more, POSIX.1-2017 (the comment names the source of each
# value that is not on the Linux page). Left out of every list, for every
# server, with the reason: errors of an argument no FTP server passes (EFAULT
# a bad pointer, EBADF a closed descriptor, ENOTSOCK, EINVAL of a flag or
# length that is a constant at the call, EPIPE/EDESTADDRREQ of a write to a
# pipe or socket, EISDIR of a read(2) on a directory descriptor, EOVERFLOW of
# a 32-bit stat without large-file support), errors the callers retry (EINTR,
# EAGAIN/EWOULDBLOCK), and ENOMEM/ENOBUFS (the whole host out of kernel
# memory, no cause of this call).
SYSCALL_ERRNOS = {
    # open(2), O_RDONLY without O_CREAT: EACCES, ELOOP, EMFILE, ENAMETOOLONG,
    # ENFILE, ENOENT, ENOTDIR, EPERM (O_NOATIME not owner, or a file seal);
    # EISDIR, EROFS, ETXTBSY, EDQUOT, ENOSPC need write access or O_CREAT.
    "open_read": ["EACCES", "ELOOP", "EMFILE", "ENAMETOOLONG", "ENFILE", "ENOENT", "ENOTDIR", "EPERM"],
    # open(2), O_WRONLY|O_CREAT: the above, plus EDQUOT, EISDIR, ENOSPC, EROFS, ETXTBSY.
    "open_write": ["EACCES", "EDQUOT", "EISDIR", "ELOOP", "EMFILE", "ENAMETOOLONG", "ENFILE", "ENOENT",
                   "ENOSPC", "ENOTDIR", "EPERM", "EROFS", "ETXTBSY"],
    # read(2) of a regular file: EIO.
    "read": ["EIO"],
    # write(2) of a regular file: EDQUOT, EFBIG, EIO, ENOSPC, EPERM (a file seal).
    "write": ["EDQUOT", "EFBIG", "EIO", "ENOSPC", "EPERM"],
    # close(2): EIO, and ENOSPC or EDQUOT (NFS reports a full disk at close).
    "close": ["EDQUOT", "EIO", "ENOSPC"],
    # stat(2)/lstat(2): EACCES, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR.
    "stat": ["EACCES", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR"],
    # fstat(2) of an open descriptor: EBADF, EFAULT, ENOMEM, EOVERFLOW only.
    "fstat": [],
    # readlink(2) of a component lstat() showed is a link: EACCES, EIO,
    # ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR (EINVAL is for a non-link).
    "readlink": ["EACCES", "EIO", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR"],
    # opendir(3): EACCES, EMFILE, ENFILE, ENOENT, ENOTDIR; POSIX.1-2017 adds
    # ELOOP and ENAMETOOLONG (glibc opens the path with open(2)).
    # Python's os.listdir() is this call.
    "opendir": ["EACCES", "ELOOP", "EMFILE", "ENAMETOOLONG", "ENFILE", "ENOENT", "ENOTDIR"],
    # chdir(2): EACCES, EIO, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR.
    "chdir": ["EACCES", "EIO", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR"],
    # chmod(2): EACCES, EIO, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR, EPERM, EROFS.
    "chmod": ["EACCES", "EIO", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR", "EPERM", "EROFS"],
    # chown(2): the same values as chmod(2).
    "chown": ["EACCES", "EIO", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR", "EPERM", "EROFS"],
    # utime(2)/utimes(2): EACCES, ENOENT, EPERM, EROFS; POSIX.1-2017 utime()
    # adds ELOOP, ENAMETOOLONG, ENOTDIR (utimensat(2) lists them too).
    "utime": ["EACCES", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR", "EPERM", "EROFS"],
    # unlink(2): EACCES, EBUSY, EIO, EISDIR, ELOOP, ENAMETOOLONG, ENOENT,
    # ENOTDIR, EPERM, EROFS.
    "unlink": ["EACCES", "EBUSY", "EIO", "EISDIR", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR",
               "EPERM", "EROFS"],
    # rename(2): EACCES, EBUSY, EDQUOT, EINVAL (a directory into its own
    # subdirectory), EISDIR, ELOOP, EMLINK, ENAMETOOLONG, ENOENT, ENOSPC,
    # ENOTDIR, ENOTEMPTY or EEXIST, EPERM, EROFS, EXDEV.
    "rename": ["EACCES", "EBUSY", "EDQUOT", "EEXIST", "EINVAL", "EISDIR", "ELOOP", "EMLINK", "ENAMETOOLONG",
               "ENOENT", "ENOSPC", "ENOTDIR", "ENOTEMPTY", "EPERM", "EROFS", "EXDEV"],
    # link(2): EACCES, EDQUOT, EEXIST, EIO, ELOOP, EMLINK, ENAMETOOLONG,
    # ENOENT, ENOSPC, ENOTDIR, EPERM, EROFS, EXDEV.
    "link": ["EACCES", "EDQUOT", "EEXIST", "EIO", "ELOOP", "EMLINK", "ENAMETOOLONG", "ENOENT",
             "ENOSPC", "ENOTDIR", "EPERM", "EROFS", "EXDEV"],
    # symlink(2): EACCES, EDQUOT, EEXIST, EIO, ELOOP, ENAMETOOLONG, ENOENT,
    # ENOSPC, ENOTDIR, EPERM, EROFS.
    "symlink": ["EACCES", "EDQUOT", "EEXIST", "EIO", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOSPC",
                "ENOTDIR", "EPERM", "EROFS"],
    # mkdir(2): EACCES, EDQUOT, EEXIST, ELOOP, EMLINK, ENAMETOOLONG, ENOENT,
    # ENOSPC, ENOTDIR, EPERM, EROFS. EINVAL (a final component the
    # filesystem refuses, such as a character FAT forbids) is left out for
    # every server: none of the lists this table replaced had it.
    "mkdir": ["EACCES", "EDQUOT", "EEXIST", "ELOOP", "EMLINK", "ENAMETOOLONG", "ENOENT", "ENOSPC",
              "ENOTDIR", "EPERM", "EROFS"],
    # rmdir(2): EACCES, EBUSY, EINVAL (last component "."), ELOOP,
    # ENAMETOOLONG, ENOENT, ENOTDIR, ENOTEMPTY, EPERM, EROFS. EEXIST, which
    # POSIX.1-2017 allows instead of ENOTEMPTY, is left out: Linux returns
    # ENOTEMPTY (its page says so), and so do the BSDs these servers also run
    # on (the ERRORS of rmdir(2) in FreeBSD 12.2, NetBSD 10.0 and macOS list
    # ENOTEMPTY for a non-empty directory and no EEXIST).
    "rmdir": ["EACCES", "EBUSY", "EINVAL", "ELOOP", "ENAMETOOLONG", "ENOENT", "ENOTDIR",
              "ENOTEMPTY", "EPERM", "EROFS"],
    # ftruncate(2) of a descriptor open for writing: EFBIG (a length beyond
    # the largest file), EIO, EPERM, ETXTBSY (the rest is truncate(2)'s path).
    "ftruncate": ["EFBIG", "EIO", "EPERM", "ETXTBSY"],
    # socket(2): EACCES, EMFILE, ENFILE (EAFNOSUPPORT, EPROTONOSUPPORT and
    # EINVAL are for constant arguments).
    "socket": ["EACCES", "EMFILE", "ENFILE"],
    # bind(2) of an IP socket: EACCES, EADDRINUSE, EADDRNOTAVAIL (ELOOP,
    # ENAMETOOLONG, ENOENT, ENOTDIR, EROFS are for UNIX-domain sockets).
    "bind": ["EACCES", "EADDRINUSE", "EADDRNOTAVAIL"],
    # listen(2): EADDRINUSE (EOPNOTSUPP is for a non-stream socket).
    "listen": ["EADDRINUSE"],
    # accept(2): ECONNABORTED, EMFILE, ENFILE, EPERM (firewall rules), EPROTO.
    "accept": ["ECONNABORTED", "EMFILE", "ENFILE", "EPERM", "EPROTO"],
    # connect(2): EACCES/EPERM (firewall rule), EADDRNOTAVAIL, ECONNREFUSED,
    # ENETUNREACH, ETIMEDOUT; POSIX.1-2017 adds ECONNRESET and EHOSTUNREACH.
    "connect": ["EACCES", "EADDRNOTAVAIL", "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH",
                "EPERM", "ETIMEDOUT"],
    # getpeername(2): ENOTCONN.
    "getpeername": ["ENOTCONN"],
    # capset(2): EINVAL, EPERM (ESRCH is for another process).
    "capset": ["EINVAL", "EPERM"],
}


def errno_names(items, drop=None, only=None):
    """The errno names a call site can report. `items` are system calls of
    SYSCALL_ERRNOS, errno names the server's own code sets ("EPERM"), and
    errno names that site rules out ("-EISDIR"). `drop` (system call -> errno
    names) and `only` (the names modelled) are a server's narrowing. In the
    order of `only` when given, else in the order met."""
    names, ruled_out = [], {i[1:] for i in items if i.startswith("-")}
    for i in items:
        if i.startswith("-"):
            continue
        own = i in ERRNO_TEXT
        for n in [i] if own else SYSCALL_ERRNOS[i]:
            if n in names or n in ruled_out or (not own and n in (drop or {}).get(i, ())):
                continue
            if only is None or n in only:
                names.append(n)
    return [n for n in only if n in names] if only is not None else names


def errno_texts(items, drop=None):
    """glibc texts of the errno values the listed calls can fail with, in the
    order of their names."""
    return [ERRNO_TEXT[n] for n in sorted(errno_names(items, drop))]


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


def emit_printf(out, code, fmt, args, src, errno_texts=None):
    """One row, or one per errno text when an argument is strerror()
    (`errno_texts`, or every text of ERRNO_TEXTS when None)."""
    pattern = printf_to_pattern(fmt)
    if errno_texts is None:
        errno_texts = ERRNO_TEXTS
    if strerror_args(args):
        # Replace the {*} that the strerror() argument fills.
        convs = re.findall(r"%[-+ #0'*]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|j|z|t|L|q|I64)?[a-zA-Z]|%%", fmt)
        convs = [c for c in convs if c != "%%"]
        idx = [i for i, a in enumerate(args) if "strerror" in a]
        if idx and idx[0] < len(convs):
            for e in errno_texts:
                line = fill_conversion(fmt, idx[0], e)
                out.append((code, printf_to_pattern(line), src))
                STRERROR_ROWS.append((code, line, e, src))
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

QUILT_PC = os.sep + ".pc"

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
    # A tree unpacked by dpkg-source keeps quilt's copies of the unpatched
    # files under .pc/: only the patched files count.
    for path in c_files(root, ["."], exclude=(QUILT_PC,)):
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
        for path in c_files(root, ["."], exclude=(QUILT_PC,)):
            for m in C_STR.finditer(open(path, encoding="latin-1").read()):
                lits.add(c_unescape(m.group(1)))
        strings = subprocess.run(["strings", "-n", "8", binary], capture_output=True, text=True).stdout.split("\n")
        for s in sorted(set(strings)):
            s = s.strip()
            if s and s not in lits and not any(s in l for l in lits) and re.fullmatch(r"[a-z][a-z ]+[a-z]", s) and " " in s:
                extra.append(s)
    return out, skipped, extra


# ---------------------------------------------------------------- ProFTPD

# The order ProFTPD's errno texts are written in (output order only, no
# narrowing: each site gets every errno value its calls can set, less
# PROFTPD_DROP): these first, as the extraction has always listed them, then
# the others in ERRNO_TEXT's order.
PROFTPD_ORDER = ["ENOENT", "EACCES", "EPERM", "EEXIST", "ENOTEMPTY", "EISDIR", "ENOTDIR", "ENOSPC",
                 "EDQUOT", "EFBIG", "EROFS", "ENAMETOOLONG", "EINVAL", "ECONNREFUSED", "ETIMEDOUT"]
PROFTPD_ORDER += [n for n in ERRNO_TEXT if n not in PROFTPD_ORDER]

# System call -> errno values of SYSCALL_ERRNOS ruled out on ProFTPD 1.3.8.
PROFTPD_DROP = {
    # EPERM of open(2) is O_NOATIME or a file seal, and of write(2) a file
    # seal: ProFTPD passes no O_NOATIME and writes no sealed (memfd) file.
    "open_read": ["EPERM"],
    "open_write": ["EPERM"],
    "write": ["EPERM"],
    # ELOOP and ENAMETOOLONG (POSIX's additions to opendir(3)): each ProFTPD
    # opendir site stat()s the same path first (facts_mlsd at
    # mod_facts.c:1497; mod_ls and mod_site_misc list stat at the site), so
    # such a name fails there.
    "opendir": ["ELOOP", "ENAMETOOLONG"],
    # EINVAL of rmdir(2) (last component "."): ProFTPD removes the
    # canonical path (core_rmd: dir_canonical_path), which never ends in ".";
    # SITE RMDIR (mod_site_misc) too, and its recursion skips "." and ".."
    # (site_misc_delete_dir).
    "rmdir": ["EINVAL"],
}

# The operations behind a ProFTPD strerror() call that are not one system
# call of SYSCALL_ERRNOS (a PROFTPD_SITES entry not listed here is that
# system call): the system calls they make (narrowed by PROFTPD_DROP), the errno values ProFTPD 1.3.8's own code sets ("EACCES"),
# and those the site rules out ("-EDQUOT"), as errno_names() reads them.
PROFTPD_OPS = {
    # dir_realpath() = pr_fs_resolve_partial() (src/fsio.c): lstat(2) and
    # readlink(2) of each component, ENOENT for a missing one.
    "realpath": ["stat", "readlink"],
    # dir_check()/dir_check_canon() denying a command (src/dirtree.c
    # check_limits): EACCES, or ENOENT when IgnoreHidden hides the path.
    "limit": ["EACCES", "ENOENT"],
    # pr_fs_copy_file() (src/fsio.c): open(2) of the source read-only and of
    # the destination O_WRONLY|O_CREAT (EISDIR for a directory), then read(2)
    # and write(2).
    "copy": ["open_read", "open_write", "read", "write"],
    # close(2) of the uploaded file (mod_xfer.c stor_complete): the EDQUOT
    # case is answered 552 separately.
    "close_not_edquot": ["close", "-EDQUOT"],
    # chmod(2), chown(2) (core_chmod, core_chgrp), utimes(2)/utimensat(2).
    "chmod": ["chmod", "chown", "utime"],
    # socket(2) + bind(2) of the active-mode data socket
    # (pr_inet_create_conn); EPERM from data.c when RootRevoke forbids it.
    "pr_inet_create_conn": ["socket", "bind", "EPERM"],
    # accept(2) of the passive data connection; pr_inet_accept() sets EACCES
    # for a connection from a foreign address.
    "pr_inet_accept": ["accept", "EACCES"],
    # pr_inet_openrw() after connect(2) succeeded: dup(2)/fcntl(2) errors only.
    "openrw": [],
    # mod_tls's data-channel postopen (tls_netio_postopen_cb): EPERM when the
    # TLS handshake on the data connection fails or is refused.
    "tls_postopen": ["EPERM"],
    # a PRE_CMD handler refusing RMD (site_misc_delete_dir): EACCES or EPERM.
    "pre_cmd": ["EACCES", "EPERM"],
    # ls_nlst on a glob that matched nothing: ENOENT, or EACCES when the
    # matches were all denied (mod_ls.c, both set just before the reply).
    "nlst_glob": ["ENOENT", "EACCES"],
    # site_misc_parsetime(): EINVAL for a malformed timestamp.
    "parsetime": ["EINVAL"],
    # core_rnto's rename(2) (mod_core.c:6290): EISDIR is answered before it
    # (as EPERM, mod_core.c:6270) and EXDEV falls back to pr_fs_copy_file()
    # (the "Rename %s: %s" reply, mod_core.c:6309).
    "rnto_rename": ["rename", "-EISDIR", "-EXDEV"],
    # the HiddenStores rename(2) of the uploaded file onto its name
    # (stor_complete): the hidden name is in the same directory
    # (get_hidden_store_path: prefix + name + suffix), so no EXDEV, and the
    # file is a regular file, so no EINVAL (a directory into its own subtree).
    "hidden_rename": ["rename", "-EXDEV", "-EINVAL"],
    # mod_digest's get_digest(): EBUSY when the digest cache is full
    # (check_cache_size; EAGAIN only where EBUSY is not defined, not Linux or
    # the BSDs), open(2) and read(2) of the file (read_digest retries EAGAIN
    # and EINTR), EPERM when OpenSSL fails to start or finish the digest
    # (compute_digest).
    "get_digest": ["EBUSY", "open_read", "read", "EPERM"],
}


# Every ProFTPD 1.3.8 strerror() call whose errno is not a constant fixed
# beside it (see proftpd_errnos): file:line -> the operations whose errno it
# reports (PROFTPD_OPS, or a system call of SYSCALL_ERRNOS), read from the
# code before the call.
PROFTPD_SITES = {
    "src/data.c:205": ["pr_inet_accept"],  # data_passive_open: pr_inet_accept
    "src/data.c:281": ["pr_inet_create_conn"],  # data_active_open: pr_inet_create_conn
    "src/data.c:340": ["connect"],  # data_active_open: pr_inet_connect
    "src/data.c:400": ["openrw"],  # data_active_open: pr_inet_openrw failed
    "src/data.c:579": ["tls_postopen"],  # pr_data_open: pr_netio_postopen(instrm)
    "src/data.c:591": ["tls_postopen"],  # pr_data_open: pr_netio_postopen(outstrm)
    "modules/mod_core.c:3861": ["listen"],  # core_pasv: pr_inet_listen
    "modules/mod_core.c:4719": ["listen"],  # core_epsv: pr_inet_listen
    "modules/mod_core.c:5463": ["limit", "chdir"],  # core_chdir: dir_check_full, pr_fsio_chdir
    "modules/mod_core.c:5521": ["limit", "chdir"],  # core_chdir: dir_check_full, pr_fsio_chdir_canon
    "modules/mod_core.c:5691": ["rmdir"],  # core_rmd: pr_fsio_rmdir
    "modules/mod_core.c:5792": ["mkdir"],  # core_mkd: pr_fsio_smkdir
    "modules/mod_core.c:5865": ["realpath", "limit", "stat"],  # core_mdtm
    "modules/mod_core.c:5953": ["realpath", "limit", "stat"],  # core_size
    "modules/mod_core.c:6037": ["limit"],  # core_dele: dir_check
    "modules/mod_core.c:6066": ["stat"],  # core_dele: pr_fsio_lstat
    "modules/mod_core.c:6115": ["unlink"],  # core_dele: pr_fsio_unlink
    "modules/mod_core.c:6290": ["rnto_rename"],  # core_rnto: pr_fsio_rename
    "modules/mod_core.c:6309": ["copy"],  # core_rnto across devices: pr_fs_copy_file
    "modules/mod_core.c:6411": ["limit", "stat"],  # core_rnfr: dir_check, exists2
    "modules/mod_facts.c:1497": ["stat"],  # facts_mlsd: pr_fsio_stat
    "modules/mod_facts.c:1589": ["opendir"],  # facts_mlsd: pr_fsio_opendir
    "modules/mod_ls.c:1584": ["opendir", "stat"],  # ls_terminate: the listing's ls_errno
    "modules/mod_ls.c:2029": ["stat"],  # dolist: pr_fsio_stat
    "modules/mod_ls.c:2917": ["stat"],  # ls_stat: pr_fsio_stat/lstat
    "modules/mod_ls.c:3302": ["limit", "stat"],  # ls_nlst: ls_perms_full
    "modules/mod_ls.c:3342": ["nlst_glob"],  # ls_nlst: glob with no (permitted) match
    "modules/mod_ls.c:3376": ["stat"],  # ls_nlst: pr_fsio_stat
    "modules/mod_site.c:132": ["realpath"],  # site_chgrp: dir_realpath
    "modules/mod_site.c:172": ["chmod"],  # site_chgrp: core_chgrp (chown)
    "modules/mod_site.c:255": ["realpath"],  # site_chmod: dir_realpath
    "modules/mod_site.c:463": ["chmod"],  # site_chmod: core_chmod
    "modules/mod_xfer.c:1383": ["realpath", "limit"],  # xfer_pre_stor: dir_best_path, dir_check
    "modules/mod_xfer.c:1708": ["realpath", "limit"],  # xfer_pre_stou: dir_best_path, dir_check
    "modules/mod_xfer.c:2026": ["open_write"],  # xfer_stor: pr_fsio_open
    "modules/mod_xfer.c:2303": ["close_not_edquot"],  # xfer_stor: stor_complete
    "modules/mod_xfer.c:2323": ["hidden_rename"],  # xfer_stor: HiddenStores rename
    "modules/mod_xfer.c:2587": ["realpath", "limit"],  # xfer_pre_retr: dir_best_path, dir_check
    "modules/mod_xfer.c:2618": ["stat"],  # xfer_pre_retr: file_mode2 (lstat)
    "modules/mod_xfer.c:2722": ["open_read"],  # xfer_retr: pr_fsio_open
    "modules/mod_xfer.c:2737": ["fstat"],  # xfer_retr: pr_fsio_fstat
    "modules/mod_facts.c:1211": ["chmod"],  # facts_mff modify: utimes
    "modules/mod_facts.c:1242": ["chmod"],  # facts_mff UNIX.group: chown
    "modules/mod_facts.c:1273": ["chmod"],  # facts_mff UNIX.mode: chmod
    "modules/mod_facts.c:1412": ["chmod"],  # facts_mfmt: utimes
    "contrib/mod_copy.c:638": ["copy", "mkdir"],  # copy_copy: copy_paths (files and directories)
    "contrib/mod_copy.c:759": ["limit", "stat"],  # copy_cpfr: dir_check_canon, exists2
    "contrib/mod_copy.c:885": ["copy", "mkdir"],  # copy_cpto: copy_paths
    "contrib/mod_digest.c:1857": ["realpath"],  # digest_xcmd: dir_realpath
    "contrib/mod_digest.c:1891": ["stat"],
    "contrib/mod_digest.c:1976": ["get_digest"],  # get_digest: opening and reading the file
    "contrib/mod_digest.c:2023": ["realpath"],  # digest_hash
    "contrib/mod_digest.c:2057": ["stat"],
    "contrib/mod_digest.c:2124": ["get_digest"],  # digest_hash: get_digest
    "contrib/mod_digest.c:2607": ["realpath"],  # digest_md5
    "contrib/mod_digest.c:2641": ["stat"],
    "contrib/mod_digest.c:2692": ["get_digest"],  # digest_md5: get_digest
    "contrib/mod_site_misc.c:297": ["pre_cmd"],  # site_misc_delete_dir: RMD PRE_CMD
    "contrib/mod_site_misc.c:316": ["rmdir"],
    "contrib/mod_site_misc.c:657": ["mkdir", "stat"],  # site_misc_create_path
    "contrib/mod_site_misc.c:756": ["opendir", "stat", "unlink", "rmdir"],  # site_misc_delete_path
    "contrib/mod_site_misc.c:909": ["stat"],
    "contrib/mod_site_misc.c:920": ["symlink"],
    "contrib/mod_site_misc.c:1035": ["parsetime"],
    "contrib/mod_site_misc.c:1050": ["chmod"],  # pr_fsio_utimes_with_root
    "contrib/mod_site_misc.c:1146": ["parsetime"],
    "contrib/mod_site_misc.c:1178": ["parsetime"],
    "contrib/mod_site_misc.c:1210": ["parsetime"],
    "contrib/mod_site_misc.c:1234": ["chmod"],  # pr_fsio_utimes_with_root
}

# Calls whose reply code is chosen from the errno, like
# 'xerrno == ENOENT ? R_550 : R_501' (read from the call itself) or a
# switch before it (here: the errno -> code cases, and the default code).
PROFTPD_CODE_SWITCH = {
    # copy_cpto: EDQUOT, EFBIG, ENOSPC -> 552, else 550.
    "contrib/mod_copy.c:885": ({"EDQUOT": "552", "EFBIG": "552", "ENOSPC": "552"}, "550"),
    # digest_hash (HASH): EBUSY/EAGAIN -> 450, EISDIR -> 553, EPERM -> 552, else 550.
    "contrib/mod_digest.c:2124": ({"EBUSY": "450", "EISDIR": "553", "EPERM": "552"}, "550"),
    # digest_md5 (MD5): EBUSY/EAGAIN -> 450, EISDIR -> 504, else 550.
    "contrib/mod_digest.c:2692": ({"EISDIR": "504"}, "550"),
}

# Calls whose errno the code does not set at all: skipped, with the reason.
PROFTPD_UNSET = {
    # facts_mff, UNIX.mode without '=': 'int xerrno = errno;' after strchr(),
    # which sets no errno; the text is whatever an earlier call left.
    "modules/mod_facts.c:1260": "errno not set by the failing check (strchr)",
    # '#elif defined(EFBIG)' after '#if defined(EDQUOT)': not compiled where
    # EDQUOT exists (Linux, the BSDs).
    "modules/mod_xfer.c:2295": "branch compiled only without EDQUOT",
}


def proftpd_errnos(root, src, arg):
    """The errno names a ProFTPD strerror() argument can hold at `src`
    (file:line): a constant at the call (`strerror(EPERM)`), a constant
    assigned in the same block just before it (`int xerrno = EACCES;`), the
    `if (xerrno == EDQUOT)` guard it sits in, else PROFTPD_SITES."""
    m = re.fullmatch(r"strerror\((E[A-Z0-9]+)\)", arg)
    if m:
        return [m.group(1)]
    if src in PROFTPD_SITES:
        items = [i for op in PROFTPD_SITES[src] for i in PROFTPD_OPS.get(op, [op])]
        return sorted(errno_names(items, PROFTPD_DROP), key=PROFTPD_ORDER.index)
    var = re.fullmatch(r"strerror\((.*)\)", arg, re.S).group(1).strip()
    rel, line = src.rsplit(":", 1)
    lines = open(os.path.join(root, rel), encoding="latin-1").read().split("\n")
    indent = len(lines[int(line) - 1]) - len(lines[int(line) - 1].lstrip())
    for i in range(int(line) - 2, max(0, int(line) - 16), -1):
        code = lines[i].strip()
        ind = len(lines[i]) - len(lines[i].lstrip())
        if not code:
            continue
        if ind < indent:
            g = re.fullmatch(r"if \(\s*" + re.escape(var) + r"\s*==\s*(E[A-Z0-9]+)\s*\)\s*\{", code)
            if g:
                return [g.group(1)]
            if code.endswith("{"):
                break  # the block's opening line: no constant in the block
        if ind == indent:
            a = re.fullmatch(r"(?:int\s+)?" + re.escape(var) + r"\s*=\s*(E[A-Z0-9]+)\s*;", code)
            if a:
                return [a.group(1)]
    raise SystemExit(f"{src}: the errno of {arg} is not known: add the call to PROFTPD_SITES")


# (locale, code, English pattern, localized pattern, catalogue file or None,
# English and localized strerror() text when glibc translates it, localized
# pattern with the strerror() text left as {*}) of every localized row, for
# tools/gen_proftpd_l10n_rows.py.
PROFTPD_L10N_PAIRS = []

# (code, printf format as sent, whether the format goes through gettext _(),
# errno names of its strerror() argument or None, that argument's index among
# the conversions, source) of every ProFTPD call, for the localized extraction.
PROFTPD_CALLS = []


def parse_po(path):
    """msgid -> msgstr of a gettext catalogue, without fuzzy or empty entries
    (msgfmt leaves fuzzy ones out of the .mo a server loads)."""
    def unq(x):
        return x.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
    entries, msgid, msgstr, mode, fuzzy, prev_fuzzy = [], None, None, None, False, False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        if line.startswith("msgid "):
            if msgid is not None:
                entries.append((msgid, msgstr, prev_fuzzy))
            prev_fuzzy, fuzzy = fuzzy, False
            msgid, msgstr, mode = unq(line[7:-1]), "", "id"
        elif line.startswith("msgstr "):
            msgstr, mode = unq(line[8:-1]), "str"
        elif line.startswith('"') and mode:
            if mode == "id":
                msgid += unq(line[1:-1])
            else:
                msgstr += unq(line[1:-1])
    if msgid is not None:
        entries.append((msgid, msgstr, prev_fuzzy))
    return {a: b for a, b, f in entries if a and b and not f}


def fill_conversion(fmt, k, text):
    """fmt with its k-th printf conversion replaced by the literal text."""
    res, i, n = [], 0, -1
    while i < len(fmt):
        if fmt[i] == "%":
            if fmt[i + 1 : i + 2] == "%":
                res.append("%%")
                i += 2
                continue
            m = re.match(r"%[-+ #0'*]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|j|z|t|L|q|I64)?[a-zA-Z]", fmt[i:])
            if m:
                n += 1
                res.append(text.replace("%", "%%") if n == k else m.group(0))
                i += m.end()
                continue
        res.append(fmt[i])
        i += 1
    return "".join(res)


def proftpd_localized(root, locales, catalogue_only):
    """ProFTPD's replies as a server running in another language sends them:
    the format from its own catalogue (locale/<l>*.po, when the call passes it
    through gettext and the catalogue translates it), and a strerror() argument
    in glibc's wording for that locale (this system's libc.mo). `locales` get
    both; `catalogue_only` locales get the catalogue texts of calls without a
    strerror() argument only (their glibc wording is not extracted). Only texts
    that differ from the English ones are written."""
    import gettext
    rows = []
    for loc in locales + catalogue_only:
        pos = sorted(n for n in os.listdir(os.path.join(root, "locale"))
                     if n.endswith(".po") and (n[:-3] == loc or n.split("_")[0] == loc))
        cat = parse_po(os.path.join(root, "locale", pos[0])) if pos else {}
        po = f"locale/{pos[0]}" if pos else None
        libc = None
        mo = f"/usr/share/locale/{loc}/LC_MESSAGES/libc.mo"
        if loc in locales:
            libc = gettext.GNUTranslations(open(mo, "rb"))
        for code, fmt, translated, names, k, src in PROFTPD_CALLS:
            f = cat.get(fmt, fmt) if translated else fmt
            where = f"{src} ({loc}: {po} msgstr)" if f != fmt else src
            if names is None:
                if f != fmt:
                    rows.append((code, printf_to_pattern(f), where))
                    PROFTPD_L10N_PAIRS.append((loc, code, printf_to_pattern(fmt), printf_to_pattern(f),
                                               po, None, None, None))
                continue
            if libc is None:
                continue
            for n in names:
                e = ERRNO_TEXT[n]
                tr = libc.gettext(e)
                if f == fmt and tr == e:
                    continue
                note = f"{where} (strerror in {loc}: {mo})" if tr != e else where
                rows.append((code, printf_to_pattern(fill_conversion(f, k, tr)), note))
                PROFTPD_L10N_PAIRS.append((loc, code, printf_to_pattern(fill_conversion(fmt, k, e)),
                                           printf_to_pattern(fill_conversion(f, k, tr)),
                                           po if f != fmt else None, e if tr != e else None,
                                           tr if tr != e else None, printf_to_pattern(f)))
    return rows


def proftpd(root):
    out, skipped = [], []

    def handler(name, args, src, out):
        if name == "pr_response_send_raw":
            return False
        if len(args) < 2:
            return False
        t = re.fullmatch(r"\w+ == (E[A-Z0-9]+) \? R_(\d{3}) : R_(\d{3})", args[0])
        if t or src in PROFTPD_CODE_SWITCH:
            # The code depends on the errno: one row per errno, with its code.
            f = c_format(args[1], {})
            err = [a for a in args[2:] if "strerror" in a]
            if f is None or not err:
                return False
            cases, default = ({t.group(1): t.group(2)}, t.group(3)) if t else PROFTPD_CODE_SWITCH[src]
            for n in proftpd_errnos(root, src, err[0]):
                code = cases.get(n, default)
                emit_printf(out, code, f, args[2:], src, [ERRNO_TEXT[n]])
                k = [i for i, a in enumerate(args[2:]) if "strerror" in a][0]
                PROFTPD_CALLS.append((code, f, re.match(r"\s*N?_\(", args[1]) is not None, [n], k, src))
            return True
        m = re.fullmatch(r"R_(\d{3})", args[0])
        if not m:
            return False if args[0] != "R_DUP" else True
        f = c_format(args[1], {})
        if f is None:
            return False
        translated = re.match(r"\s*N?_\(", args[1]) is not None
        if f == "%s" and len(args) == 3 and c_format(args[2], {}) is not None:
            # pr_response_add_err(R_501, "%s", _("literal")): the literal is the text.
            f, translated = c_format(args[2], {}).replace("%", "%%"), re.match(r"\s*N?_\(", args[2]) is not None
            args = args[:2]
        err = [a for a in args[2:] if "strerror" in a]
        names = None
        if err:
            if src in PROFTPD_UNSET:
                skipped.append((src, f"{name}(... {err[0]}): {PROFTPD_UNSET[src]}"))
                return True
            names = proftpd_errnos(root, src, err[0])
            emit_printf(out, m.group(1), f, args[2:], src, [ERRNO_TEXT[n] for n in names])
        else:
            emit_printf(out, m.group(1), f, args[2:], src)
        k = [i for i, a in enumerate(args[2:]) if "strerror" in a][0] if err else None
        PROFTPD_CALLS.append((m.group(1), f, translated, names, k, src))
        return True

    names = ["pr_response_add", "pr_response_add_err", "pr_response_send", "pr_response_send_async",
             "pr_response_send_raw"]
    dirs = ["src", "modules", "contrib"]
    for path in c_files(root, dirs, exclude=("mod_sftp", "mod_snmp", "/tests")):
        rel = os.path.relpath(path, root)
        scan_calls(path, rel, names, handler, out, skipped)
    return out, skipped, []


# ---------------------------------------------------------------- Pure-FTPd

# Pure-FTPd: the system calls whose errno each strerror() site reports, by
# (file, function, format or message of the call). The call sites were read
# in src/ftpd.c, src/ls.c and src/caps.c of 1.0.50 and 1.0.54 (the same sites). Entries are
# read by errno_names(): system calls, and errno names the code sets itself.
PURE_STRERROR_SITES = {
    ("ftpd.c", "dopasv", "MSG_CANT_PASSIVE"): ["socket"],
    ("ftpd.c", "dopasv", "MSG_GETSOCKNAME_DATA"): ["listen"],
    ("ftpd.c", "doport3", "MSG_CANT_CREATE_DATA_SOCKET"): ["socket", "bind"],
    ("ftpd.c", "opendata", "MSG_ACCEPT_FAILED"): ["accept"],
    ("ftpd.c", "opendata", "MSG_CNX_PORT_FAILED"): ["connect"],
    ("ftpd.c", "displayopenfailure", "MSG_OPEN_FAILURE"): ["open_read"],
    ("ftpd.c", "_dlmap_remap", "MSG_DATA_READ_FAILED"): ["read"],
    ("ftpd.c", "domkd", "MSG_MKD_FAILURE"): ["mkdir"],
    ("ftpd.c", "dormd", "MSG_RMD_FAILURE"): ["rmdir"],
    # dostor: rename(name, atomic_file) with errno != ENOENT tested; link()
    # in tryautorename; rename(atomic_file, name).
    ("ftpd.c", "dostor", "MSG_RENAME_FAILURE"): ["rename", "link"],
    ("ftpd.c", "dostor", "MSG_OPEN_FAILURE2"): ["open_write"],
    # dostor: ftruncate(f, restartat) with restartat < st.st_size, so no EFBIG.
    ("ftpd.c", "dostor", '"ftruncate"'): ["ftruncate", "-EFBIG"],
    ("ftpd.c", "dornto", "MSG_RENAME_FAILURE"): ["rename"],
    ("ftpd.c", "docwd", "MSG_CANT_CHANGE_DIR"): ["chdir"],
    # dochmod: open(O_RDONLY), stat("/"), fstat, then fchmod() and chmod().
    ("ftpd.c", "dochmod", "MSG_CHMOD_FAILED"): ["open_read", "chmod"],
    ("ftpd.c", "doutime", '"utime(%s): %s"'): ["utime"],
    # dodele: unlink(), or lstat()/rename() of the quota path; errno set to
    # EPERM (over quota) or EINVAL (not a regular file) by the code itself.
    ("ftpd.c", "dodele", "MSG_DELE_FAILED"): ["unlink", "EPERM", "EINVAL"],
    # getsockname() on the same descriptor succeeded just before, so it is a
    # socket: only ENOTCONN (the client already closed the connection) is left.
    ("ftpd.c", "doit", "MSG_GETPEERNAME"): ["getpeername"],
    ("ls.c", "*", '"chdir: %s"'): ["chdir"],
    ("caps.c", "*", "MSG_CAPABILITIES"): ["capset"],
}

# Pure-FTPd strerror() sites that cannot fail at run time, so their text is
# never sent (listed as `# skipped` lines with the reason).
PURE_CANNOT_FAIL = {
    '"setsockopt"': "setsockopt(SO_REUSEADDR) on the socket just created fails only with EBADF, EFAULT, EINVAL, ENOPROTOOPT or ENOTSOCK, none possible here",
    '"fcntl(F_SETFL, O_NONBLOCK)"': "fcntl(F_SETFL) on an open descriptor fails only with EBADF",
    '"gettimeofday()"': "gettimeofday() fails only with EFAULT (a bad pointer)",
    "MSG_TIMESTAMP_FAILURE": "gettimeofday() fails only with EFAULT (a bad pointer)",
    "MSG_STAT_FAILURE": "fstat() of the file just opened fails only with EBADF, EFAULT, ENOMEM or EOVERFLOW (Pure-FTPd is built with large-file support), and it never reports a symbolic link, so the stat() branch after it never runs",
    "MSG_STAT_FAILURE2": "fstat() of the file just opened fails only with EBADF, EFAULT, ENOMEM or EOVERFLOW (Pure-FTPd is built with large-file support)",
    '"seek"': "lseek(SEEK_SET) to an offset at most the size of the regular file just opened cannot fail",
}

# Pure-FTPd replies in branches that cannot run (listed as `# skipped`).
PURE_UNREACHABLE = {
    ("ftpd.c", '"remap"'): "_dlmap_remap: the inner test contradicts the outer one (cur_pos >= dlmap_pos and cur_pos + chunk_size <= dlmap_pos + dlmap_size)",
    ("ftpd.c", '"time()"'): "dositetime: time(NULL) cannot fail and localtime() of the current time cannot overflow",
    ("tls.c", '"Invalid certificate"'): "ssl_servername_cb: tls_create_new_context() always returns 0 (a certificate or key that cannot be loaded ends the session inside it, in tls_load_cert_file, with 421 MSG_FILE_DOESNT_EXIST)",
    ("tls.c", '"SSL error"'): "ssl_servername_cb: tls_create_new_context() always returns 0 (a certificate or key that cannot be loaded ends the session inside it, in tls_load_cert_file, with 421 MSG_FILE_DOESNT_EXIST)",
}


def pure_unescape(s):
    """c_unescape, but `\\n` stays a line break: Pure-FTPd's addreply() sends
    each line of the formatted text as a line of a multi-line reply."""
    return c_unescape(s.replace("\\n", "\x00")).replace("\x00", "\n")


def pure_format(expr, macros):
    e = expr.strip()
    if e in macros:
        return macros[e]
    parts = []
    for tok in re.finditer(r'"(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|\S', e):
        t = tok.group(0)
        if t.startswith('"'):
            parts.append(pure_unescape(t[1:-1]))
        elif t in macros:
            parts.append(macros[t])
        else:
            return None
    return "".join(parts) if parts else None


def pure_ftpd(root):
    macros = {}
    mpath = os.path.join(root, "src", "messages_en.h")
    body = open(mpath, encoding="latin-1").read()
    for m in re.finditer(r'#\s*define\s+(MSG_\w+)\s+((?:\\\n\s*|"(?:[^"\\\n]|\\.)*"\s*)+)', body):
        macros[m.group(1)] = "".join(pure_unescape(x) for x in C_STR.findall(m.group(2)))
    out, skipped = [], []
    for path in c_files(root, ["src"]):
        rel = os.path.relpath(path, root)
        pure_scan(path, rel, macros, out, skipped)
    return out, skipped, []


def pure_scan(path, rel, macros, out, skipped):
    """addreply(), addreply_noformat(), die() and error(code, msg) calls.

    error() sends `msg: strerror(errno)` (src/ftpd.c). A text with line breaks
    is a multi-line reply whose lines all carry the code; only its first line
    is written (the diagnosis reads every line of a reply, and the first names
    the failure). `addreply(code, "%s", buffer)` and `error(code, buffer)` use
    the `snprintf(buffer, ...)` just above them."""
    base = os.path.basename(path)
    text = open(path, encoding="latin-1").read()
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    defs = [(m.start(), m.group(1)) for m in
            re.finditer(r"^[A-Za-z][\w \t\*]*?\b(\w+)\s*\([^;{}]*\)\s*\{", text, re.M)]
    for m in re.finditer(r"(?<![\w.>])(addreply|addreply_noformat|die|error)\s*\(", text):
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(r"(void|int|char \*|static)\s*\**\s*$", before):
            continue
        args, _ = split_args(text, m.end() - 1)
        if args is None:
            continue
        name = m.group(1)
        src = f"{rel}:{line_of(text, m.start())}"
        func = ([n for p, n in defs if p < m.start()] or ["?"])[-1]
        what = name + "(" + ", ".join(args)[:100] + ")"
        if name == "die":
            if len(args) < 3:
                skipped.append((src, what))
                continue
            code, fmt, rest = args[0], args[2], args[3:]
        elif len(args) < 2:
            skipped.append((src, what))
            continue
        else:
            code, fmt, rest = args[0], args[1], args[2:]
        codes = re.findall(r"\b(\d{3})\b", code) if re.fullmatch(r"[\w\s=!<>]+\?\s*\d{3}\s*:\s*\d{3}", code) else \
            ([code] if re.fullmatch(r"\d{3}", code) else [])
        if not codes:
            skipped.append((src, what))
            continue
        key_expr = fmt
        if name == "error":
            if fmt in PURE_CANNOT_FAIL:
                skipped.append((src, f"{what}: cannot be sent, {PURE_CANNOT_FAIL[fmt]}"))
                continue
            f = pure_format(fmt, macros)
            if fmt.strip() == "buffer":
                f, key_expr, rest = pure_buffer(text, m.start(), macros)
                rest = rest + ["strerror(errno)"]
                if f is not None:
                    f = f + ": %s"
            else:
                f = None if f is None else f.replace("%", "%%") + ": %s"
                rest = ["strerror(errno)"]
        elif fmt.strip() == '"%s"' and rest == ["buffer"]:
            f, key_expr, rest = pure_buffer(text, m.start(), macros)
        else:
            f = pure_format(fmt, macros)
        if (base, key_expr.strip()) in PURE_UNREACHABLE:
            skipped.append((src, f"{what}: cannot be sent, {PURE_UNREACHABLE[(base, key_expr.strip())]}"))
            continue
        if f is None:
            skipped.append((src, what))
            continue
        for c in codes:
            if name == "addreply_noformat":
                out.append((c, literal(f.split("\n")[0]), src))
            elif strerror_args(rest):
                site = pure_site(base, func, key_expr)
                if site is None:
                    print(f"warning: {src} ({func}): no errno set for {key_expr}; every ERRNO_TEXTS text written",
                          file=sys.stderr)
                    texts = ERRNO_TEXTS
                else:
                    texts = errno_texts(site)
                    if not texts:
                        skipped.append((src, f"{what}: cannot be sent, the call cannot fail here"))
                        continue
                emit_strerror(out, c, f, rest, src, texts)
            else:
                out.append((c, printf_to_pattern(f.split("\n")[0]), src))


def pure_site(base, func, key_expr):
    for (b, fn, key), calls in PURE_STRERROR_SITES.items():
        if b == base and fn in ("*", func) and (key_expr.strip() == key or key_expr.strip().startswith(key + " ")):
            return calls
    return None


def pure_buffer(text, pos, macros):
    """The format and arguments of the last `snprintf(buffer, sizeof buffer, ...)` before pos."""
    last = None
    for m in re.finditer(r"\bsnprintf\s*\(\s*buffer\s*,", text[:pos]):
        last = m
    if last is None:
        return None, "buffer", []
    args, _ = split_args(text, text.index("(", last.start()))
    if not args or len(args) < 3:
        return None, "buffer", []
    return pure_format(args[2], macros), args[2], args[3:]


def emit_strerror(out, code, fmt, args, src, texts):
    """One row per errno text of `texts` for the strerror() argument of a printf call."""
    idx = [i for i, a in enumerate(args) if "strerror" in a][0]
    for e in texts:
        line = fill_conversion(fmt, idx, e).split("\n")[0]
        out.append((code, printf_to_pattern(line), src))
        STRERROR_ROWS.append((code, line, e, src))


# ---------------------------------------------------------------- pyftpdlib

# pyftpdlib sends strerror(err) of the OSError its AbstractedFS call raised
# (pyftpdlib/utils.py strerror: os.strerror(err.errno)). The calls behind each
# reply, read in pyftpdlib/handlers/ftp/control.py and filesystems.py of
# 2.2.0 (AbstractedFS wraps os.listdir, os.lstat, os.stat, open(), os.chdir,
# os.mkdir, os.rmdir, os.remove, os.rename, os.chmod, os.utime and
# tempfile.mkstemp), with the errno values of SYSCALL_ERRNOS. Python's open()
# also raises EISDIR for a directory opened for reading (FileIO checks it).
# Entries are read by errno_names().
PY_STRERROR_SITES = {
    ("pyftpdlib/handlers/ftp/control.py", "ftp_LIST", "550"): ["opendir", "stat"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_NLST", "550"): ["opendir", "stat"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_STAT", "550"): ["opendir", "stat"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_MLST", "550"): ["stat"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_MLSD", "550"): ["opendir"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_RETR", "550"): ["open_read", "EISDIR"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_STOR", "550"): ["open_write"],
    # getsize() and seek() on the file just opened: only its removal in between.
    ("pyftpdlib/handlers/ftp/control.py", "ftp_RETR", "554"): ["ENOENT"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_STOR", "554"): ["ENOENT"],
    # tempfile.mkstemp: os.open(O_CREAT | O_EXCL) of a new name; the
    # directory may be the one the client named (STOU dir/name), so ENOENT,
    # ENOTDIR and ELOOP too. A new name is no directory (EISDIR), no running
    # program (ETXTBSY) and no immutable or sealed file (EPERM); EEXIST is
    # answered 'No usable unique file name found'.
    ("pyftpdlib/handlers/ftp/control.py", "ftp_STOU", "450"): ["open_write", "-EISDIR", "-ETXTBSY", "-EPERM"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_CWD", "550"): ["chdir"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_SIZE", "550"): ["stat"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_MDTM", "550"): ["stat"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_MFMT", "550"): ["utime", "stat"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_MKD", "550"): ["mkdir"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_RMD", "550"): ["rmdir"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_DELE", "550"): ["unlink"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_RNTO", "550"): ["rename"],
    ("pyftpdlib/handlers/ftp/control.py", "ftp_SITE_CHMOD", "550"): ["chmod"],
}

# errno texts of a failed read or write on a file that is already open
# (pyftpdlib's _FileReadWriteError during a transfer): read(2) and write(2);
# EPERM (a file seal) left out, pyftpdlib writes no sealed (memfd) file.
PY_FILE_ERRNO_TEXTS = errno_texts(["read", "write", "-EPERM"])


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

    def site_errnos(self, default):
        """The strerror() texts the OSError of this reply can carry: the
        errno values of the calls behind it (PY_STRERROR_SITES)."""
        key = (self.rel, self.func.name if self.func else None, getattr(self, "cur_code", None))
        if key in PY_STRERROR_SITES:
            return errno_texts(PY_STRERROR_SITES[key])
        print(f"warning: {self.rel}:{getattr(self, 'call_line', '?')} {key}: no errno set; every ERRNO_TEXTS text written",
              file=sys.stderr)
        return default

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
                    choice = [literal(x) for x in self.site_errnos(ERRNO_TEXTS)]
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
                                opts += [literal(x) for x in
                                         (PY_FILE_ERRNO_TEXTS if on_errno else self.site_errnos(ERRNO_TEXTS))]
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
            first = node.args[0]
            lead = first.values[0] if isinstance(first, ast.JoinedStr) and first.values else first
            self.cur_code = lead.value[:3] if isinstance(lead, ast.Constant) and isinstance(lead.value, str) else None
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
    if "--locales" in argv and server == "proftpd":
        # ProFTPD's catalogues and glibc's strerror() translations.
        only = argv[argv.index("--catalogue-only") + 1].split(",") if "--catalogue-only" in argv else []
        out = proftpd_localized(root, argv[argv.index("--locales") + 1].split(","), only)
        skipped, extra = [], []
    elif "--locales" in argv:
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
