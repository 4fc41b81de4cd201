#!/usr/bin/env python3
"""Checks that every public item of the crate has exactly one public path.

Reads the rustdoc JSON of the library (nightly only; run by hand, never by
the build or the tests):

    cargo +nightly rustdoc --lib --all-features -- -Z unstable-options --output-format json
    python3 tools/check_one_path.py "$CARGO_TARGET_DIR/doc/ftp_reply.json"

It walks the module tree from the crate root through public modules and
public `use` items, records every path under which an item is reachable,
and prints each item reachable under two or more paths (exit status 1), or
the number of public items and paths (exit status 0).
"""
import json
import sys
from collections import defaultdict


def main(path):
    doc = json.load(open(path))
    index = doc["index"]
    paths = defaultdict(set)

    def inner(item):
        kind, value = next(iter(item["inner"].items()))
        return kind, value

    def walk(module_id, prefix, seen):
        if module_id in seen:
            return
        seen = seen | {module_id}
        _, module = inner(index[module_id])
        for child in module["items"]:
            item = index.get(str(child))
            if item is None or item["visibility"] != "public":
                continue
            kind, value = inner(item)
            if kind == "use":
                target = value.get("id")
                name = value["name"]
                if target is None or str(target) not in index:
                    continue  # a re-export of another crate's item
                tkind, _ = inner(index[str(target)])
                if value.get("is_glob"):
                    if tkind == "module":
                        walk(str(target), prefix, seen)
                    continue
                paths[str(target)].add(prefix + name)
                if tkind == "module":
                    walk(str(target), prefix + name + "::", seen)
            else:
                name = item["name"]
                if kind == "impl" or name is None:
                    continue
                paths[str(child)].add(prefix + name)
                if kind == "module":
                    walk(str(child), prefix + name + "::", seen)

    root = str(doc["root"])
    walk(root, "ftp_reply::", frozenset())
    dups = {i: sorted(p) for i, p in paths.items() if len(p) > 1}
    for i, p in sorted(dups.items(), key=lambda kv: kv[1]):
        print(" = ".join(p))
    if dups:
        print(f"{len(dups)} items with more than one public path", file=sys.stderr)
        return 1
    print(f"{len(paths)} public items, each at one path")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
