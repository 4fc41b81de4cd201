//! Build script: the TOML reader. It is `toml`'s own parser
//! (`toml::de::DeTable`, feature `parse`) without `toml`'s serde layer,
//! turned into owned [`Table`] and [`Value`] types with the accessors of
//! `toml::Table` and `toml::Value` that the build script uses. `toml` is
//! then built without `serde_core`, `toml_writer` and their serde features,
//! which makes the build script lighter for every user of the crate.

use std::collections::BTreeMap;
use std::ops::Deref;
use std::str::FromStr;

use toml::de::{DeTable, DeValue};

/// A TOML table, keys in sorted order (as `toml::Table` without its
/// `preserve_order` feature).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table(BTreeMap<String, Value>);

impl Table {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Deref for Table {
    type Target = BTreeMap<String, Value>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Table {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::collections::btree_map::Iter<'a, String, Value>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromStr for Table {
    type Err = String;

    /// Parses a TOML document; the error names the line and column.
    fn from_str(s: &str) -> Result<Self, String> {
        let doc = DeTable::parse(s).map_err(|e| e.to_string())?;
        table(doc.get_ref())
    }
}

/// A TOML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    /// A date or time, as written.
    Datetime(String),
    Array(Vec<Value>),
    Table(Table),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<i64> {
        match *self {
            Self::Integer(n) => Some(n),
            _ => None,
        }
    }

    #[allow(dead_code)] // as on toml::Value; the data has no floats yet
    pub fn as_float(&self) -> Option<f64> {
        match *self {
            Self::Float(f) => Some(f),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Self::Boolean(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Self::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_table(&self) -> Option<&Table> {
        match self {
            Self::Table(t) => Some(t),
            _ => None,
        }
    }
}

fn table(t: &DeTable<'_>) -> Result<Table, String> {
    let mut out = BTreeMap::new();
    for (k, v) in t {
        out.insert(k.get_ref().to_string(), value(v.get_ref())?);
    }
    Ok(Table(out))
}

fn value(v: &DeValue<'_>) -> Result<Value, String> {
    Ok(match v {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(n) => Value::Integer(
            i64::from_str_radix(n.as_str(), n.radix()).map_err(|e| format!("integer {n}: {e}"))?,
        ),
        DeValue::Float(f) => {
            Value::Float(f.as_str().parse().map_err(|e| format!("float {f}: {e}"))?)
        }
        DeValue::Boolean(b) => Value::Boolean(*b),
        DeValue::Datetime(d) => Value::Datetime(d.to_string()),
        DeValue::Array(a) => Value::Array(
            a.iter()
                .map(|v| value(v.get_ref()))
                .collect::<Result<_, _>>()?,
        ),
        DeValue::Table(t) => Value::Table(table(t)?),
    })
}
