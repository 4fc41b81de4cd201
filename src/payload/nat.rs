//! The NAT and bounce verdict on an advertised passive address, and the
//! policy that picks where a client connects.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// What the host a server advertised for a passive data connection (227,
/// 228) is, compared with the server's address on the control connection.
///
/// - [`Same`](Self::Same): the advertised host is the control connection's
///   peer (an IPv4-mapped IPv6 address counts as its IPv4 address).
/// - [`Unroutable`](Self::Unroutable): the advertised host is private or
///   otherwise unroutable ([`is_unroutable`]: RFC 1918, loopback,
///   link-local, 0.0.0.0, CGNAT 100.64/10, IPv6 ULA...) while the peer is
///   not: the server sits behind NAT and names its inside address
///   (suppaftp#16, jlaffaye/ftp PR #347). Connecting to it fails or, worse,
///   reaches a machine on the client's own network.
/// - [`OtherHost`](Self::OtherHost): another host, reachable or not: a
///   server-side load balancer, or the FTP bounce attack (a hostile server
///   making the client connect to a third host).
///
/// ```
/// use ftp_reply::payload::NatVerdict;
///
/// let peer = "93.184.215.14".parse().unwrap();
/// assert_eq!(NatVerdict::of("93.184.215.14".parse().unwrap(), peer), NatVerdict::Same);
/// assert_eq!(NatVerdict::of("10.1.2.3".parse().unwrap(), peer), NatVerdict::Unroutable);
/// assert_eq!(NatVerdict::of("0.0.0.0".parse().unwrap(), peer), NatVerdict::Unroutable);
/// assert_eq!(NatVerdict::of("8.8.8.8".parse().unwrap(), peer), NatVerdict::OtherHost);
/// // On a LAN, a private address is not a NAT sign, but another host is still another host.
/// let lan = "192.168.1.10".parse().unwrap();
/// assert_eq!(NatVerdict::of("192.168.1.11".parse().unwrap(), lan), NatVerdict::OtherHost);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum NatVerdict {
    /// The advertised host is the control connection's peer.
    #[error("the passive address is the control connection's host")]
    Same,
    /// The advertised host is private or unroutable while the peer is not (NAT).
    #[error("the passive address is private or unroutable while the server's is not (NAT)")]
    Unroutable,
    /// Another host: a load balancer, or a possible FTP bounce.
    #[error("the passive address names another host than the server's (possible FTP bounce)")]
    OtherHost,
}

impl NatVerdict {
    /// The verdict on `advertised`, `peer` being the address of the
    /// control connection's server.
    ///
    /// ```
    /// use std::net::IpAddr;
    /// use ftp_reply::payload::NatVerdict;
    /// let server: IpAddr = "93.184.215.14".parse()?;
    /// assert_eq!(NatVerdict::of("93.184.215.14".parse()?, server), NatVerdict::Same);
    /// assert_eq!(NatVerdict::of("192.168.1.20".parse()?, server), NatVerdict::Unroutable);
    /// assert_eq!(NatVerdict::of("9.9.9.9".parse()?, server), NatVerdict::OtherHost); // a bounce?
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn of(advertised: IpAddr, peer: IpAddr) -> Self {
        let (advertised, peer) = (advertised.to_canonical(), peer.to_canonical());
        if advertised == peer {
            NatVerdict::Same
        } else if is_unroutable(advertised) && !is_unroutable(peer) {
            NatVerdict::Unroutable
        } else {
            NatVerdict::OtherHost
        }
    }
}

