#!/usr/bin/env python3
"""Capture command/reply transcripts from a real FTP server on 127.0.0.1.

Usage: capture.py HOST PORT USER PASSWORD SERVER-NAME > transcript.txt

Sends a fixed script of commands over a raw socket (no client library in
between, so every reply is recorded as the server sent it), opens the data
connections that PASV/EPSV announce, and writes one line per command
("> VERB arg") and one per reply line ("< text"). The password is written as
"****". See README.md for the server set-up.

The server's directory must hold: file.txt (small), big.bin (large enough
that a transfer is still running when ABOR arrives), a directory "sub", and
be writable (uploads, MKD, RNFR/RNTO, DELE).
"""

import re
import socket
import sys
import time

HOST, PORT, USER, PASSWORD, NAME = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
out = []


def emit(s):
    out.append(s)


class Conn:
    def __init__(self):
        self.s = socket.create_connection((HOST, PORT), timeout=10)
        self.buf = b""

    def line(self):
        while b"\r\n" not in self.buf:
            d = self.s.recv(65536)
            if not d:
                raise EOFError
            self.buf += d
        l, self.buf = self.buf.split(b"\r\n", 1)
        return l.decode("utf-8", "replace")

    def reply(self):
        """Reads one (possibly multi-line) reply, records it, returns its code."""
        first = self.line()
        emit("< " + first)
        code = first[:3]
        if len(first) > 3 and first[3] == "-":
            while True:
                l = self.line()
                emit("< " + l)
                if l.startswith(code + " ") or l == code:
                    break
        return int(code)

    def replies(self, timeout=10):
        """Reads replies until a final one (not 1yz)."""
        codes = []
        self.s.settimeout(timeout)
        while True:
            try:
                c = self.reply()
            except (socket.timeout, EOFError):
                emit("# (no further reply within %ds)" % timeout)
                return codes
            codes.append(c)
            if c // 100 != 1:
                return codes

    def send(self, cmd):
        shown = "PASS ****" if cmd.upper().startswith("PASS ") else cmd
        emit("> " + shown)
        self.s.sendall(cmd.encode() + b"\r\n")


def data_addr(codes_text):
    m = re.search(r"\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)", codes_text)
    if m:
        n = list(map(int, m.groups()))
        return ".".join(map(str, n[:4])), n[4] * 256 + n[5]
    m = re.search(r"\(\|\|\|(\d+)\|\)", codes_text)
    if m:
        return HOST, int(m.group(1))
    return None


def cmd(c, command):
    c.send(command)
    return c.replies()


def passive(c, epsv=False):
    start = len(out)
    codes = cmd(c, "EPSV" if epsv else "PASV")
    addr = data_addr("\n".join(out[start:]))
    if not addr:
        return None
    return socket.create_connection(addr, timeout=10)


def transfer(c, command, upload=None, epsv=False, read=True):
    d = passive(c, epsv)
    c.send(command)
    codes = []
    c.s.settimeout(10)
    try:
        first = c.reply()
    except (socket.timeout, EOFError):
        emit("# (no reply)")
        return
    codes.append(first)
    if first // 100 == 1 and d is not None:
        if upload is not None:
            d.sendall(upload)
        elif read:
            while d.recv(65536):
                pass
        d.close()
        d = None
        codes += c.replies()
    if d is not None:
        d.close()


def main():
    c = Conn()
    emit("# server: " + NAME)
    emit("> (greeting)")
    c.replies()
    cmd(c, "PWD")  # before login
    cmd(c, "USER " + USER)
    cmd(c, "PASS wrong-password")
    time.sleep(0.2)
    cmd(c, "USER " + USER)
    cmd(c, "PASS " + PASSWORD)
    for command in [
        "SYST", "FEAT", "OPTS UTF8 ON", "OPTS BOGUS", "PWD", "XPWD", "TYPE I", "TYPE Z",
        "MODE S", "MODE Z", "STRU F", "CWD sub", "CDUP", "XCWD sub", "XCUP", "CWD /nonexistent",
        "SIZE file.txt", "SIZE nonexistent", "SIZE sub", "MDTM file.txt", "MDTM nonexistent",
        "MLST file.txt", "MLST nonexistent", "STAT", "STAT file.txt", "HELP", "HELP RETR",
        "NOOP", "SITE HELP", "SITE BOGUS", "ALLO 100", "ACCT x", "SMNT x", "LANG fr",
        "HOST localhost", "AUTH TLS", "PBSZ 0", "PROT P", "CCC", "ADAT aGVsbG8=",
        "MIC aGVsbG8=", "LPSV", "LPRT 4,4,127,0,0,1,2,4,1", "BOGUS", "XYZZY arg",
        "REST 0", "REST abc", "RNTO nowhere", "ABOR",
    ]:
        cmd(c, command)
    # No PASV/PORT first: a server may use the default data port (RFC 959
    # §3.2) and answer 425 only when its connection attempt times out.
    c.send("RETR file.txt")
    c.replies(timeout=60)
    transfer(c, "RETR file.txt")
    transfer(c, "RETR nonexistent")
    transfer(c, "LIST", epsv=True)
    transfer(c, "LIST /nonexistent", epsv=True)
    transfer(c, "NLST")
    transfer(c, "NLST /nonexistent")
    transfer(c, "MLSD")
    transfer(c, "MLSD file.txt")
    cmd(c, "REST 5")
    transfer(c, "RETR file.txt")
    transfer(c, "STOR upload.txt", upload=b"hello\r\n")
    transfer(c, "APPE upload.txt", upload=b"again\r\n")
    transfer(c, "STOU", upload=b"unique\r\n")
    transfer(c, "STOR /nonexistent/dir/upload.txt", upload=b"x")
    cmd(c, "RNFR upload.txt")
    cmd(c, "RNTO renamed.txt")
    cmd(c, "RNFR nonexistent")
    cmd(c, "DELE renamed.txt")
    cmd(c, "DELE nonexistent")
    cmd(c, "MKD newdir")
    cmd(c, "MKD newdir")
    cmd(c, "XMKD newdir2")
    cmd(c, "RMD newdir")
    cmd(c, "XRMD newdir2")
    cmd(c, "RMD nonexistent")
    # Abort a running transfer: 150, then ABOR while the data is still flowing.
    d = passive(c)
    c.send("RETR big.bin")
    c.s.settimeout(10)
    c.reply()
    if d is not None:
        d.recv(65536)
    time.sleep(0.2)
    c.send("ABOR")
    if d is not None:
        d.close()
    c.replies(timeout=5)
    c.replies(timeout=2)  # ABOR's own reply, if the first was the transfer's
    ep = socket.socket()
    ep.bind((HOST, 0))
    ep.listen(1)
    cmd(c, "EPRT |1|%s|%d|" % (HOST, ep.getsockname()[1]))
    ep.close()
    cmd(c, "EPRT |9|::1|1|")
    cmd(c, "EPSV 2")
    cmd(c, "EPSV ALL")
    cmd(c, "PASV")
    cmd(c, "REIN")
    cmd(c, "QUIT")
    print("\n".join(out))


main()
