#!/usr/bin/env python3
"""Which public items of ftp-reply carry a runnable example, counted on the
rustdoc JSON output, every item once.

`cargo +nightly rustdoc --all-features --lib -- -Z unstable-options
--show-coverage` is the usual measure, but it does not see the methods of a
type whose impl blocks sit in a private module and which the crate
re-exports (`ReplyCode`, `Reply`, `ReplyDecoder`, `Diff`...): it counts
`src/code.rs` as one item. This script walks the public API from the crate
root instead, through re-exports, and counts what rustdoc's coverage counts
as needing an example (functions and methods, structs, enums, unions,
traits, macros; not fields, variants, constants or modules), each item once
however many paths lead to it.

    cargo +nightly rustdoc --all-features --lib -- -Z unstable-options --output-format json
    python3 tools/doc_examples.py [target/doc/ftp_reply.json] [--missing]

An example is a fenced code block that rustdoc runs as Rust (no info string,
or `rust`, `no_run`, `should_panic`...; not `text`, `ignore` or another
language).
"""

import json
import os
import re
import sys
from collections import defaultdict

NEEDS_EXAMPLE = {"function", "struct", "enum", "union", "trait", "macro", "proc_macro"}
FENCE = re.compile(r"^\s*(```+|~~~+)\s*(.*)$")
NOT_RUST = {"text", "ignore", "sh", "toml", "json", "console", "plain", "markdown", "md"}


def has_example(docs):
    if not docs:
        return False
    inside = None
    for line in docs.splitlines():
        m = FENCE.match(line)
        if not m:
            continue
        if inside is None:
            inside = m.group(1)
            attrs = {a.strip() for a in m.group(2).split(",") if a.strip()}
            if not attrs & NOT_RUST and all(
                a in {"rust", "no_run", "should_panic", "compile_fail"} or a.startswith("edition")
                for a in attrs
            ):
                return True
        elif m.group(1).startswith(inside[0]) and not m.group(2):
            inside = None
    return False


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    path = args[0] if args else os.path.join(target, "doc", "ftp_reply.json")
    d = json.load(open(path))
    index = d["index"]
    seen = set()
    rows = []  # (file, kind, path, has_example)

    def item(i):
        return index.get(str(i))

    def count(it, name):
        kind = next(iter(it["inner"]))
        if kind in NEEDS_EXAMPLE:
            rows.append((it["span"]["filename"] if it.get("span") else "?", kind, name, has_example(it["docs"])))

    def visit(i, prefix):
        it = item(i)
        if it is None or it["crate_id"] != 0 or i in seen:
            return
        kind = next(iter(it["inner"]))
        inner = it["inner"][kind]
        if kind == "use":
            if inner.get("id") is not None:
                target = item(inner["id"])
                if inner.get("is_glob") and target is not None:
                    visit(inner["id"], prefix)
                else:
                    visit(inner["id"], prefix)
            return
        if it["visibility"] != "public" and kind != "module":
            return
        seen.add(i)
        name = prefix + (it["name"] or "")
        count(it, name)
        if kind == "module":
            if it["visibility"] != "public" and not inner.get("is_crate"):
                return
            for c in inner["items"]:
                visit(c, "" if inner.get("is_crate") else name + "::")
        elif kind in ("struct", "enum", "union"):
            for impl_id in inner.get("impls", []):
                imp = item(impl_id)
                if imp is None:
                    continue
                body = imp["inner"]["impl"]
                if body.get("trait") is not None or body.get("is_synthetic") or body.get("blanket_impl"):
                    continue
                for m in body["items"]:
                    mi = item(m)
                    if mi is not None and mi["visibility"] == "public" and m not in seen:
                        seen.add(m)
                        count(mi, name + "::" + mi["name"])
        elif kind == "trait":
            for m in inner["items"]:
                mi = item(m)
                if mi is not None and m not in seen:
                    seen.add(m)
                    count(mi, name + "::" + mi["name"])

    visit(d["root"], "")
    by_file = defaultdict(lambda: [0, 0])
    for f, _, _, ex in rows:
        by_file[f][0] += 1
        by_file[f][1] += ex
    width = max(len(f) for f in by_file)
    print(f"| {'File':<{width}} | Items needing one | With example | Percentage |")
    print(f"|{'-' * (width + 2)}|-------------------|--------------|------------|")
    for f in sorted(by_file):
        n, e = by_file[f]
        print(f"| {f:<{width}} | {n:>17} | {e:>12} | {100 * e / n:>9.1f}% |")
    n = len(rows)
    e = sum(r[3] for r in rows)
    print(f"| {'Total':<{width}} | {n:>17} | {e:>12} | {100 * e / n:>9.1f}% |")
    if "--missing" in sys.argv:
        for f, kind, name, ex in sorted(rows):
            if not ex:
                print(f"missing: {f}: {kind} {name}")


if __name__ == "__main__":
    main()