/// Whether a client outside the server's network could not reach `ip`:
/// unspecified, loopback, private, link-local, shared (CGNAT),
/// documentation, benchmarking, reserved, multicast or broadcast.
///
/// IPv4: 0.0.0.0/8 (RFC 1122 §3.2.1.3), 10/8, 172.16/12, 192.168/16
/// (RFC 1918), 100.64/10 (RFC 6598), 127/8, 169.254/16 (RFC 3927),
/// 192.0.0/24 (RFC 6890), 192.0.2/24, 198.51.100/24, 203.0.113/24
/// (RFC 5737), 198.18/15 (RFC 2544), 224/4 (multicast), 240/4 and
/// 255.255.255.255. IPv6: `::`, `::1`, `fc00::/7` (ULA, RFC 4193),
/// `fe80::/10` (link-local), `fec0::/10` (site-local, deprecated by RFC 3879),
/// `2001:db8::/32` (documentation, RFC 3849), `ff00::/8` (multicast), and
/// IPv4-mapped addresses by the IPv4 rules.
///
/// ```
/// use ftp_reply::payload::is_unroutable;
/// for ip in ["10.0.0.1", "172.31.255.255", "192.168.0.1", "100.64.0.1", "127.0.0.1", "169.254.1.1", "0.0.0.0", "fd00::1", "fe80::1", "::1", "::ffff:10.0.0.1"] {
///     assert!(is_unroutable(ip.parse().unwrap()), "{ip}");
/// }
/// for ip in ["8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"] {
///     assert!(!is_unroutable(ip.parse().unwrap()), "{ip}");
/// }
/// ```
#[must_use]
pub fn is_unroutable(ip: IpAddr) -> bool {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4_unroutable(v4),
        IpAddr::V6(v6) => v6_unroutable(v6),
    }
}

fn v4_unroutable(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    a == 0
        || a == 10
        || a == 127
        || (a == 100 && (64..128).contains(&b))
        || (a == 169 && b == 254)
        || (a == 172 && (16..32).contains(&b))
        || (a == 192 && b == 168)
        || (a == 192 && b == 0 && (c == 0 || c == 2))
        || (a == 198 && (b == 18 || b == 19))
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || a >= 224
}

fn v6_unroutable(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    ip.is_unspecified()
        || ip.is_loopback()
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] & 0xffc0) == 0xfec0
        || (s[0] == 0x2001 && s[1] == 0x0db8)
        || (s[0] & 0xff00) == 0xff00
}

/// Where a client connects for a passive transfer when the server named a
/// host (227, 228).
///
/// ```
/// use std::net::SocketAddr;
/// use ftp_reply::payload::{NatVerdict, PassivePolicy};
///
/// let advertised: SocketAddr = "192.168.1.5:50000".parse().unwrap();
/// let peer = "93.184.215.14".parse().unwrap();
/// assert_eq!(PassivePolicy::default(), PassivePolicy::UseControlHost);
/// assert_eq!(PassivePolicy::UseControlHost.connect_to(advertised, peer), Ok("93.184.215.14:50000".parse().unwrap()));
/// assert_eq!(PassivePolicy::TrustServer.connect_to(advertised, peer), Ok(advertised));
/// assert_eq!(PassivePolicy::RefuseMismatch.connect_to(advertised, peer), Err(NatVerdict::Unroutable));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum PassivePolicy {
    /// Connect to the control connection's host on the advertised port,
    /// whatever host the reply names: as curl, Python's ftplib (since
    /// bpo-43285) and basic-ftp do by default. Defeats both NAT mistakes
    /// and the bounce attack. The default.
    #[default]
    UseControlHost,
    /// Connect where the server says. Only for servers known to hand data
    /// connections to another host on purpose.
    TrustServer,
    /// Connect where the server says only if it is the control connection's
    /// host; refuse otherwise, with the verdict.
    RefuseMismatch,
}

