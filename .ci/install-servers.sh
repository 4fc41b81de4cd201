#!/usr/bin/env bash
# Installs the FTP servers that the real-server tests (tests/servers/) start.
#
#   bash .ci/install-servers.sh
#
# - pyftpdlib from PyPI, pinned (PYFTPDLIB_VERSION);
# - vsftpd from Debian's packages, installed normally (its init script is kept
#   from starting a service: nothing may listen but what the tests start);
# - Debian's locales and libc-l10n, and the locale fr_FR.UTF-8 (localedef)
#   when missing, for ProFTPD speaking French (tests/servers/localized.rs);
# - proftpd-core and pure-ftpd (+ pure-ftpd-common for pure-pw) from Debian's
#   packages, NOT installed (Debian's FTP servers conflict with each other
#   through `ftp-server`): `apt-get download` + `dpkg -x` into
#   target/ftp-servers/root, together with the shared libraries they need that
#   the machine lacks. The tests find them there (see tests/servers/README.md).
#
# Idempotent and quick when everything is already there. Needs root for the
# vsftpd install. Prints the versions at the end.
set -euo pipefail

PYFTPDLIB_VERSION=2.2.0
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEST=${FTP_SERVERS_DIR:-$REPO_ROOT/target/ftp-servers}
ROOT=$DEST/root
DEBS=$DEST/debs
UNPACKED=(proftpd-core pure-ftpd pure-ftpd-common)
export DEBIAN_FRONTEND=noninteractive

log() { printf '[install-servers] %s\n' "$*" >&2; }

