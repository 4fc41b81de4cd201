//! Every human-readable phrase of the identification, in one place, one
//! constant per language.
//!
//! The identification itself is typed data ([`ClueKind`], [`Strength`],
//! [`Confidence`]); these labels are for callers that print it. They are
//! kept here, and nowhere else, so that they can move into the data files
//! with the crate's other phrases.

use super::{ClueKind, Confidence, Strength};
use crate::{Lang, Text};

const fn text(en: &'static str, fr: &'static str) -> Text {
    Text { en, fr }
}

/// The label of a clue kind: what part of the session it was read from.
pub(crate) const fn clue_kind(kind: ClueKind) -> Text {
    match kind {
        ClueKind::Greeting => text("the greeting", "le message d'accueil"),
        ClueKind::Features => text("the FEAT list", "la liste FEAT"),
        ClueKind::FeatureOrder => text("the order of the FEAT list", "l'ordre de la liste FEAT"),
        ClueKind::System => text("the SYST reply", "la réponse à SYST"),
        ClueKind::Help => text("the HELP reply", "la réponse à HELP"),
        ClueKind::Status => text("the STAT reply", "la réponse à STAT"),
        ClueKind::Wording => text("the wording of a reply", "la formulation d'une réponse"),
    }
}

/// The label of a clue's strength.
pub(crate) const fn strength(strength: Strength) -> Text {
    match strength {
        Strength::Names => text("names the server", "nomme le serveur"),
        Strength::Strong => text(
            "worded as only this server words it",
            "formulée comme seul ce serveur la formule",
        ),
        Strength::Weak => text("typical of this server", "typique de ce serveur"),
    }
}

/// The label of a confidence level.
pub(crate) const fn confidence(confidence: Confidence) -> Text {
    match confidence {
        Confidence::Likely => text("likely", "probable"),
        Confidence::High => text("high", "élevée"),
        Confidence::Certain => text("named by the server", "nommé par le serveur"),
    }
}

/// Returns the label in `lang`.
pub(crate) const fn get(t: Text, lang: Lang) -> &'static str {
    t.get(lang)
}
