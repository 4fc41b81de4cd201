//! Serialization with the `serde` feature.
#![cfg(feature = "serde")]

use ftp_reply::{Category, Lang, ReplyCode, ReplyInfo};

#[test]
fn codes_serialize_as_numbers_and_are_checked_on_the_way_in() {
    assert_eq!(
        serde_json::to_string(&ReplyCode::FILE_STATUS_OK).unwrap(),
        "150"
    );
    assert_eq!(
        serde_json::from_str::<ReplyCode>("421").unwrap(),
        ReplyCode::SERVICE_NOT_AVAILABLE
    );
    let err = serde_json::from_str::<ReplyCode>("700")
        .unwrap_err()
        .to_string();
    assert!(err.contains("first digit must be 1 to 6"), "{err}");
    assert!(serde_json::from_str::<ReplyCode>("\"421\"").is_err());
}

#[test]
fn enums_serialize_as_snake_case() {
    assert_eq!(
        serde_json::to_string(&Category::PositivePreliminary).unwrap(),
        "\"positive_preliminary\""
    );
    assert_eq!(serde_json::to_string(&Lang::Fr).unwrap(), "\"fr\"");
    assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
}

#[test]
fn every_entry_serializes() {
    for info in ReplyInfo::all() {
        let v = serde_json::to_value(info).unwrap();
        assert_eq!(v["code"], info.code().as_u16());
        assert_eq!(v["title"]["en"], info.title(Lang::En));
        assert_eq!(v["title"]["fr"], info.title(Lang::Fr));
        for lang in [Lang::En, Lang::Fr] {
            let v = serde_json::to_value(info.localized(lang)).unwrap();
            for key in [
                "code",
                "category",
                "title",
                "description",
                "when_seen",
                "remediation",
                "sources",
                "rfc_wording",
                "meanings",
            ] {
                assert!(!v[key].is_null(), "{} {key}", info.code());
            }
            assert_eq!(v["title"], info.title(lang));
        }
    }
}
