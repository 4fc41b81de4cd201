//! The fingerprint table: facts read in each server's source, or in the
//! sessions recorded under `tests/data/servers/` (Debian 12 packages of
//! vsftpd 3.0.3, ProFTPD 1.3.8 and Pure-FTPd 1.0.50; pyftpdlib 2.2.0 and
//! libunftp 0.24.0), each row citing where.
//!
//! How to edit: one row per fact, grouped by server. A text goes in only if
//! no other known server sends it (check the other servers' rows, the
//! recorded sessions and the diagnosis table): `530 Login incorrect.`
//! (vsftpd, ProFTPD, FileZilla Server 1.x), `215 UNIX Type: L8` (nearly all),
//! `230 Login successful.` (vsftpd and pyftpdlib), `331 Password required
//! for {*}` (ProFTPD and FileZilla Server 0.9), `425 Unable to build data
//! connection: {*}` (ProFTPD and FileZilla Server 1.x) and `211-Extensions
//! supported:` (Pure-FTPd and libunftp) are left out on purpose. Choose
//! `Names` only when the text contains the product's name or its site,
//! `Strong` for a wording no other known server sends, `Weak` for a short
//! or plausible-elsewhere one. The unit tests check that ids are unique,
//! that no pattern of one server matches another server's recorded replies,
//! and that every row's server is named in the recorded session, if any.
//! Translations of these texts (ProFTPD catalogues, Pure-FTPd languages)
//! are in `localized.rs`, appended to this table in `ALL`.

use super::clue::{ClueKind, Fingerprint, Line, Rule, Shape, Strength};
use super::localized;
use crate::Server;
use crate::command::Command;

use ClueKind::{FeatureOrder, Features, Greeting, Help, Status, System, Wording};
use Strength::{Names, Strong, Weak};

#[allow(clippy::too_many_arguments)] // one table row
pub(super) const fn fp(
    id: &'static str,
    server: Server,
    kind: ClueKind,
    strength: Strength,
    code: u16,
    commands: &'static [Command],
    rule: Rule,
    source: &'static str,
) -> Fingerprint {
    Fingerprint {
        id,
        server,
        kind,
        strength,
        code,
        commands,
        rule,
        source,
    }
}

pub(super) const fn first(p: &'static str) -> Rule {
    Rule::Text(Line::First, p)
}
pub(super) const fn last(p: &'static str) -> Rule {
    Rule::Text(Line::Last, p)
}
pub(super) const fn inner(p: &'static str) -> Rule {
    Rule::Text(Line::Inner, p)
}
pub(super) const fn any(p: &'static str) -> Rule {
    Rule::Text(Line::Any, p)
}

pub(super) const NONE: &[Command] = &[];
const FEAT: &[Command] = &[Command::Feat];
pub(super) const HELP: &[Command] = &[Command::Help];
pub(super) const STAT: &[Command] = &[Command::Stat];
const SYST: &[Command] = &[Command::Syst];

const VS: Server = Server::Vsftpd;
const PRO: Server = Server::Proftpd;
const PURE: Server = Server::PureFtpd;
const PY: Server = Server::Pyftpdlib;
const UNFTP: Server = Server::Libunftp;
const FZ: Server = Server::FilezillaServer;
const IIS: Server = Server::Iis;

