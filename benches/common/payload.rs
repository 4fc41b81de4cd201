//! Bodies of the payload benchmarks (`benches/payload.rs` and the
//! `payload-*` cases of `benches/callgrind.rs`): each parser beside a
//! regex-based parse and a naive split-based parse of the same replies.
//! Every body returns a checksum that the benchmarks compare, so no
//! variant can win by doing less.
//!
//! - 227: suppaftp 12.2.1's `PASV_PORT_RE` (`src/regex.rs`), octets parsed as
//!   `u8` as its `pasv` does; the split baseline takes the text between `(`
//!   and `)` and splits at `,`.
//! - 257: a regex for a quoted path, and suppaftp's `pwd` (`find('"')` and
//!   `rfind('"')`, `src/sync_ftp.rs`) without its `to_string`.
//! - 211: a regex per line, and suppaftp's `parse_features` split
//!   (`src/command/feat.rs`: a leading space, `trim`, split at the first
//!   space) without building its `HashMap` of `String`s.

#![allow(dead_code)] // each bench uses part of it

use ftp_reply::Reply;
use regex::Regex;

/// The replies every variant reads, all in the RFC form so all variants parse them.
pub struct Inputs {
    pub pasv: Vec<Reply>,
    pub pwd: Vec<Reply>,
    pub feat: Vec<Reply>,
    pub pasv_re: Regex,
    pub pwd_re: Regex,
    pub feat_re: Regex,
}

