//! `ReplyCode` parsing and conversions, through the public API.

use ftp_reply::{Category, FunctionGroup, ParseErrorKind, ReplyCode};
use proptest::prelude::*;

#[test]
fn accepts_every_well_formed_line() {
    for line in [
        "421 Service not available, closing control connection.",
        "421 Service not available, closing control connection.\r\n",
        "421-First line of a multi-line reply",
        "421-\r\n",
        "421",
        "421\r\n",
        "421\n",
        "421\r",
        "421 ",
        "421 \u{e9}t\u{e9}",
    ] {
        assert_eq!(
            ReplyCode::parse_str(line).map(ReplyCode::as_u16),
            Ok(421),
            "{line:?}"
        );
    }
    assert_eq!(
        ReplyCode::parse(b"550 \xff\xfe"),
        Ok(ReplyCode::FILE_UNAVAILABLE)
    );
}

#[test]
fn rejects_every_malformed_line_with_kind_and_offset() {
    let cases: &[(&str, ParseErrorKind, usize)] = &[
        ("", ParseErrorKind::Empty, 0),
        ("\r\n", ParseErrorKind::Empty, 0),
        ("1", ParseErrorKind::TooShort { len: 1 }, 1),
        ("15", ParseErrorKind::TooShort { len: 2 }, 2),
        ("15\n", ParseErrorKind::TooShort { len: 2 }, 2),
        ("x50 a", ParseErrorKind::NotADigit { found: b'x' }, 0),
        ("1x0 a", ParseErrorKind::NotADigit { found: b'x' }, 1),
        ("15x a", ParseErrorKind::NotADigit { found: b'x' }, 2),
        (" 150 a", ParseErrorKind::NotADigit { found: b' ' }, 0),
        ("15 0", ParseErrorKind::NotADigit { found: b' ' }, 2),
        ("050 a", ParseErrorKind::InvalidFirstDigit { digit: 0 }, 0),
        ("750 a", ParseErrorKind::InvalidFirstDigit { digit: 7 }, 0),
        ("950 a", ParseErrorKind::InvalidFirstDigit { digit: 9 }, 0),
        ("1500", ParseErrorKind::InvalidSeparator { found: b'0' }, 3),
        (
            "150:ok",
            ParseErrorKind::InvalidSeparator { found: b':' },
            3,
        ),
        (
            "150\tok",
            ParseErrorKind::InvalidSeparator { found: b'\t' },
            3,
        ),
        (
            "150\rok",
            ParseErrorKind::InvalidSeparator { found: b'\r' },
            3,
        ),
        ("１５０ a", ParseErrorKind::NotADigit { found: 0xEF }, 0),
    ];
    for (line, kind, offset) in cases {
        let err = ReplyCode::parse_str(line).expect_err(line);
        assert_eq!(err.kind(), *kind, "{line:?}");
        assert_eq!(err.offset(), *offset, "{line:?}");
        assert!(
            err.to_string().contains(&format!("at byte {offset}")),
            "{err}"
        );
    }
}

#[test]
fn bare_codes_and_conversions() {
    assert_eq!("150".parse::<ReplyCode>(), Ok(ReplyCode::FILE_STATUS_OK));
    assert_eq!(ReplyCode::try_from("150"), Ok(ReplyCode::FILE_STATUS_OK));
    assert_eq!(
        ReplyCode::try_from(&b"150"[..]),
        Ok(ReplyCode::FILE_STATUS_OK)
    );
    assert_eq!(ReplyCode::try_from(150u16), Ok(ReplyCode::FILE_STATUS_OK));
    assert_eq!(u16::from(ReplyCode::FILE_STATUS_OK), 150);
    assert_eq!(ReplyCode::FILE_STATUS_OK, 150);
    assert_eq!(150, ReplyCode::FILE_STATUS_OK);
    for bad in ["150 ", "15", "1500", "", "abc", "750"] {
        assert!(bad.parse::<ReplyCode>().is_err(), "{bad:?}");
    }
    assert_eq!(
        "150 ".parse::<ReplyCode>().unwrap_err().kind(),
        ParseErrorKind::TrailingBytes { found: b' ' }
    );
    assert_eq!(ReplyCode::new(700).unwrap_err().value(), 700);
    assert_eq!(ReplyCode::try_from(99u16).unwrap_err().value(), 99);
    assert_eq!(ReplyCode::MIN, 100);
    assert_eq!(ReplyCode::MAX, 699);
}

#[test]
fn predicates_follow_the_first_digit() {
    for n in 100..=699u16 {
        let code = ReplyCode::new(n).unwrap();
        let d = n / 100;
        assert_eq!(code.category().digit(), u8::try_from(d).unwrap());
        assert_eq!(code.is_preliminary(), d == 1);
        assert_eq!(code.is_positive_completion(), d == 2);
        assert_eq!(code.is_intermediate(), d == 3);
        assert_eq!(code.is_transient_negative(), d == 4);
        assert_eq!(code.is_permanent_negative(), d == 5);
        assert_eq!(code.is_protected(), d == 6);
        assert_eq!(code.is_positive(), (1..=3).contains(&d));
        assert_eq!(code.is_negative(), (4..=5).contains(&d));
        assert_eq!(code.is_final(), (2..=5).contains(&d));
        assert_eq!(
            code.function(),
            FunctionGroup::from_digit(u8::try_from(n / 10 % 10).unwrap())
        );
    }
}

#[test]
fn enums_round_trip_through_strings() {
    for c in Category::all() {
        assert_eq!(c.to_string().parse(), Ok(c));
        assert_eq!(Category::from_digit(c.digit()), Some(c));
    }
    for g in FunctionGroup::all() {
        assert_eq!(g.to_string().parse(), Ok(g));
    }
    assert_eq!(Category::all().count(), 6);
}

#[test]
fn debug_shows_number_and_title() {
    assert_eq!(
        format!("{:?}", ReplyCode::FILE_STATUS_OK),
        r#"ReplyCode(150, "File Status OK")"#
    );
    assert_eq!(
        format!("{:?}", ReplyCode::new(199).unwrap()),
        "ReplyCode(199)"
    );
}

proptest! {
    #[test]
    fn parse_never_panics(s in ".*") {
        let _ = ReplyCode::parse_str(&s);
        let _ = s.parse::<ReplyCode>();
    }

    #[test]
    fn parse_bytes_never_panics(b in proptest::collection::vec(any::<u8>(), 0..16)) {
        let _ = ReplyCode::parse(&b);
        let _ = ReplyCode::from_bytes(&b);
    }

    #[test]
    fn valid_codes_round_trip(n in 100u16..700, sep in prop::sample::select(vec!["", " ", "-", "\r\n", "\n"]), text in "[ -~]{0,40}") {
        let code = ReplyCode::new(n).unwrap();
        prop_assert_eq!(code.to_string().parse::<ReplyCode>(), Ok(code));
        let line = if sep == " " || sep == "-" { format!("{code}{sep}{text}") } else { format!("{code}{sep}") };
        prop_assert_eq!(ReplyCode::parse_str(&line), Ok(code));
        prop_assert_eq!(ReplyCode::try_from(n), Ok(code));
    }

    #[test]
    fn out_of_range_numbers_are_rejected(n in prop_oneof![0u16..100, 700u16..=u16::MAX]) {
        prop_assert!(ReplyCode::new(n).is_err());
    }
}
