//! The knowledge base, checked through the public API.

use std::collections::BTreeSet;

use ftp_reply::{Category, DataConnection, Lang, ReplyCode, ReplyInfo, RetryAdvice, Spec};

/// Every named constant, with the number it must have. Written out by hand so
/// that renaming or renumbering a constant (a breaking change) fails here.
const CONSTANTS: &[(u16, ReplyCode, &str)] = &[
    (110, ReplyCode::RESTART_MARKER_REPLY, "RESTART_MARKER_REPLY"),
    (
        120,
        ReplyCode::SERVICE_READY_IN_NNN_MINUTES,
        "SERVICE_READY_IN_NNN_MINUTES",
    ),
    (
        125,
        ReplyCode::DATA_CONNECTION_ALREADY_OPEN,
        "DATA_CONNECTION_ALREADY_OPEN",
    ),
    (150, ReplyCode::FILE_STATUS_OK, "FILE_STATUS_OK"),
    (200, ReplyCode::COMMAND_OK, "COMMAND_OK"),
    (
        202,
        ReplyCode::COMMAND_NOT_IMPLEMENTED_SUPERFLUOUS,
        "COMMAND_NOT_IMPLEMENTED_SUPERFLUOUS",
    ),
    (211, ReplyCode::SYSTEM_STATUS, "SYSTEM_STATUS"),
    (212, ReplyCode::DIRECTORY_STATUS, "DIRECTORY_STATUS"),
    (213, ReplyCode::FILE_STATUS, "FILE_STATUS"),
    (214, ReplyCode::HELP_MESSAGE, "HELP_MESSAGE"),
    (215, ReplyCode::NAME_SYSTEM_TYPE, "NAME_SYSTEM_TYPE"),
    (
        220,
        ReplyCode::SERVICE_READY_FOR_NEW_USER,
        "SERVICE_READY_FOR_NEW_USER",
    ),
    (
        221,
        ReplyCode::SERVICE_CLOSING_CONTROL_CONNECTION,
        "SERVICE_CLOSING_CONTROL_CONNECTION",
    ),
    (
        225,
        ReplyCode::DATA_CONNECTION_OPEN_NO_TRANSFER,
        "DATA_CONNECTION_OPEN_NO_TRANSFER",
    ),
    (
        226,
        ReplyCode::CLOSING_DATA_CONNECTION,
        "CLOSING_DATA_CONNECTION",
    ),
    (
        227,
        ReplyCode::ENTERING_PASSIVE_MODE,
        "ENTERING_PASSIVE_MODE",
    ),
    (
        228,
        ReplyCode::ENTERING_LONG_PASSIVE_MODE,
        "ENTERING_LONG_PASSIVE_MODE",
    ),
    (
        229,
        ReplyCode::ENTERING_EXTENDED_PASSIVE_MODE,
        "ENTERING_EXTENDED_PASSIVE_MODE",
    ),
    (230, ReplyCode::USER_LOGGED_IN, "USER_LOGGED_IN"),
    (231, ReplyCode::USER_LOGGED_OUT, "USER_LOGGED_OUT"),
    (
        232,
        ReplyCode::USER_LOGGED_IN_AUTHORIZED_BY_SECURITY_DATA,
        "USER_LOGGED_IN_AUTHORIZED_BY_SECURITY_DATA",
    ),
    (
        234,
        ReplyCode::SECURITY_DATA_EXCHANGE_COMPLETE,
        "SECURITY_DATA_EXCHANGE_COMPLETE",
    ),
    (
        235,
        ReplyCode::SECURITY_DATA_EXCHANGE_SUCCESSFUL,
        "SECURITY_DATA_EXCHANGE_SUCCESSFUL",
    ),
    (
        250,
        ReplyCode::REQUESTED_FILE_ACTION_OK,
        "REQUESTED_FILE_ACTION_OK",
    ),
    (257, ReplyCode::PATHNAME_CREATED, "PATHNAME_CREATED"),
    (
        331,
        ReplyCode::USER_NAME_OK_NEED_PASSWORD,
        "USER_NAME_OK_NEED_PASSWORD",
    ),
    (
        332,
        ReplyCode::NEED_ACCOUNT_FOR_LOGIN,
        "NEED_ACCOUNT_FOR_LOGIN",
    ),
    (
        334,
        ReplyCode::SECURITY_MECHANISM_OK_NEED_SECURITY_DATA,
        "SECURITY_MECHANISM_OK_NEED_SECURITY_DATA",
    ),
    (
        335,
        ReplyCode::SECURITY_DATA_ACCEPTABLE_MORE_REQUIRED,
        "SECURITY_DATA_ACCEPTABLE_MORE_REQUIRED",
    ),
    (
        336,
        ReplyCode::USER_NAME_OK_NEED_PASSWORD_CHALLENGE,
        "USER_NAME_OK_NEED_PASSWORD_CHALLENGE",
    ),
    (
        350,
        ReplyCode::REQUESTED_FILE_ACTION_PENDING,
        "REQUESTED_FILE_ACTION_PENDING",
    ),
    (
        421,
        ReplyCode::SERVICE_NOT_AVAILABLE,
        "SERVICE_NOT_AVAILABLE",
    ),
    (
        425,
        ReplyCode::CANT_OPEN_DATA_CONNECTION,
        "CANT_OPEN_DATA_CONNECTION",
    ),
    (
        426,
        ReplyCode::CONNECTION_CLOSED_TRANSFER_ABORTED,
        "CONNECTION_CLOSED_TRANSFER_ABORTED",
    ),
    (
        430,
        ReplyCode::INVALID_USERNAME_OR_PASSWORD,
        "INVALID_USERNAME_OR_PASSWORD",
    ),
    (
        431,
        ReplyCode::NEED_UNAVAILABLE_SECURITY_RESOURCE,
        "NEED_UNAVAILABLE_SECURITY_RESOURCE",
    ),
    (
        434,
        ReplyCode::REQUESTED_HOST_UNAVAILABLE,
        "REQUESTED_HOST_UNAVAILABLE",
    ),
    (
        450,
        ReplyCode::REQUESTED_FILE_ACTION_NOT_TAKEN,
        "REQUESTED_FILE_ACTION_NOT_TAKEN",
    ),
    (
        451,
        ReplyCode::REQUESTED_ACTION_ABORTED_LOCAL_ERROR,
        "REQUESTED_ACTION_ABORTED_LOCAL_ERROR",
    ),
    (
        452,
        ReplyCode::INSUFFICIENT_STORAGE_SPACE,
        "INSUFFICIENT_STORAGE_SPACE",
    ),
    (
        500,
        ReplyCode::SYNTAX_ERROR_COMMAND_UNRECOGNIZED,
        "SYNTAX_ERROR_COMMAND_UNRECOGNIZED",
    ),
    (
        501,
        ReplyCode::SYNTAX_ERROR_IN_PARAMETERS,
        "SYNTAX_ERROR_IN_PARAMETERS",
    ),
    (
        502,
        ReplyCode::COMMAND_NOT_IMPLEMENTED,
        "COMMAND_NOT_IMPLEMENTED",
    ),
    (
        503,
        ReplyCode::BAD_SEQUENCE_OF_COMMANDS,
        "BAD_SEQUENCE_OF_COMMANDS",
    ),
    (
        504,
        ReplyCode::COMMAND_NOT_IMPLEMENTED_FOR_PARAMETER,
        "COMMAND_NOT_IMPLEMENTED_FOR_PARAMETER",
    ),
    (
        521,
        ReplyCode::ADDRESS_FAMILY_NOT_SUPPORTED,
        "ADDRESS_FAMILY_NOT_SUPPORTED",
    ),
    (
        521,
        ReplyCode::DATA_CONNECTION_REFUSED_FOR_PROT_LEVEL,
        "DATA_CONNECTION_REFUSED_FOR_PROT_LEVEL",
    ),
    (
        522,
        ReplyCode::EXTENDED_PORT_FAILURE,
        "EXTENDED_PORT_FAILURE",
    ),
    (
        522,
        ReplyCode::DATA_CONNECTION_TLS_FAILED,
        "DATA_CONNECTION_TLS_FAILED",
    ),
    (530, ReplyCode::NOT_LOGGED_IN, "NOT_LOGGED_IN"),
    (
        532,
        ReplyCode::NEED_ACCOUNT_FOR_STORING_FILES,
        "NEED_ACCOUNT_FOR_STORING_FILES",
    ),
    (
        533,
        ReplyCode::COMMAND_PROTECTION_LEVEL_DENIED,
        "COMMAND_PROTECTION_LEVEL_DENIED",
    ),
    (
        534,
        ReplyCode::REQUEST_DENIED_FOR_POLICY_REASONS,
        "REQUEST_DENIED_FOR_POLICY_REASONS",
    ),
    (
        535,
        ReplyCode::FAILED_SECURITY_CHECK,
        "FAILED_SECURITY_CHECK",
    ),
    (
        536,
        ReplyCode::PROT_LEVEL_NOT_SUPPORTED_BY_MECHANISM,
        "PROT_LEVEL_NOT_SUPPORTED_BY_MECHANISM",
    ),
    (
        537,
        ReplyCode::COMMAND_PROTECTION_LEVEL_NOT_SUPPORTED,
        "COMMAND_PROTECTION_LEVEL_NOT_SUPPORTED",
    ),
    (550, ReplyCode::FILE_UNAVAILABLE, "FILE_UNAVAILABLE"),
    (551, ReplyCode::PAGE_TYPE_UNKNOWN, "PAGE_TYPE_UNKNOWN"),
    (
        552,
        ReplyCode::EXCEEDED_STORAGE_ALLOCATION,
        "EXCEEDED_STORAGE_ALLOCATION",
    ),
    (
        553,
        ReplyCode::FILE_NAME_NOT_ALLOWED,
        "FILE_NAME_NOT_ALLOWED",
    ),
    (
        554,
        ReplyCode::INVALID_REST_PARAMETER,
        "INVALID_REST_PARAMETER",
    ),
    (
        555,
        ReplyCode::TYPE_OR_STRU_MISMATCH,
        "TYPE_OR_STRU_MISMATCH",
    ),
    (
        631,
        ReplyCode::INTEGRITY_PROTECTED_REPLY,
        "INTEGRITY_PROTECTED_REPLY",
    ),
    (
        632,
        ReplyCode::CONFIDENTIALITY_AND_INTEGRITY_PROTECTED_REPLY,
        "CONFIDENTIALITY_AND_INTEGRITY_PROTECTED_REPLY",
    ),
    (
        633,
        ReplyCode::CONFIDENTIALITY_PROTECTED_REPLY,
        "CONFIDENTIALITY_PROTECTED_REPLY",
    ),
];

