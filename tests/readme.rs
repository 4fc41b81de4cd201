//! The README and the crate documentation cannot drift apart: the README's
//! tour, between `<!-- tour:begin -->` and `<!-- tour:end -->`, is the crate
//! documentation of `src/lib.rs` (its `//!` lines) in crates.io's flavour,
//! and this test fails when it is not.
//!
//! One source, the crate docs, because only rustdoc checks what the text
//! names: every `[`Item`]` there is an intra-doc link that breaks the doc
//! build (`-D warnings`) when the item is renamed, and every example is a
//! doctest. The README then gets the same text with what only rustdoc
//! understands taken out:
//!
//! - intra-doc links become plain code (`[`Reply`]` and
//!   `[`parse`](Reply::parse)` read `` `Reply` `` and `parse`), web links stay;
//! - headings go one level down, under the README's title;
//! - Rust examples lose their hidden `# ` lines (they are tested as doctests
//!   of the crate docs, so the README's copies need not be).
//!
//! What only the README has (installation, the command-line tool, the test
//! command, dependencies, licence) sits outside the markers; no Rust
//! example may sit there, since it would be tested nowhere.
//!
//! After editing the crate docs, `FTP_REPLY_BLESS=1 cargo test --test readme`
//! rewrites the README's part.

use std::path::Path;

const BEGIN: &str = "<!-- tour:begin -->\n";
const END: &str = "<!-- tour:end -->\n";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The crate documentation: the leading `//!` lines of `src/lib.rs`.
fn crate_docs() -> String {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let mut out = String::new();
    for line in lib.lines().take_while(|l| l.starts_with("//!")) {
        let text = line.strip_prefix("//!").unwrap();
        out.push_str(text.strip_prefix(' ').unwrap_or(text));
        out.push('\n');
    }
    out
}

/// Whether a fence's info string (after the backticks) opens a Rust
/// example, as rustdoc reads it.
fn is_rust_fence(info: &str) -> bool {
    info.split(',').map(str::trim).all(|attr| {
        matches!(
            attr,
            "" | "rust" | "no_run" | "ignore" | "should_panic" | "compile_fail"
        ) || attr.starts_with("edition")
    })
}

/// Whether a link target is a web address or an anchor rather than a Rust
/// path.
fn is_url(target: &str) -> bool {
    target.starts_with("https://") || target.starts_with("http://") || target.starts_with('#')
}

/// One line of prose with its intra-doc links made plain.
fn plain_links(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let text = &after[..close];
        let tail = &after[close + 1..];
        if let Some(target_and_rest) = tail.strip_prefix('(') {
            let end = target_and_rest
                .find(')')
                .expect("a link target is closed on its line");
            let target = &target_and_rest[..end];
            if is_url(target) {
                out.push('[');
                out.push_str(text);
                out.push_str("](");
                out.push_str(target);
                out.push(')');
            } else {
                out.push_str(text);
            }
            rest = &target_and_rest[end + 1..];
        } else if text.len() > 1 && text.starts_with('`') && text.ends_with('`') {
            // `[`Item`]`: a shortcut intra-doc link.
            out.push_str(text);
            rest = tail;
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The crate docs in the README's flavour (see the module docs).
fn readme_flavour(docs: &str) -> String {
    let mut out = String::new();
    // `Some(true)` inside a Rust example, `Some(false)` inside another block.
    let mut block: Option<bool> = None;
    for line in docs.lines() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            match block {
                None => {
                    let rust = is_rust_fence(info);
                    block = Some(rust);
                    out.push_str(if rust { "```rust" } else { line });
                }
                Some(_) => {
                    block = None;
                    out.push_str(line);
                }
            }
        } else if block == Some(true) {
            let code = line.trim_start();
            if code == "#" || code.starts_with("# ") {
                continue;
            }
            out.push_str(line);
        } else if block == Some(false) {
            out.push_str(line);
        } else if line.starts_with('#') {
            out.push('#');
            out.push_str(line);
        } else if line.starts_with('[') && line.contains("]: ") && !line.contains("]: http") {
            // A link reference definition pointing at a Rust path.
            continue;
        } else {
            out.push_str(&plain_links(line));
        }
        out.push('\n');
    }
    assert_eq!(block, None, "the crate docs end inside a code block");
    out
}

#[test]
fn readme_tour_is_the_crate_documentation() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme
        .find(BEGIN)
        .expect("README.md has a tour:begin marker")
        + BEGIN.len();
    let end = readme.find(END).expect("README.md has a tour:end marker");
    let expected = readme_flavour(&crate_docs());
    let actual = &readme[start..end];
    if actual == expected {
        return;
    }
    if std::env::var_os("FTP_REPLY_BLESS").is_some() {
        let blessed = format!("{}{expected}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, blessed).unwrap();
        return;
    }
    let first = actual
        .lines()
        .zip(expected.lines())
        .position(|(a, e)| a != e)
        .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
    panic!(
        "README.md's tour differs from the crate docs of src/lib.rs from its line {}:\n  README:    {:?}\n  crate docs: {:?}\n\
         Edit the crate docs, then run `FTP_REPLY_BLESS=1 cargo test --test readme`.",
        first + 1,
        actual.lines().nth(first),
        expected.lines().nth(first),
    );
}

#[test]
fn readme_has_no_rust_example_outside_the_tour() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let outside = match (readme.find(BEGIN), readme.find(END)) {
        (Some(b), Some(e)) => format!("{}{}", &readme[..b], &readme[e..]),
        _ => readme.clone(),
    };
    let mut in_block = false;
    for (i, line) in outside.lines().enumerate() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            assert!(
                in_block || !is_rust_fence(info),
                "README.md: a Rust example outside the tour (line {} of the text outside the markers) \
                 is tested nowhere; put it in the crate docs",
                i + 1
            );
            in_block = !in_block;
        }
    }
}

#[test]
fn flavour_rules() {
    assert_eq!(
        plain_links(
            "[`Reply`] and [`parse`](Reply::parse), [RFC 959](https://www.rfc-editor.org/rfc/rfc959) [x]"
        ),
        "`Reply` and `parse`, [RFC 959](https://www.rfc-editor.org/rfc/rfc959) [x]"
    );
    let docs = "# Example\n\nSee [`Lang`].\n\n```rust\nuse a::b;\n# fn main() {}\n#[derive(Debug)]\nstruct S;\n```\n\n```sh\n# a shell comment\n```\n";
    assert_eq!(
        readme_flavour(docs),
        "## Example\n\nSee `Lang`.\n\n```rust\nuse a::b;\n#[derive(Debug)]\nstruct S;\n```\n\n```sh\n# a shell comment\n```\n"
    );
}