apt_updated=0
apt_update_once() {
    if [ "$apt_updated" = 0 ]; then
        log "apt-get update"
        apt-get update -qq
        apt_updated=1
    fi
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Installs each Debian package of the arguments that is not installed yet.
apt_install_missing() {
    local pkg
    for pkg in "$@"; do
        if installed "$pkg"; then
            log "$pkg already installed"
        else
            apt_update_once
            log "apt-get install $pkg"
            apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
        fi
    done
}

# --- pyftpdlib -------------------------------------------------------------
if python3 -c "import sys, pyftpdlib; sys.exit(pyftpdlib.__ver__ != '$PYFTPDLIB_VERSION')" 2>/dev/null; then
    log "pyftpdlib $PYFTPDLIB_VERSION already installed"
else
    log "pip install pyftpdlib==$PYFTPDLIB_VERSION"
    python3 -m pip install --quiet --disable-pip-version-check "pyftpdlib==$PYFTPDLIB_VERSION"
fi

# --- vsftpd (installed normally, no service started) -----------------------
if installed vsftpd; then
    log "vsftpd already installed"
else
    apt_update_once
    # Keep maintainer scripts from starting the daemon (policy-rc.d, exit 101
    # = action forbidden). Only remove the file if we created it.
    created_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        created_policy=1
    fi
    log "apt-get install vsftpd"
    if ! apt-get install -y -qq --no-install-recommends vsftpd >/dev/null; then
        [ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
        exit 1
    fi
    [ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
fi
# Belt and braces: whatever the package did, no vsftpd service may listen.
if command -v service >/dev/null 2>&1; then
    service vsftpd stop >/dev/null 2>&1 || true
fi
if command -v update-rc.d >/dev/null 2>&1; then
    update-rc.d vsftpd disable >/dev/null 2>&1 || true
fi
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl disable --now vsftpd >/dev/null 2>&1 || true
fi

# vsftpd's local test user. vsftpd authenticates local users only through
# PAM against system accounts, so the tests use one system account,
# `ftpreply` (no login shell, password "ftp-reply-secret"), and a PAM service
# of their own, `ftp-reply-test`, which accepts no other user. vsftpd changes
# into the account's home before it applies `local_root`, so the home must
# exist; the tests point `local_root` at their temporary directory.
# Only vsftpd uses them; proftpd and pure-ftpd get virtual users from files
# the tests write (AuthUserFile, puredb).
FTPREPLY_HASH='$6$ftpreplysalt$gjbzYTGzo.kwEsww09zCebiqxggiofBF5uDtWOuFIwLCYYNtMop3CUq/CEQmanPjOTuzGBhxFZy7/kIIrdUK/.'
FTPREPLY_HOME=/var/lib/ftp-reply-test
if ! getent passwd ftpreply >/dev/null; then
    log "useradd ftpreply (vsftpd's local test user)"
    useradd --system --no-create-home --home-dir "$FTPREPLY_HOME" --shell /usr/sbin/nologin ftpreply
fi
if [ "$(getent passwd ftpreply | cut -d: -f6)" != "$FTPREPLY_HOME" ]; then
    usermod --home "$FTPREPLY_HOME" ftpreply
fi
if [ ! -d "$FTPREPLY_HOME" ]; then
    mkdir -p "$FTPREPLY_HOME"
    chown ftpreply: "$FTPREPLY_HOME"
    chmod 755 "$FTPREPLY_HOME"
fi
if [ "$(getent shadow ftpreply | cut -d: -f2)" != "$FTPREPLY_HASH" ]; then
    printf 'ftpreply:%s\n' "$FTPREPLY_HASH" | chpasswd -e
fi
pam_file=/etc/pam.d/ftp-reply-test
pam_text='# ftp-reply real-server tests (.ci/install-servers.sh): vsftpd local test user only.
auth     required pam_succeed_if.so quiet user = ftpreply
auth     required pam_unix.so
account  required pam_unix.so
session  required pam_permit.so'
if [ ! -f "$pam_file" ] || [ "$(cat "$pam_file")" != "$pam_text" ]; then
    printf '%s\n' "$pam_text" >"$pam_file"
fi

# --- curl and lftp (transcript tests: tests/transcript_tools.rs) -------------
# Debian's packages; their logs (`curl -v`, `lftp -d`) are analysed there.
apt_install_missing curl lftp

# --- locales (tests/servers/localized.rs) ------------------------------------
# ProFTPD speaks French only if the locale fr_FR.UTF-8 exists: mod_lang sets
# each session's LC_MESSAGES to `LangDefault` with setlocale(3) (ProFTPD
# 1.3.8, modules/mod_lang.c). glibc's strerror(3), which ProFTPD puts in its
# 550 replies, then speaks French too, from libc-l10n's catalogue. Debian's
# `locales` provides localedef and the locale sources.
apt_install_missing locales libc-l10n
have_locale() { locale -a 2>/dev/null | grep -ix "$1\.utf-\?8" >/dev/null; }
for loc in fr_FR; do
    if have_locale "$loc"; then
        log "locale $loc.UTF-8 already there"
    else
        log "localedef $loc.UTF-8"
        # Exit status 1 is "warnings, output written anyway" (-c); checked below.
        localedef -i "$loc" -c -f UTF-8 -A /usr/share/locale/locale.alias "$loc.UTF-8" || [ $? -eq 1 ]
        have_locale "$loc" || { log "locale $loc.UTF-8 still missing"; exit 1; }
    fi
done

# --- proftpd and pure-ftpd, unpacked -----------------------------------------
stamp=$DEST/unpacked.stamp
binaries=("$ROOT/usr/sbin/proftpd" "$ROOT/usr/sbin/pure-ftpd" "$ROOT/usr/bin/pure-pw")

missing_libs() {
    # Shared libraries that the unpacked binaries and proftpd's modules cannot find.
    local f
    for f in "${binaries[@]}" "$ROOT"/usr/lib/proftpd/*.so; do
        [ -e "$f" ] || continue
        LD_LIBRARY_PATH=$(lib_path) ldd "$f" 2>/dev/null | awk '/not found/ {print $1}'
    done | sort -u
}
lib_path() {
    local d out=""
    for d in "$ROOT/usr/lib/$(uname -m)-linux-gnu" "$ROOT/lib/$(uname -m)-linux-gnu"; do
        [ -d "$d" ] && out="${out:+$out:}$d"
    done
    printf '%s' "$out"
}

all_present() {
    local b
    for b in "${binaries[@]}"; do [ -x "$b" ] || return 1; done
    [ -z "$(missing_libs)" ]
}

if [ -f "$stamp" ] && all_present; then
    log "proftpd and pure-ftpd already unpacked in $ROOT"
else
    apt_update_once
    want_stamp=$(for p in "${UNPACKED[@]}"; do printf '%s=%s\n' "$p" "$(apt-cache policy "$p" | awk '/Candidate:/ {print $2}')"; done)
    rm -rf "$ROOT" "$DEBS"
    mkdir -p "$ROOT" "$DEBS"
    # The packages themselves, plus every library package they depend on
    # (two levels) that is not installed on this machine.
    pkgs=("${UNPACKED[@]}")
    frontier=("${UNPACKED[@]}")
    for _level in 1 2; do
        next=()
        for dep in $(apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances "${frontier[@]}" 2>/dev/null |
            awk '$1 ~ /Depends:/ {print $2}' | tr -d '<>' | sort -u); do
            case "$dep" in lib*) ;; *) continue ;; esac
            installed "$dep" && continue
            case " ${pkgs[*]} " in *" $dep "*) continue ;; esac
            pkgs+=("$dep")
            next+=("$dep")
        done
        [ ${#next[@]} -eq 0 ] && break
        frontier=("${next[@]}")
    done
    log "apt-get download ${pkgs[*]}"
    (cd "$DEBS" && apt-get download -qq "${pkgs[@]}" 2>&1 | grep -v 'unsandboxed' >&2 || true)
    for deb in "$DEBS"/*.deb; do
        dpkg -x "$deb" "$ROOT"
    done
    for b in "${binaries[@]}"; do
        [ -x "$b" ] || { log "missing after unpacking: $b"; exit 1; }
    done
    if [ -n "$(missing_libs)" ]; then
        log "libraries still missing: $(missing_libs | tr '\n' ' ')"
        exit 1
    fi
    printf '%s\n' "$want_stamp" >"$stamp"
fi

# Environment the tests read (also documented in tests/servers/README.md).
cat >"$DEST/env" <<ENV
FTP_SERVERS_ROOT=$ROOT
FTP_SERVERS_LD_LIBRARY_PATH=$(lib_path)
ENV

# --- versions ----------------------------------------------------------------
log "versions:"
printf '  pyftpdlib %s\n' "$(python3 -c 'import pyftpdlib; print(pyftpdlib.__ver__)')"
printf '  vsftpd    %s\n' "$(dpkg-query -W -f='${Version}' vsftpd)"
printf '  proftpd   %s (%s)\n' "$(awk -F= '/^proftpd-core=/ {print $2}' "$stamp")" "$(LD_LIBRARY_PATH=$(lib_path) "$ROOT/usr/sbin/proftpd" -v 2>&1 | head -1)"
printf '  pure-ftpd %s\n' "$(awk -F= '/^pure-ftpd=/ {print $2}' "$stamp")"
printf '  curl      %s\n' "$(dpkg-query -W -f='${Version}' curl)"
printf '  lftp      %s\n' "$(dpkg-query -W -f='${Version}' lftp)"
printf '  locales   %s (%s)\n' "$(dpkg-query -W -f='${Version}' locales)" "$(locale -a 2>/dev/null | grep -i '^fr_FR\.utf' | tr '\n' ' ')"