/// The RFCs the crate covers, and RFC 1123 (STD 3), which defines 554 and 555.
const KNOWN_RFCS: &[u16] = &[
    354, 454, 542, 959, 1123, 1639, 2228, 2389, 2428, 2640, 3659, 4217, 7151,
];

/// Early FTP specifications, obsoleted by RFC 765 and then RFC 959: a code
/// that only they define is not standard today.
const OBSOLETE_RFCS: &[u16] = &[354, 454, 542];

#[test]
fn every_constant_maps_to_its_entry() {
    for &(number, code, name) in CONSTANTS {
        assert_eq!(code.as_u16(), number, "{name}");
        let info = code.info().unwrap_or_else(|| panic!("{name} has no entry"));
        assert_eq!(info.code(), code);
        let is_primary = info.constant_name() == name;
        let is_alias = info.meanings().len() > 1 && !is_primary;
        assert!(
            is_primary || is_alias,
            "{name}: entry is named {}",
            info.constant_name()
        );
    }
    let primaries: BTreeSet<&str> = ReplyInfo::all()
        .iter()
        .map(ReplyInfo::constant_name)
        .collect();
    let listed: BTreeSet<&str> = CONSTANTS.iter().map(|c| c.2).collect();
    assert!(
        primaries.is_subset(&listed),
        "constants missing from this test: {:?}",
        primaries.difference(&listed)
    );
}

