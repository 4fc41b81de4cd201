#!/usr/bin/env python3
"""Reply texts of the Microsoft IIS FTP service (FTP 7.5 and later, IIS 10.0).

IIS is closed source, so there is no tree to scan for `respond()` calls as
`extract_server_texts.py` does for the other servers. What a client reads from
IIS comes in two kinds, and each line written here names where it comes from:

1. IIS's own texts ("User cannot log in.", "Policy requires SSL.", ...),
   each taken from a Microsoft document or from a session pasted in a public
   issue tracker (the greeting "220 Microsoft FTP Service" or the reporter
   names the server), listed in OWN below with that source.
2. File-system failures: IIS answers them with the Win32 system error
   message of the failing call (`550 Access is denied.`). The code and the
   Win32 error are taken from a capture (WIN32 below); the text itself is read
   here from Microsoft's "System Error Codes" reference, the Markdown files of
   the MicrosoftDocs/win32 repository (`desktop-src/Debug/system-error-codes--*.md`),
   so that the wording is Microsoft's, not retyped.

Only texts with such a source are listed: a Win32 error IIS could report but no
capture shows is not guessed. Multi-line replies with detailed errors
(`530-User cannot log in.` / `Win32 error: ...` / `Error details: ...` /
`530 End`, sent when `allowLocalDetailedErrors` applies) start with the same
text as the one-line form, which is what is listed.

Usage (run by hand, never by the build or the tests):

    python3 tools/extract_iis_texts.py WIN32_DOCS_TREE 10.0 > tests/data/server-texts/iis-10.0.tsv

WIN32_DOCS_TREE is `git archive <commit>` of MicrosoftDocs/win32 (the commit
is in tests/data/server-texts/README.md).
"""

import glob
import os
import re
import sys

# IIS's own texts: (code, text, source).
OWN = [
    (530, "User cannot log in.",
     "Microsoft: MicrosoftDocs/iis-docs iis/publish/using-the-ftp-service/configuring-ftp-with-net-membership-authentication-in-iis-7/samples/sample7.cmd:1, KB 2649659 (SupportArticles-docs ftp-authentication-authorization/error-530-anonymous-ftp-sites.md); capture github.com/patrickjuchli/basic-ftp/issues/261"),
    (530, "User cannot log in, home directory inaccessible.",
     "capture github.com/robinrodricks/FluentFTP/issues/1155 (Windows Server IIS), github.com/SamKirkland/FTP-Deploy-Action/issues/408"),
    (534, "Policy requires SSL.",
     "capture github.com/jenkinsci/publish-over-ftp-plugin/issues/115 (STOR, 220 Microsoft FTP Service), github.com/salim-lachdhaf/ftpConnect/issues/20 (USER)"),
    (500, "Command not understood.",
     "capture github.com/MicrosoftDocs/azure-devops-docs/issues/8169 (220 Microsoft FTP Service)"),
    (501, "Server cannot accept argument.",
     "capture github.com/robinrodricks/FluentFTP/issues/1538 (220 Microsoft FTP Service; server-to-server transfer), github.com/ArxOne/FTP/issues/44 (active data connection)"),
    (501, "Option not supported.",
     "capture github.com/robinrodricks/FluentFTP/issues/1538 (OPTS UTF8 ON; FEAT without UTF8)"),
    (503, "Login with USER first.",
     "capture github.com/salim-lachdhaf/ftpConnect/issues/20 (PASS after 534 to USER, 220 Microsoft FTP Service)"),
]

# File-system failures: (code, Win32 error name, capture).
WIN32 = [
    (550, "ERROR_FILE_NOT_FOUND",
     "capture github.com/robinrodricks/FluentFTP/issues/179 (220 Microsoft FTP Service), github.com/patrickjuchli/basic-ftp/issues/218 (CWD)"),
    (550, "ERROR_PATH_NOT_FOUND",
     "capture github.com/microsoft/azure-pipelines-tasks/issues/12204 (220 Microsoft FTP Service)"),
    (550, "ERROR_ACCESS_DENIED",
     "capture github.com/patrickjuchli/basic-ftp/issues/218 (MKD), github.com/pschatzmann/TinyFTPClient/issues/12 (SIZE of a directory, IIS)"),
    (550, "ERROR_SHARING_VIOLATION",
     "capture github.com/microsoft/azure-pipelines-tasks/issues/18145 (Azure App Service FTP), github.com/SamKirkland/FTP-Deploy-Action/issues/302"),
    (550, "ERROR_DIR_NOT_EMPTY",
     "capture github.com/microsoft/azure-pipelines-tasks/issues/16601 (Azure App Service FTP)"),
    (550, "ERROR_ALREADY_EXISTS",
     "capture github.com/microsoft/azure-pipelines-tasks/issues/14935 (MKD, Azure App Service FTP)"),
    (550, "ERROR_INVALID_PARAMETER",
     "capture github.com/robinrodricks/FluentFTP/issues/638 (RETR, WindowsServerIIS)"),
    (550, "ERROR_INVALID_NAME",
     "capture github.com/pschatzmann/TinyFTPClient/issues/12 (SIZE with a trailing CR, IIS)"),
]


def win32_texts(root):
    """ERROR_NAME -> (message text, 'file:line') from the System Error Codes pages."""
    out = {}
    pattern = os.path.join(root, "desktop-src", "Debug", "system-error-codes--*.md")
    for path in sorted(glob.glob(pattern)):
        rel = os.path.relpath(path, root)
        lines = open(path, encoding="utf-8").read().split("\n")
        for i, line in enumerate(lines):
            m = re.match(r'<span id="(ERROR_\w+)"></span>', line)
            if not m:
                continue
            # The entry is: the name, the number ("2 (0x2)"), then the text.
            seen_number = False
            for j in range(i + 1, min(i + 20, len(lines))):
                t = lines[j].strip()
                if not t:
                    continue
                if not seen_number:
                    if re.fullmatch(r"\d+ \(0x[0-9A-Fa-f]+\)", t):
                        seen_number = True
                    continue
                out[m.group(1)] = (t.replace("\\", ""), f"{rel}:{j + 1}")
                break
    return out


def literal(text):
    """A literal reply text in the table's pattern syntax."""
    return text.replace("{", "{{")


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, version = argv[1], argv[2]
    texts = win32_texts(root)
    rows = [(c, literal(t), s) for c, t, s in OWN]
    for code, name, capture in WIN32:
        if name not in texts:
            print(f"{name}: not found under {root}", file=sys.stderr)
            return 1
        text, where = texts[name]
        rows.append((code, literal(text), f"MicrosoftDocs/win32 {where} ({name}); {capture}"))
    print(f"# iis {version}: reply texts of the IIS FTP service, by tools/extract_iis_texts.py")
    print(f"# command: python3 tools/extract_iis_texts.py {' '.join(argv[1:])}")
    print("# columns: code, text (pattern syntax: {*} any text, {n} digits), source")
    for code, text, src in sorted(rows, key=lambda r: (r[0], r[1].lower())):
        print(f"{code}\t{text}\t{src}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
