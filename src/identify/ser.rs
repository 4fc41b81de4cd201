//! `Serialize` (feature `serde`) for the identification, for JSON output:
//! a version as its text, a clue as its fingerprint's facts and where it was
//! seen, an identification with its evidence. Nothing here allocates.

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use super::{Evidence, Identification, ServerVersion};

impl Serialize for ServerVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let fp = self.fingerprint();
        let mut st = s.serialize_struct("Evidence", 9)?;
        st.serialize_field("id", fp.id())?;
        st.serialize_field("server", &fp.server())?;
        st.serialize_field("kind", &fp.kind())?;
        st.serialize_field("strength", &fp.strength())?;
        st.serialize_field("source", fp.source())?;
        st.serialize_field("code", &self.code())?;
        st.serialize_field("command", &self.command())?;
        st.serialize_field("reply_index", &self.reply_index())?;
        st.serialize_field("version", &self.version())?;
        st.end()
    }
}

/// The evidence of an identification as a sequence.
struct Clues<'a>(&'a Identification<'a>);

impl Serialize for Clues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for e in self.0.evidence() {
            seq.serialize_element(e)?;
        }
        seq.end()
    }
}

impl Serialize for Identification<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Identification", 6)?;
        st.serialize_field("server", &self.server())?;
        st.serialize_field("version", &self.version())?;
        st.serialize_field("confidence", &self.confidence())?;
        st.serialize_field("score", &self.score())?;
        st.serialize_field("runner_up", &self.runner_up())?;
        st.serialize_field("evidence", &Clues(self))?;
        st.end()
    }
}
