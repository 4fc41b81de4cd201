//! Templates with named slots, compiled by the build script from
//! `ui.<lang>.toml` into static pieces, and rendered without allocating.
//!
//! Syntax (checked at build time): `{slot}` is replaced by a value,
//! `{{` and `}}` are literal braces, everything else is literal text. Which
//! slots a template may use is fixed per template in `src/kb/build_lang.rs`.

use core::fmt;

use super::Lang;

/// Whose value a slot names: `{a.title}` is the title of code `a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A slot of the context itself (`{code}`, `{list}`, `{n}`).
    None,
    /// The first code (`{a}`, `{a.title}`).
    A,
    /// The second code.
    B,
    /// The other code of a pair (`{other.paren}`).
    Other,
}

/// What a slot prints; `src/kb/build_lang.rs` says which template may use which
/// (see `TRANSLATING.md` for what each prints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // every field a translator may use, whether or not a shipped template does
pub(crate) enum Field {
    Code,
    Title,
    Named,
    Paren,
    Digit,
    Category,
    CategoryInline,
    CategoryPlural,
    Meaning,
    MeaningInline,
    Group,
    GroupDigit,
    Stage,
    Outcome,
    Persistence,
    Control,
    Data,
    Advice,
    Standing,
    Commands,
    ClientStep,
    List,
    N,
    Siblings,
    End,
    // The transcript templates (`[transcript]`).
    Format,
    Server,
    Command,
    Line,
    Cause,
    Fix,
    Text,
    Rule,
    Answers,
    Latest,
    Seconds,
    Address,
    Reason,
    Limit,
    OtherFormat,
    Lines,
    Replies,
    Findings,
}

/// A piece of a compiled template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Literal text.
    Lit(&'static str),
    /// A value, filled in by a [`Fill`].
    Slot(Subject, Field),
}

/// A compiled template: literal text and slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Template(pub(crate) &'static [Piece]);

/// What fills the slots of a template.
pub(crate) trait Fill {
    /// Writes the value of `slot`. A slot the context does not know writes
    /// nothing (the build script only lets a template use its own slots).
    fn fill(&self, w: &mut dyn fmt::Write, subject: Subject, field: Field) -> fmt::Result;
}

impl Template {
    /// Writes the template with its slots filled by `ctx`.
    pub(crate) fn write(self, w: &mut dyn fmt::Write, ctx: &dyn Fill) -> fmt::Result {
        for p in self.0 {
            match p {
                Piece::Lit(s) => w.write_str(s)?,
                Piece::Slot(s, f) => ctx.fill(w, *s, *f)?,
            }
        }
        Ok(())
    }

    /// The template filled by `ctx`, as a `Display` value.
    pub(crate) fn with(self, ctx: &dyn Fill) -> Filled<'_> {
        Filled(self, ctx)
    }
}

/// A template and what fills it; see [`Template::with`].
pub(crate) struct Filled<'a>(Template, &'a dyn Fill);

impl fmt::Display for Filled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, self.1)
    }
}

/// Slot values given as a list: `{code}` prints the value paired with
/// [`Field::Code`]. For the templates whose slots have no subject (`{a.X}`);
/// a slot missing from the list writes nothing.
#[cfg_attr(not(feature = "alloc"), allow(dead_code))] // used by the transcript
pub(crate) struct Values<'a>(pub(crate) &'a [(Field, &'a dyn fmt::Display)]);

impl Fill for Values<'_> {
    fn fill(&self, w: &mut dyn fmt::Write, subject: Subject, field: Field) -> fmt::Result {
        if subject != Subject::None {
            return Ok(());
        }
        match self.0.iter().find(|(f, _)| *f == field) {
            Some((_, v)) => write!(w, "{v}"),
            None => Ok(()),
        }
    }
}

/// `a, b and c` in a language (`typography.list_sep`, `typography.list_and`).
pub(crate) struct List<I>(pub(crate) I, pub(crate) Lang);

impl<I, T> fmt::Display for List<I>
where
    I: Iterator<Item = T> + Clone,
    T: fmt::Display,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.1.phrases();
        let n = self.0.clone().count();
        for (i, item) in self.0.clone().enumerate() {
            if i > 0 {
                f.write_str(if i + 1 == n {
                    p.typography_list_and
                } else {
                    p.typography_list_sep
                })?;
            }
            write!(f, "{item}")?;
        }
        Ok(())
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    struct Ctx;

    impl Fill for Ctx {
        fn fill(&self, w: &mut dyn fmt::Write, s: Subject, f: Field) -> fmt::Result {
            match (s, f) {
                (Subject::A, Field::Code) => w.write_str("150"),
                (Subject::B, Field::Code) => w.write_str("421"),
                _ => Ok(()),
            }
        }
    }

    #[test]
    fn pieces_and_slots() {
        let t = Template(&[
            Piece::Lit("FTP "),
            Piece::Slot(Subject::A, Field::Code),
            Piece::Lit(" / "),
            Piece::Slot(Subject::B, Field::Code),
        ]);
        let mut s = String::new();
        t.write(&mut s, &Ctx).unwrap();
        assert_eq!(s, "FTP 150 / 421");
        assert_eq!(Template(&[]).with(&Ctx).to_string(), "");
    }

    #[test]
    fn values_fill_subjectless_slots() {
        let t = Template(&[
            Piece::Slot(Subject::None, Field::Command),
            Piece::Lit(" got "),
            Piece::Slot(Subject::None, Field::Code),
            Piece::Slot(Subject::None, Field::Line),
            Piece::Slot(Subject::A, Field::Code),
        ]);
        let v = Values(&[(Field::Code, &226), (Field::Command, &"STOR")]);
        assert_eq!(t.with(&v).to_string(), "STOR got 226");
    }

    #[test]
    fn every_template_of_every_language_renders() {
        for lang in Lang::ALL {
            let p = lang.phrases();
            let s = p.diff_sentence_category.with(&Ctx).to_string();
            assert!(s.contains("150") && s.contains("421"), "{lang}: {s}");
        }
    }
}