impl Inputs {
    pub fn new() -> Self {
        let parse = |list: &[&[u8]]| -> Vec<Reply> {
            list.iter().map(|b| Reply::parse(b).unwrap()).collect()
        };
        Inputs {
            pasv: parse(&[
                b"227 Entering Passive Mode (127,0,0,1,156,64).\r\n", // vsftpd
                b"227 Entering Passive Mode (192,168,10,25,195,81).\r\n", // ProFTPD
                b"227 Entering Passive Mode (10,0,0,7,117,48)\r\n", // Pure-FTPd
                b"227 Entering passive mode (93,184,215,14,234,96).\r\n", // pyftpdlib
            ]),
            pwd: parse(&[
                b"257 \"/\" is the current directory\r\n",
                b"257 \"/home/alice/projects/ftp-reply\" is the current directory\r\n",
                b"257 \"/srv/ftp/pub/releases/2026\" is your current location\r\n",
                b"257 \"/var/www\" created\r\n",
            ]),
            feat: parse(&[
                b"211-Features:\r\n CLNT\r\n CSID\r\n EPRT\r\n EPSV\r\n HOST\r\n LANG C.UTF-8*\r\n MDTM\r\n MFF modify;UNIX.group;UNIX.mode;\r\n MFMT\r\n MLST modify*;perm*;size*;type*;unique*;UNIX.group*;UNIX.groupname*;UNIX.mode*;UNIX.owner*;UNIX.ownername*;\r\n RANG STREAM\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n UTF8\r\n211 End\r\n",
                b"211-Features supported:\r\n EPRT\r\n EPSV\r\n MDTM\r\n MFMT\r\n MLST type*;perm*;size*;modify*;unique*;unix.mode;unix.uid;unix.gid;\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n UTF8\r\n211 End FEAT.\r\n",
                b"211-Features:\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n211 End\r\n",
            ]),
            pasv_re: Regex::new(r"\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)").unwrap(),
            pwd_re: Regex::new(r#""((?:[^"]|"")*)""#).unwrap(),
            feat_re: Regex::new(r"^ (\S+)(?: (.*))?$").unwrap(),
        }
    }
}

/// The first line of a reply as UTF-8, as the baselines read it.
fn first_str(r: &Reply) -> &str {
    std::str::from_utf8(r.raw_lines().next().unwrap()).unwrap()
}

// ---- 227 ----

pub fn pasv_ours(i: &Inputs) -> u64 {
    i.pasv
        .iter()
        .map(|r| {
            let a = r.passive_address().unwrap().value;
            u64::from(a.port()) + u64::from(a.ip().to_bits())
        })
        .sum()
}

pub fn pasv_regex(i: &Inputs) -> u64 {
    i.pasv
        .iter()
        .map(|r| {
            let caps = i.pasv_re.captures(first_str(r)).unwrap();
            let o = |n: usize| caps[n].parse::<u8>().unwrap();
            let ip = std::net::Ipv4Addr::new(o(1), o(2), o(3), o(4));
            let port = (u16::from(o(5)) << 8) | u16::from(o(6));
            u64::from(port) + u64::from(ip.to_bits())
        })
        .sum()
}

pub fn pasv_split(i: &Inputs) -> u64 {
    i.pasv
        .iter()
        .map(|r| {
            let s = first_str(r);
            let inner = &s[s.find('(').unwrap() + 1..s.find(')').unwrap()];
            let mut n = inner.split(',').map(|x| x.parse::<u8>().unwrap());
            let mut o = || n.next().unwrap();
            let ip = std::net::Ipv4Addr::new(o(), o(), o(), o());
            let port = (u16::from(o()) << 8) | u16::from(o());
            u64::from(port) + u64::from(ip.to_bits())
        })
        .sum()
}

// ---- 257 ----

pub fn pwd_ours(i: &Inputs) -> usize {
    i.pwd
        .iter()
        .map(|r| {
            let p = r.pathname().unwrap().value;
            p.len() + usize::from(p.bytes().last().unwrap())
        })
        .sum()
}

pub fn pwd_regex(i: &Inputs) -> usize {
    i.pwd
        .iter()
        .map(|r| {
            let p = i
                .pwd_re
                .captures(first_str(r))
                .unwrap()
                .get(1)
                .unwrap()
                .as_str();
            p.len() + usize::from(*p.as_bytes().last().unwrap())
        })
        .sum()
}

pub fn pwd_split(i: &Inputs) -> usize {
    i.pwd
        .iter()
        .map(|r| {
            let s = first_str(r);
            let p = &s[s.find('"').unwrap() + 1..s.rfind('"').unwrap()];
            p.len() + usize::from(*p.as_bytes().last().unwrap())
        })
        .sum()
}

// ---- 211 ----

/// Per reply: the number of features, plus 100 if MLST is among them, plus
/// the length of REST's parameters.
pub fn feat_ours(i: &Inputs) -> usize {
    i.feat
        .iter()
        .map(|r| {
            let f = r.features().unwrap().value;
            let rest = f.get("REST").map_or(0, |x| x.params().len());
            f.len() + if f.has("MLST") { 100 } else { 0 } + rest
        })
        .sum()
}

fn inner_lines(r: &Reply) -> impl Iterator<Item = &str> {
    let n = r.line_count();
    r.raw_lines()
        .skip(1)
        .take(n - 2)
        .map(|l| std::str::from_utf8(l).unwrap())
}

pub fn feat_regex(i: &Inputs) -> usize {
    i.feat
        .iter()
        .map(|r| {
            let (mut count, mut mlst, mut rest) = (0, 0, 0);
            for line in inner_lines(r) {
                let caps = i.feat_re.captures(line).unwrap();
                let name = caps.get(1).unwrap().as_str();
                count += 1;
                if name.eq_ignore_ascii_case("MLST") {
                    mlst = 100;
                }
                if name.eq_ignore_ascii_case("REST") {
                    rest = caps.get(2).map_or(0, |m| m.as_str().len());
                }
            }
            count + mlst + rest
        })
        .sum()
}

pub fn feat_split(i: &Inputs) -> usize {
    i.feat
        .iter()
        .map(|r| {
            let (mut count, mut mlst, mut rest) = (0, 0, 0);
            for line in inner_lines(r) {
                assert!(line.starts_with(' '));
                let mut words = line.trim().splitn(2, ' ');
                let name = words.next().unwrap();
                count += 1;
                if name.eq_ignore_ascii_case("MLST") {
                    mlst = 100;
                }
                if name.eq_ignore_ascii_case("REST") {
                    rest = words.next().map_or(0, str::len);
                }
            }
            count + mlst + rest
        })
        .sum()
}