#[test]
fn entries_are_sorted_unique_and_found_by_lookup() {
    let all = ReplyInfo::all();
    assert!(all.len() >= 60, "only {} entries", all.len());
    for w in all.windows(2) {
        assert!(w[0].code() < w[1].code());
    }
    for info in all {
        assert!(std::ptr::eq(info.code().info().unwrap(), info));
    }
    let known: BTreeSet<u16> = all.iter().map(|i| i.code().as_u16()).collect();
    for n in 100..=699 {
        let code = ReplyCode::new(n).unwrap();
        assert_eq!(code.info().is_some(), known.contains(&n), "{n}");
    }
}

#[test]
fn category_matches_first_digit() {
    for info in ReplyInfo::all() {
        let first = u8::try_from(info.code().as_u16() / 100).unwrap();
        assert_eq!(info.category().digit(), first);
        assert_eq!(Category::from_digit(first), Some(info.category()));
    }
}

#[test]
fn every_text_is_present_in_both_languages_and_translated() {
    for info in ReplyInfo::all() {
        let code = info.code();
        let fields = |lang| {
            [
                ("title", info.title(lang)),
                ("description", info.description(lang)),
                ("when_seen", info.when_seen(lang)),
                ("remediation", info.remediation(lang)),
            ]
        };
        for lang in Lang::all() {
            for (name, text) in fields(lang) {
                assert!(!text.trim().is_empty(), "{code} {name} {lang} is empty");
                assert_eq!(
                    text.trim(),
                    text,
                    "{code} {name} {lang} has surrounding spaces"
                );
                assert!(
                    !text.contains("TODO"),
                    "{code} {name} {lang} is a placeholder"
                );
                assert!(
                    !text.contains("  "),
                    "{code} {name} {lang} has a double space"
                );
            }
        }
        let en = Lang::default();
        for other in Lang::ALL.into_iter().filter(|&l| l != en) {
            for ((name, e), (_, o)) in fields(en).into_iter().zip(fields(other)) {
                assert_ne!(e, o, "{code} {name}: the {other} text is the English");
            }
        }
        for m in info.meanings() {
            assert!(!m.wording().is_empty());
            if info.meanings().len() > 1 {
                let e = m.context(en).unwrap();
                assert!(!e.contains("TODO"), "{code} meaning context");
                for other in Lang::ALL.into_iter().filter(|&l| l != en) {
                    let o = m.context(other).unwrap();
                    assert_ne!(e, o, "{code} meaning context in {other}");
                    assert!(!o.contains("TODO"), "{code} meaning context in {other}");
                }
            } else {
                assert!(m.context(en).is_none());
            }
        }
    }
}

