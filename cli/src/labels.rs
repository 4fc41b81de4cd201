//! The few phrases that the tool adds to the library's own text, per language.
//!
//! They are the ones `examples/explain.rs` prints today. When the library's
//! labels move into data files (issue 14), these should move with them; a
//! language without its own arm here gets English.

use ftp_reply::Lang;

/// The tool's phrases in one language.
pub struct Labels {
    /// Heading of the diagnosis section of `explain`.
    pub diagnosis: &'static str,
    /// What `explain` and `diagnose` say when no known text matches.
    pub no_diagnosis: &'static str,
}

const EN: Labels = Labels {
    diagnosis: "Diagnosis",
    no_diagnosis: "No known server text matches this reply.",
};

const FR: Labels = Labels {
    diagnosis: "Diagnostic",
    no_diagnosis: "Aucun texte connu ne correspond à cette réponse.",
};

/// The phrases in `lang` (English for a language not listed here yet).
pub fn get(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Fr => &FR,
        _ => &EN,
    }
}
