#!/usr/bin/env python3
"""Records the raw control-connection bytes of an FTP server.

Usage: capture.py HOST PORT OUT_FILE [USER PASS]

Sends a fixed list of commands, one at a time, and appends every byte the
server sends to OUT_FILE, exactly as received (no decoding, no line
splitting). Used to produce the captures under tests/data/; see README.md.
Talks only to the address it is given (use 127.0.0.1).
"""
import socket
import sys
import time

COMMANDS = [
    None,  # the greeting
    b"FEAT",
    b"HELP",
    b"SYST",
    b"USER {user}",
    b"PASS {password}",
    b"PWD",
    b"STAT",
    b"TYPE I",
    b"SIZE /no/such/file",
    b"CWD /no/such/dir",
    b"MLST /",
    # A Latin-1 path with a 0xFF byte, doubled as Telnet requires: do
    # servers echo it back doubled?
    b"CWD /caf\xe9-\xff\xff-dir",
    b"BOGUS",
    b"QUIT",
]


def read_quiet(sock, quiet=0.4, limit=5.0):
    """Reads until the server has been silent for `quiet` seconds."""
    data = b""
    deadline = time.time() + limit
    sock.settimeout(quiet)
    while time.time() < deadline:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            break
        if not chunk:
            break
        data += chunk
    return data


def main():
    host, port, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    user = sys.argv[4] if len(sys.argv) > 4 else "anonymous"
    password = sys.argv[5] if len(sys.argv) > 5 else "guest@example.org"
    sock = socket.create_connection((host, port), timeout=5)
    received = b""
    for cmd in COMMANDS:
        if cmd is not None:
            line = cmd.replace(b"{user}", user.encode()).replace(b"{password}", password.encode())
            sock.sendall(line + b"\r\n")
        received += read_quiet(sock)
    sock.close()
    with open(out, "wb") as f:
        f.write(received)


if __name__ == "__main__":
    main()