#[test]
fn sources_are_known_rfcs_or_named() {
    for info in ReplyInfo::all() {
        assert!(!info.sources().is_empty(), "{}", info.code());
        for s in info
            .sources()
            .iter()
            .copied()
            .chain(info.meanings().iter().map(ftp_reply::Meaning::source))
        {
            match s.spec() {
                Spec::Rfc(n) => assert!(KNOWN_RFCS.contains(&n), "{}: RFC {n}", info.code()),
                Spec::Other(name) => {
                    assert!(!name.is_empty());
                }
                _ => unreachable!(),
            }
        }
        if info.is_standard() {
            assert!(
                info.sources()
                    .iter()
                    .any(|s| matches!(s.spec(), Spec::Rfc(n) if !OBSOLETE_RFCS.contains(&n))),
                "{} is standard but has no RFC source",
                info.code()
            );
        } else {
            assert!(
                info.sources()
                    .iter()
                    .all(|s| !matches!(s.spec(), Spec::Rfc(n) if !OBSOLETE_RFCS.contains(&n))),
                "{} is not standard but cites a current RFC",
                info.code()
            );
        }
    }
}

#[test]
fn related_codes_exist_and_are_symmetric() {
    for info in ReplyInfo::all() {
        for r in info.related() {
            let other = r.info().unwrap_or_else(|| panic!("{} -> {r}", info.code()));
            assert_ne!(other.code(), info.code());
            assert!(
                other.related().contains(&info.code()),
                "{} -> {r} but not back",
                info.code()
            );
        }
    }
}

#[test]
fn every_rfc_code_is_covered() {
    // RFC 959 §4.2.2, RFC 1639, RFC 2228 §5, RFC 2428, RFC 1123 §4.1.3.4.
    let rfc: &[u16] = &[
        110, 120, 125, 150, 200, 202, 211, 212, 213, 214, 215, 220, 221, 225, 226, 227, 230, 250,
        257, 331, 332, 350, 421, 425, 426, 450, 451, 452, 500, 501, 502, 503, 504, 530, 532, 550,
        551, 552, 553, // RFC 959
        228, 521, // RFC 1639
        232, 234, 235, 334, 335, 336, 431, 533, 534, 535, 536, 537, 631, 632, 633, // RFC 2228
        229, 522, // RFC 2428
        554, 555, // RFC 1123
    ];
    assert_eq!(rfc.len(), 60);
    for &n in rfc {
        let info = ReplyCode::new(n)
            .unwrap()
            .info()
            .unwrap_or_else(|| panic!("{n} missing"));
        assert!(info.is_standard(), "{n}");
    }
    let standard = ReplyInfo::all().iter().filter(|i| i.is_standard()).count();
    assert_eq!(standard, rfc.len());
}