/// vsftpd 3.0.2 source (github dagwieers/vsftpd, tag 3.0.2); the texts are
/// unchanged in 3.0.3, as the recorded session shows.
macro_rules! vsftpd {
    ($file:literal) => {
        concat!(
            "vsftpd 3.0.2 ",
            $file,
            "; seen in tests/data/servers/vsftpd-3.0.3-13+b2.txt"
        )
    };
    ($file:literal, unseen) => {
        concat!("vsftpd 3.0.2 ", $file)
    };
}
/// ProFTPD 1.3.8 source (github proftpd/proftpd, tag v1.3.8).
macro_rules! proftpd {
    ($file:literal) => {
        concat!(
            "ProFTPD 1.3.8 ",
            $file,
            "; seen in tests/data/servers/proftpd-1.3.8+dfsg-4+deb12u5.txt"
        )
    };
    ($file:literal, unseen) => {
        concat!("ProFTPD 1.3.8 ", $file)
    };
}
/// Pure-FTPd 1.0.54 source (github jedisct1/pure-ftpd, tag 1.0.54).
macro_rules! pure {
    ($file:literal) => {
        concat!(
            "Pure-FTPd 1.0.54 ",
            $file,
            "; seen in tests/data/servers/pure-ftpd-1.0.50-2.1+b2.txt"
        )
    };
    ($file:literal, unseen) => {
        concat!("Pure-FTPd 1.0.54 ", $file)
    };
}
/// `pyftpdlib` 2.2.0 (`PyPI`) `pyftpdlib/handlers/ftp/control.py`.
macro_rules! pyftpdlib {
    ($line:literal) => {
        concat!(
            "pyftpdlib 2.2.0 pyftpdlib/handlers/ftp/",
            $line,
            "; seen in tests/data/servers/pyftpdlib-2.2.0.txt"
        )
    };
}
/// libunftp 0.24.0 (crates.io) `src/server/...`.
macro_rules! libunftp {
    ($file:literal) => {
        concat!(
            "libunftp 0.24.0 src/server/",
            $file,
            "; seen in tests/data/servers/libunftp-0.24.0.txt"
        )
    };
    ($file:literal, unseen) => {
        concat!("libunftp 0.24.0 src/server/", $file)
    };
}