impl PassivePolicy {
    /// The address to connect to, `advertised` being what the reply names
    /// and `peer` the address of the control connection's server.
    ///
    /// # Errors
    ///
    /// Under [`RefuseMismatch`](Self::RefuseMismatch), the [`NatVerdict`]
    /// when it is not [`NatVerdict::Same`].
    ///
    /// ```
    /// use std::net::{IpAddr, SocketAddr};
    /// use ftp_reply::payload::{NatVerdict, PassivePolicy};
    /// let server: IpAddr = "93.184.215.14".parse()?;
    /// let advertised: SocketAddr = "192.168.1.20:50000".parse()?;
    /// assert_eq!(PassivePolicy::UseControlHost.connect_to(advertised, server)?.to_string(), "93.184.215.14:50000");
    /// assert_eq!(PassivePolicy::TrustServer.connect_to(advertised, server)?, advertised);
    /// assert_eq!(PassivePolicy::RefuseMismatch.connect_to(advertised, server), Err(NatVerdict::Unroutable));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn connect_to(
        self,
        advertised: SocketAddr,
        peer: IpAddr,
    ) -> Result<SocketAddr, NatVerdict> {
        match self {
            PassivePolicy::UseControlHost => Ok(SocketAddr::new(peer, advertised.port())),
            PassivePolicy::TrustServer => Ok(advertised),
            PassivePolicy::RefuseMismatch => match NatVerdict::of(advertised.ip(), peer) {
                NatVerdict::Same => Ok(advertised),
                verdict => Err(verdict),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn suppaftp_16_private_address_behind_nat() {
        // The server behind NAT answers PASV with its inside address.
        let advertised: SocketAddr = "10.0.0.5:40001".parse().unwrap();
        let peer = ip("198.51.99.20");
        assert_eq!(
            NatVerdict::of(advertised.ip(), peer),
            NatVerdict::Unroutable
        );
        assert_eq!(
            PassivePolicy::UseControlHost.connect_to(advertised, peer),
            Ok("198.51.99.20:40001".parse().unwrap())
        );
        assert_eq!(
            PassivePolicy::RefuseMismatch.connect_to(advertised, peer),
            Err(NatVerdict::Unroutable)
        );
    }

    #[test]
    fn jlaffaye_347_like_lftp() {
        // jlaffaye/ftp PR #347 (lftp's rule): a private data address while
        // the command address is public means NAT; a private command address
        // (a LAN server) keeps the data address.
        assert_eq!(
            NatVerdict::of(ip("192.168.0.10"), ip("93.184.215.14")),
            NatVerdict::Unroutable
        );
        assert_eq!(
            NatVerdict::of(ip("192.168.0.10"), ip("192.168.0.10")),
            NatVerdict::Same
        );
        assert_eq!(
            NatVerdict::of(ip("100.64.3.3"), ip("93.184.215.14")),
            NatVerdict::Unroutable
        );
        assert_eq!(
            NatVerdict::of(ip("0.0.0.0"), ip("93.184.215.14")),
            NatVerdict::Unroutable
        );
    }

    #[test]
    fn bounce_to_a_third_host() {
        let advertised: SocketAddr = "93.184.215.14:25".parse().unwrap();
        let peer = ip("198.51.99.20");
        assert_eq!(NatVerdict::of(advertised.ip(), peer), NatVerdict::OtherHost);
        assert_eq!(
            PassivePolicy::UseControlHost.connect_to(advertised, peer),
            Ok("198.51.99.20:25".parse().unwrap())
        );
        assert_eq!(
            PassivePolicy::RefuseMismatch.connect_to(advertised, peer),
            Err(NatVerdict::OtherHost)
        );
        assert_eq!(
            PassivePolicy::TrustServer.connect_to(advertised, peer),
            Ok(advertised)
        );
        // A public server pointing the client into its own LAN is a bounce too.
        assert_eq!(
            NatVerdict::of(ip("8.8.8.8"), ip("192.168.1.1")),
            NatVerdict::OtherHost
        );
    }

    #[test]
    fn mapped_and_v6() {
        assert_eq!(
            NatVerdict::of(ip("::ffff:198.51.99.20"), ip("198.51.99.20")),
            NatVerdict::Same
        );
        assert_eq!(
            NatVerdict::of(ip("fd12::1"), ip("2001:4860::1")),
            NatVerdict::Unroutable
        );
        assert_eq!(
            NatVerdict::of(ip("10.0.0.1"), ip("2001:4860::1")),
            NatVerdict::Unroutable
        );
        for s in [
            "::",
            "fec0::1",
            "2001:db8::1",
            "ff02::1",
            "224.0.0.1",
            "255.255.255.255",
            "240.0.0.1",
            "198.18.0.1",
            "192.0.2.1",
            "203.0.113.1",
            "198.51.100.1",
            "192.0.0.8",
        ] {
            assert!(is_unroutable(ip(s)), "{s}");
        }
        for s in [
            "2001:4860::1",
            "1.1.1.1",
            "172.15.0.1",
            "169.253.0.1",
            "198.20.0.1",
        ] {
            assert!(!is_unroutable(ip(s)), "{s}");
        }
    }
}