#[test]
fn codes_with_several_meanings_keep_each_with_its_context() {
    for (n, rfcs) in [(521, [1639, 4217]), (522, [2428, 4217])] {
        let info = ReplyCode::new(n).unwrap().info().unwrap();
        let got: Vec<Spec> = info.meanings().iter().map(|m| m.source().spec()).collect();
        assert_eq!(got, rfcs.map(Spec::Rfc), "{n}");
    }
    let m232 = ReplyCode::new(232).unwrap().info().unwrap().meanings();
    assert_eq!(m232[0].source().spec(), Spec::Rfc(2228));
    assert_eq!(
        m232[0].wording(),
        "User logged in, authorized by security data exchange."
    );
    // The logout meaning of the obsolete RFC 542.
    assert_eq!(m232[1].source().spec(), Spec::Rfc(542));
    assert_eq!(
        ReplyCode::new(231).unwrap().info().unwrap().meanings()[0]
            .source()
            .spec(),
        Spec::Rfc(542)
    );
}

#[test]
fn client_advice() {
    let closing: Vec<u16> = ReplyInfo::all()
        .iter()
        .filter(|i| i.closes_control_connection())
        .map(|i| i.code().as_u16())
        .collect();
    assert_eq!(closing, [221, 421]);
    assert_eq!(
        ReplyCode::SERVICE_NOT_AVAILABLE.retry_advice(),
        RetryAdvice::ReconnectLater
    );
    assert_eq!(
        ReplyCode::CANT_OPEN_DATA_CONNECTION.retry_advice(),
        RetryAdvice::ChangeFirst
    );
    assert_eq!(
        ReplyCode::FILE_UNAVAILABLE.retry_advice(),
        RetryAdvice::DoNotRetryUnchanged
    );
    assert_eq!(
        ReplyCode::FILE_STATUS_OK.retry_advice(),
        RetryAdvice::WaitForFinalReply
    );
    assert_eq!(
        ReplyCode::USER_NAME_OK_NEED_PASSWORD.retry_advice(),
        RetryAdvice::SendNextCommand
    );
    for info in ReplyInfo::all() {
        let code = info.code();
        assert_eq!(code.more_replies_follow(), code.as_u16() / 100 == 1);
        // 1yz always means "wait"; only 1yz does.
        assert_eq!(
            info.retry_advice() == RetryAdvice::WaitForFinalReply,
            code.is_preliminary(),
            "{code}"
        );
        if code.is_positive() && !code.is_preliminary() {
            assert!(!code.is_negative());
        }
    }
    let data = |n: u16| ReplyCode::new(n).unwrap().info().unwrap().data_connection();
    assert_eq!(data(150), DataConnection::Opening);
    assert_eq!(data(125), DataConnection::AlreadyOpen);
    assert_eq!(data(225), DataConnection::OpenIdle);
    assert_eq!(data(226), DataConnection::Closed);
    assert_eq!(data(425), DataConnection::OpenFailed);
    assert_eq!(data(426), DataConnection::Aborted);
    assert_eq!(data(227), DataConnection::Listening);
    assert_eq!(data(229), DataConnection::Listening);
    assert_eq!(data(530), DataConnection::Unaffected);
}

#[test]
fn unknown_codes_still_have_category_function_and_advice() {
    let code = ReplyCode::new(459).unwrap();
    assert!(code.info().is_none());
    assert_eq!(code.category(), Category::TransientNegativeCompletion);
    assert_eq!(code.retry_advice(), RetryAdvice::RetryLater);
    assert!(!code.closes_control_connection());
    let text = code.explain(Lang::En).to_string();
    assert!(text.contains("459"));
    assert!(text.contains("Transient Negative Completion"));
}

#[test]
fn explanation_has_every_section() {
    for info in ReplyInfo::all() {
        for lang in Lang::all() {
            let text = info.code().explain(lang).to_string();
            for part in [
                info.title(lang),
                info.description(lang),
                info.when_seen(lang),
                info.remediation(lang),
                info.rfc_wording(),
            ] {
                assert!(
                    text.contains(part),
                    "{} {lang}: missing {part:?}",
                    info.code()
                );
            }
        }
    }
}