/// The fingerprints of the servers' English texts, grouped by server.
#[rustfmt::skip]
const ENGLISH: &[Fingerprint] = &[
    // ---------------------------------------------------------------- vsftpd
    fp("vsftpd-greeting-version", VS, Greeting, Names, 220, NONE, first("(vsFTPd {v})"),
        vsftpd!("prelogin.c (emit_greeting: \"(vsFTPd \" VSF_VERSION \")\")", unseen)),
    fp("vsftpd-greeting-banner-file", VS, Greeting, Weak, 220, NONE, Rule::Shape(Shape::PrefixedThenEmpty),
        vsftpd!("prelogin.c (emit_greeting: banner_file lines written with \"220-\", then an empty \"220 \")")),
    fp("vsftpd-stat-version", VS, Status, Names, 211, STAT, inner("vsFTPd {v} - secure, fast, stable"),
        vsftpd!("postlogin.c (handle_stat)")),
    fp("vsftpd-help-header", VS, Help, Strong, 214, HELP, first("The following commands are recognized."),
        vsftpd!("postlogin.c (handle_help)")),
    fp("vsftpd-help-footer", VS, Help, Strong, 214, HELP, last("Help OK."),
        vsftpd!("postlogin.c (handle_help)")),
    fp("vsftpd-feature-order", VS, FeatureOrder, Weak, 211, FEAT, Rule::Features(&["AUTH SSL", "AUTH TLS", "EPRT", "EPSV", "MDTM", "PASV", "PBSZ", "PROT", "REST STREAM", "SIZE", "TVFS", "UTF8"]),
        vsftpd!("features.c (handle_feat)")),
    fp("vsftpd-oops", VS, Wording, Strong, 500, NONE, first("OOPS: {*}"),
        "vsftpd 3.0.2 utility.c (die: \"500 OOPS: \")"),
    fp("vsftpd-pass-prompt", VS, Wording, Strong, 331, NONE, first("Please specify the password."),
        vsftpd!("prelogin.c (handle_user_command)")),
    fp("vsftpd-type-binary", VS, Wording, Strong, 200, NONE, first("Switching to Binary mode."),
        vsftpd!("postlogin.c (handle_type)")),
    fp("vsftpd-type-ascii", VS, Wording, Strong, 200, NONE, first("Switching to ASCII mode."),
        "vsftpd 3.0.2 postlogin.c (handle_type)"),
    fp("vsftpd-type-bad", VS, Wording, Strong, 500, NONE, first("Unrecognised TYPE command."),
        vsftpd!("postlogin.c (handle_type)")),
    fp("vsftpd-cwd-failed", VS, Wording, Strong, 550, NONE, first("Failed to change directory."),
        vsftpd!("postlogin.c (handle_cwd)")),
    fp("vsftpd-retr-failed", VS, Wording, Strong, 550, NONE, first("Failed to open file."),
        vsftpd!("postlogin.c (handle_retr)")),
    fp("vsftpd-mkd-failed", VS, Wording, Strong, 550, NONE, first("Create directory operation failed."),
        vsftpd!("postlogin.c (handle_mkd)")),
    fp("vsftpd-list-start", VS, Wording, Strong, 150, NONE, first("Here comes the directory listing."),
        vsftpd!("postlogin.c (handle_dir_common)")),
    fp("vsftpd-list-done", VS, Wording, Strong, 226, NONE, first("Directory send OK."),
        vsftpd!("postlogin.c (handle_dir_common)")),
    fp("vsftpd-stor-start", VS, Wording, Strong, 150, NONE, first("Ok to send data."),
        vsftpd!("postlogin.c (handle_upload_common)")),
    fp("vsftpd-no-data-connection", VS, Wording, Strong, 425, NONE, first("Use PORT or PASV first."),
        vsftpd!("postlogin.c (data_transfer_checks_ok)")),
    fp("vsftpd-noop", VS, Wording, Strong, 200, NONE, first("NOOP ok."),
        vsftpd!("postlogin.c (process_post_login)")),
    fp("vsftpd-abor-idle", VS, Wording, Strong, 225, NONE, first("No transfer to ABOR."),
        vsftpd!("postlogin.c (handle_abor)")),
    fp("vsftpd-unknown-command", VS, Wording, Weak, 500, NONE, first("Unknown command."),
        vsftpd!("postlogin.c (process_post_login)")),
    // --------------------------------------------------------------- ProFTPD
    fp("proftpd-greeting", PRO, Greeting, Names, 220, NONE, last("ProFTPD Server ({*}) [{*}]"),
        proftpd!("src/session.c (pr_session_send_banner: \"ProFTPD Server (%s) [%s]\")")),
    fp("proftpd-greeting-version", PRO, Greeting, Names, 220, NONE, last("ProFTPD {v} Server ({*}) [{*}]"),
        "ProFTPD 1.3.x src/session.c (ServerIdent with the version shown, as ProFTPD before 1.3.6 sent it by default)"),
    fp("proftpd-greeting-deferred", PRO, Greeting, Names, 220, NONE, last("ProFTPD Server ready."),
        proftpd!("src/session.c (pr_session_send_banner, DeferWelcome on)", unseen)),
    fp("proftpd-greeting-ident-off", PRO, Greeting, Weak, 220, NONE, last("{*} FTP server ready"),
        proftpd!("src/session.c (pr_session_send_banner, ServerIdent off: \"%s FTP server ready\")", unseen)),
    fp("proftpd-greeting-continuation", PRO, Greeting, Weak, 220, NONE, Rule::Shape(Shape::SpaceInnerThenText),
        proftpd!("src/response.c (pr_response_flush: continuation lines as \" %s\")")),
    fp("proftpd-csid", PRO, Wording, Names, 200, NONE, first("name=ProFTPD;version={v};casesensitive=1;"),
        proftpd!("modules/mod_core.c (core_csid)", unseen)),
    fp("proftpd-csid-ident-off", PRO, Wording, Strong, 200, NONE, first("casesensitive=1;"),
        proftpd!("modules/mod_core.c (core_csid, ServerIdent off)", unseen)),
    fp("proftpd-help-header", PRO, Help, Strong, 214, HELP, first("The following commands are recognized (* =>'s unimplemented):"),
        proftpd!("src/help.c (pr_help_add_response)")),
    fp("proftpd-help-footer", PRO, Help, Strong, 214, HELP, last("Direct comments to {*}"),
        proftpd!("src/help.c (pr_help_add_response)")),
    fp("proftpd-site-help-header", PRO, Help, Strong, 214, NONE, first("The following SITE commands are recognized (* =>'s unimplemented)"),
        proftpd!("modules/mod_site.c (site_help)", unseen)),
    fp("proftpd-stat-header", PRO, Status, Strong, 211, STAT, first("Status of '{*}'"),
        proftpd!("modules/mod_ls.c (ls_stat)")),
    fp("proftpd-stat-type", PRO, Status, Strong, 211, STAT, inner("TYPE: {*}, STRUcture: File, Mode: Stream"),
        proftpd!("modules/mod_ls.c (ls_stat)")),
    fp("proftpd-stat-connected", PRO, Status, Weak, 211, STAT, inner("Connected from {*} ({*})"),
        proftpd!("modules/mod_ls.c (ls_stat)")),
    fp("proftpd-feat-csid", PRO, Features, Weak, 211, FEAT, inner("CSID"),
        proftpd!("modules/mod_core.c (core_init: pr_feat_add(C_CSID))")),
    fp("proftpd-feat-mff", PRO, Features, Strong, 211, FEAT, inner("MFF modify;UNIX.group;UNIX.mode;"),
        proftpd!("modules/mod_facts.c (facts_init)")),
    fp("proftpd-feat-mlst", PRO, Features, Strong, 211, FEAT, inner("MLST modify{*};perm{*};size{*};type{*};unique{*};UNIX.group{*};UNIX.groupname{*};UNIX.mode{*};UNIX.owner{*};UNIX.ownername{*};"),
        proftpd!("modules/mod_facts.c (facts_mlst_feat_add)")),
    fp("proftpd-unknown-command", PRO, Wording, Weak, 500, NONE, first("{*} not understood"),
        proftpd!("src/main.c (\"%s not understood\")")),
    fp("proftpd-type-bad", PRO, Wording, Strong, 504, NONE, first("TYPE not implemented for '{*}' parameter"),
        proftpd!("modules/mod_xfer.c (xfer_type: \"%s not implemented for '%s' parameter\")")),
    fp("proftpd-invalid-parameters", PRO, Wording, Strong, 501, NONE, first("Invalid number of parameters"),
        proftpd!("modules/mod_core.c, mod_facts.c")),
    fp("proftpd-mkd", PRO, Wording, Strong, 257, NONE, first("\"{*}\" - Directory successfully created"),
        proftpd!("modules/mod_core.c (core_mkd)")),
    fp("proftpd-mlst-header", PRO, Wording, Strong, 250, NONE, first("Start of list for {*}"),
        proftpd!("modules/mod_facts.c (facts_mlst)")),
    fp("proftpd-logged-in", PRO, Wording, Weak, 230, NONE, first("User {*} logged in"),
        proftpd!("modules/mod_auth.c (auth_pass)")),
    fp("proftpd-noop", PRO, Wording, Weak, 200, NONE, first("NOOP command successful"),
        proftpd!("modules/mod_core.c (core_noop)")),
    fp("proftpd-abor", PRO, Wording, Weak, 226, NONE, first("Abort successful"),
        proftpd!("modules/mod_xfer.c (xfer_abor)")),
    // ------------------------------------------------------------- Pure-FTPd
    fp("pure-ftpd-greeting", PURE, Greeting, Names, 220, NONE, any("--------- Welcome to Pure-FTPd{*} ----------"),
        pure!("src/ftpd.c (doit: \"--------- \" MSG_WELCOME_TO \" Pure-FTPd\" ...)", unseen)),
    fp("pure-ftpd-greeting-boring", PURE, Greeting, Names, 220, NONE, any("Welcome to Pure-FTPd."),
        pure!("src/ftpd.c (doit, BORING_MODE)", unseen)),
    fp("pure-ftpd-greeting-time", PURE, Greeting, Strong, 220, NONE, any("Local time is now {n}:{n}. Server port: {n}."),
        pure!("src/messages_en.h (MSG_WELCOME_TIME)", unseen)),
    fp("pure-ftpd-greeting-users", PURE, Greeting, Strong, 220, NONE, any("You are user number {n} of {n} allowed."),
        pure!("src/messages_en.h (MSG_NB_USERS)", unseen)),
    fp("pure-ftpd-greeting-idle", PURE, Greeting, Strong, 220, NONE, any("You will be disconnected after {n} minutes of inactivity."),
        pure!("src/messages_en.h (MSG_INFO_IDLE_M)", unseen)),
    fp("pure-ftpd-help-footer", PURE, Help, Names, 214, HELP, last("Pure-FTPd - http://pureftpd.org/"),
        pure!("src/ftp_parser.c (HELP)")),
    fp("pure-ftpd-help-header", PURE, Help, Strong, 214, HELP, first("The following SITE commands are recognized"),
        pure!("src/messages_en.h (MSG_SITE_HELP)")),
    fp("pure-ftpd-stat", PURE, Status, Names, 211, STAT, first("https://www.pureftpd.org/"),
        pure!("src/ftp_parser.c (STAT without argument)")),
    fp("pure-ftpd-feat-mlst", PURE, Features, Strong, 211, FEAT, inner("MLST type{*};size{*};sizd{*};modify{*};UNIX.mode{*};UNIX.uid{*};UNIX.gid{*};unique{*};"),
        pure!("src/ftpd.c (dofeat)")),
    fp("pure-ftpd-feat-esta", PURE, Features, Weak, 211, FEAT, inner("ESTA"),
        pure!("src/ftpd.c (dofeat: FEAT_ESTA)")),
    fp("pure-ftpd-feature-order", PURE, FeatureOrder, Strong, 211, FEAT, Rule::Features(&["UTF8", "EPRT", "IDLE", "MDTM", "SIZE", "MFMT", "REST STREAM", "MLST", "MLSD", "PRET", "XDBG", "AUTH TLS", "PBSZ", "PROT", "TVFS", "ESTA", "PASV", "EPSV", "ESTP"]),
        pure!("src/ftpd.c (dofeat)")),
    fp("pure-ftpd-feat-footer", PURE, Features, Weak, 211, FEAT, last("End."),
        pure!("src/ftpd.c (dofeat)")),
    fp("pure-ftpd-user-ok", PURE, Wording, Strong, 331, NONE, first("User {*} OK. Password required"),
        pure!("src/messages_en.h (MSG_USER_OK)")),
    fp("pure-ftpd-auth-failed", PURE, Wording, Strong, 530, NONE, first("Login authentication failed"),
        pure!("src/messages_en.h (MSG_AUTH_FAILED)")),
    fp("pure-ftpd-logged-in", PURE, Wording, Strong, 230, NONE, any("OK. Current directory is {*}"),
        pure!("src/messages_en.h (MSG_CURRENT_DIR_IS)")),
    fp("pure-ftpd-pwd", PURE, Wording, Strong, 257, NONE, first("\"{*}\" is your current location"),
        pure!("src/messages_en.h (MSG_IS_YOUR_CURRENT_LOCATION)")),
    fp("pure-ftpd-cwd-failed", PURE, Wording, Strong, 550, NONE, first("Can't change directory to {*}"),
        pure!("src/messages_en.h (MSG_CANT_CHANGE_DIR)")),
    fp("pure-ftpd-mkd", PURE, Wording, Strong, 257, NONE, first("\"{*}\" : The directory was successfully created"),
        pure!("src/messages_en.h (MSG_MKD_SUCCESS)")),
    fp("pure-ftpd-type", PURE, Wording, Strong, 200, NONE, last("TYPE is now {*}"),
        pure!("src/messages_en.h (MSG_TYPE_SUCCESS)")),
    fp("pure-ftpd-epsv", PURE, Wording, Strong, 229, NONE, first("Extended Passive mode OK (|||{n}|)"),
        pure!("src/ftpd.c (doepsv)")),
    fp("pure-ftpd-data-accepted", PURE, Wording, Strong, 150, NONE, first("Accepted data connection"),
        pure!("src/messages_en.h (MSG_ACCEPT_SUCCESS)")),
    fp("pure-ftpd-transfer-rate", PURE, Wording, Strong, 226, NONE, last("{*} seconds (measured here), {*} per second"),
        pure!("src/messages_en.h (MSG_TRANSFER_RATE_*)")),
    fp("pure-ftpd-list-done", PURE, Wording, Strong, 226, NONE, last("{n} matches total"),
        pure!("src/messages_en.h (MSG_LS_SUCCESS)")),
    fp("pure-ftpd-goodbye", PURE, Wording, Strong, 221, NONE, first("Goodbye. You uploaded {n} and downloaded {n} kbytes."),
        pure!("src/messages_en.h (MSG_GOODBYE)")),
    fp("pure-ftpd-noop", PURE, Wording, Strong, 200, NONE, first("Zzz..."),
        pure!("src/messages_en.h (MSG_SLEEPING)")),
    fp("pure-ftpd-unknown-command", PURE, Wording, Weak, 500, NONE, first("Unknown command"),
        pure!("src/messages_en.h (MSG_UNKNOWN_COMMAND)")),
    // ------------------------------------------------------------- pyftpdlib
    fp("pyftpdlib-greeting", PY, Greeting, Names, 220, NONE, first("pyftpdlib {v} ready."),
        "pyftpdlib 2.2.0 pyftpdlib/handlers/ftp/control.py:431 (FTPHandler.banner default)"),
    fp("pyftpdlib-greeting-long-banner", PY, Greeting, Weak, 220, NONE, Rule::Shape(Shape::BareInnerThenEmpty),
        pyftpdlib!("control.py:600 (handle: a banner over 75 characters is sent as \"220-\" + banner, then \"220 \")")),
    fp("pyftpdlib-feat-header", PY, Features, Strong, 211, FEAT, first("Features supported:"),
        pyftpdlib!("control.py:2216 (ftp_FEAT)")),
    fp("pyftpdlib-feat-footer", PY, Features, Strong, 211, FEAT, last("End FEAT."),
        pyftpdlib!("control.py:2218 (ftp_FEAT)")),
    fp("pyftpdlib-feat-mlst", PY, Features, Strong, 211, FEAT, inner("MLST type{*};perm{*};size{*};modify{*};unique{*};unix.mode{*};unix.uid{*};unix.gid{*};"),
        pyftpdlib!("control.py (ftp_FEAT, MLST facts)")),
    fp("pyftpdlib-help-header", PY, Help, Strong, 214, HELP, first("The following commands are recognized:"),
        pyftpdlib!("control.py:2285 (ftp_HELP)")),
    fp("pyftpdlib-help-footer", PY, Help, Strong, 214, HELP, last("Help command successful."),
        pyftpdlib!("control.py:2287 (ftp_HELP)")),
    fp("pyftpdlib-stat-type", PY, Status, Strong, 211, STAT, inner("TYPE: {*}; STRUcture: File; MODE: Stream"),
        pyftpdlib!("control.py:2151 (ftp_STAT)")),
    fp("pyftpdlib-stat-footer", PY, Status, Weak, 211, STAT, last("End of status."),
        pyftpdlib!("control.py:2169 (ftp_STAT)")),
    fp("pyftpdlib-user-ok", PY, Wording, Strong, 331, NONE, first("Username ok, send password."),
        pyftpdlib!("control.py:1763 (ftp_USER)")),
    fp("pyftpdlib-auth-failed", PY, Wording, Weak, 530, NONE, first("Authentication failed."),
        pyftpdlib!("control.py:1793 (ftp_PASS)")),
    fp("pyftpdlib-mkd", PY, Wording, Strong, 257, NONE, first("\"{*}\" directory created."),
        pyftpdlib!("control.py:2017 (ftp_MKD)")),
    fp("pyftpdlib-type", PY, Wording, Strong, 200, NONE, first("Type set to: {*}."),
        pyftpdlib!("control.py:2086 (ftp_TYPE)")),
    fp("pyftpdlib-type-bad", PY, Wording, Strong, 504, NONE, first("Unsupported type \"{*}\"."),
        pyftpdlib!("control.py:2092 (ftp_TYPE)")),
    fp("pyftpdlib-pasv", PY, Wording, Strong, 227, NONE, first("Entering passive mode ({*})."),
        pyftpdlib!("dispatchers.py:117 (PassiveDTP)")),
    fp("pyftpdlib-epsv", PY, Wording, Strong, 229, NONE, first("Entering extended passive mode (|||{n}|)."),
        pyftpdlib!("dispatchers.py (PassiveDTP, extmode)")),
    fp("pyftpdlib-unknown-command", PY, Wording, Strong, 500, NONE, first("Command \"{*}\" not understood."),
        pyftpdlib!("control.py:707 (pre_process_command)")),
    fp("pyftpdlib-missing-argument", PY, Wording, Strong, 501, NONE, first("Syntax error: command needs an argument."),
        pyftpdlib!("control.py:714 (pre_process_command)")),
    fp("pyftpdlib-noop", PY, Wording, Strong, 200, NONE, first("I successfully did nothing'."),
        pyftpdlib!("control.py:2248 (ftp_NOOP)")),
    fp("pyftpdlib-mlst-footer", PY, Wording, Strong, 250, NONE, last("End MLST."),
        pyftpdlib!("control.py:1496 (ftp_MLST)")),
    fp("pyftpdlib-data-open", PY, Wording, Weak, 125, NONE, first("Data connection already open. Transfer starting."),
        pyftpdlib!("control.py:1022 (push_dtp_data)")),
    fp("pyftpdlib-abor-idle", PY, Wording, Weak, 225, NONE, first("No transfer to abort."),
        pyftpdlib!("control.py:1719 (ftp_ABOR)")),
    // -------------------------------------------------------------- libunftp
    fp("libunftp-greeting-default", UNFTP, Greeting, Names, 220, NONE, first("Welcome to the libunftp FTP server"),
        libunftp!("ftpserver/options.rs (DEFAULT_GREETING)", unseen)),
    fp("libunftp-help-powered", UNFTP, Help, Names, 214, HELP, any("Powered by libunftp: {v}"),
        libunftp!("controlchan/commands/help.rs")),
    fp("libunftp-help-docs", UNFTP, Help, Names, 214, HELP, last("View the docs at: https://unftp.rs/"),
        libunftp!("controlchan/commands/help.rs")),
    fp("libunftp-stat-powered", UNFTP, Status, Names, 211, STAT, any("powered by libunftp: {v}"),
        libunftp!("controlchan/commands/stat.rs")),
    fp("libunftp-stat-header", UNFTP, Status, Strong, 211, STAT, first("server status:"),
        libunftp!("controlchan/commands/stat.rs")),
    fp("libunftp-feat-footer", UNFTP, Features, Strong, 211, FEAT, last("END"),
        libunftp!("controlchan/commands/feat.rs")),
    fp("libunftp-feat-site-md5", UNFTP, Features, Weak, 211, FEAT, inner("SITE MD5"),
        libunftp!("controlchan/commands/feat.rs")),
    fp("libunftp-pass-prompt", UNFTP, Wording, Strong, 331, NONE, first("Password Required"),
        libunftp!("controlchan/commands/user.rs")),
    fp("libunftp-logged-in", UNFTP, Wording, Strong, 230, NONE, first("User logged in, proceed"),
        libunftp!("controlchan/control_loop.rs")),
    fp("libunftp-type", UNFTP, Wording, Strong, 200, NONE, first("Always in binary mode"),
        libunftp!("controlchan/commands/type_.rs")),
    fp("libunftp-noop", UNFTP, Wording, Strong, 200, NONE, first("Successfully did nothing"),
        libunftp!("controlchan/commands/noop.rs")),
    fp("libunftp-stored", UNFTP, Wording, Strong, 226, NONE, first("File successfully written"),
        libunftp!("controlchan/control_loop.rs")),
    fp("libunftp-listed", UNFTP, Wording, Strong, 226, NONE, first("Listed the directory"),
        libunftp!("controlchan/control_loop.rs")),
    fp("libunftp-unknown-command", UNFTP, Wording, Weak, 500, NONE, first("Command not implemented"),
        libunftp!("controlchan/control_loop.rs")),
    // ------------------------------------------------------ FileZilla Server
    fp("filezilla-server-greeting", FZ, Greeting, Names, 220, NONE, first("FileZilla Server {v}"),
        "FileZilla Server 1.9.4 src/filezilla/ftp/commander.cpp (commander::set_socket), as cited by the diagnosis row filezilla-server-banner"),
    fp("filezilla-server-greeting-0.9", FZ, Greeting, Names, 220, NONE, first("FileZilla Server version {v}{*}"),
        "FileZilla Server 0.9.60 source/Options.cpp (default welcome message with %v), as cited by the diagnosis row filezilla-server-banner"),
    fp("filezilla-server-syst", FZ, System, Names, 215, SYST, first("UNIX emulated by FileZilla{*}"),
        "observed, not read in the source: public scans and session logs of FileZilla Server 0.9.41 to 0.9.60 (\"UNIX emulated by FileZilla\") and 1.x (with a final period)"),
    // ------------------------------------------------------------------- IIS
    fp("iis-greeting", IIS, Greeting, Names, 220, NONE, any("Microsoft FTP Service"),
        "Microsoft Learn, IIS configuration reference: system.applicationHost/sites/site/ftpServer/messages (suppressDefaultBanner), as cited by the diagnosis row iis-banner"),
];

/// `a` then `b`, as one array (`N` must be their total length).
const fn joined<const N: usize>(a: &[Fingerprint], b: &[Fingerprint]) -> [Fingerprint; N] {
    assert!(a.len() + b.len() == N && N > 0);
    let mut out = [a[0]; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[a.len() + j] = b[j];
        j += 1;
    }
    out
}

// Only read through `ALL` (one reference, evaluated once), never copied.
#[allow(clippy::large_const_arrays)]
const TABLE: [Fingerprint; ENGLISH.len() + localized::ALL.len()] = joined(ENGLISH, localized::ALL);

/// Every fingerprint: the English texts, grouped by server, then the
/// translated ones ([`super::localized`]).
pub(super) const ALL: &[Fingerprint] = &TABLE;

/// Words of the "seen" bit set: one bit per fingerprint.
pub(super) const SEEN_WORDS: usize = ALL.len().div_ceil(64);

const fn is_order(rule: &Rule) -> bool {
    matches!(rule, Rule::Features(_))
}

/// How many feature-order rules the table has.
pub(super) const ORDER_RULES: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < ALL.len() {
        if is_order(&ALL[i].rule) {
            n += 1;
        }
        i += 1;
    }
    n
};

/// For each fingerprint, its index among the feature-order rules.
const ORDER_SLOTS: [u8; ALL.len()] = {
    let mut slots = [u8::MAX; ALL.len()];
    let (mut i, mut n) = (0, 0u8);
    while i < ALL.len() {
        if is_order(&ALL[i].rule) {
            slots[i] = n;
            n += 1;
        }
        i += 1;
    }
    slots
};

/// The feature-order slot of fingerprint `i` (out of range for other rules).
pub(super) fn order_slot(i: usize) -> usize {
    ORDER_SLOTS.get(i).map_or(usize::MAX, |&s| usize::from(s))
}

// Fingerprint indices are kept as `u16` while a reply is read.
const _: () = assert!(ALL.len() < u16::MAX as usize);
