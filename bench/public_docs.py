#!/usr/bin/env python3
"""Export the `public` quality set's documents from public GitHub repositories.

    python bench/public_docs.py export DIR [--mirrors /work/.mirror]
    python bench/public_docs.py list

`export` reads documentation files of five CNC / motion-control firmwares (LinuxCNC,
Grbl, Marlin, Klipper, FluidNC) from local bare git mirrors at the commits pinned in
SOURCES below and writes them, one folder per controller, into DIR
(DIR/linuxcnc/..., DIR/grbl/..., ...).  Sub-paths are flattened with '-'
("config/axes.md" -> "config-axes.md"); file contents are byte-for-byte the repository's.
The labels in bench/sets/public/questions.jsonl cite these paths relative to DIR.

The exported text is third-party material (GPLv3 / GNU FDL, see
bench/sets/public/README.md): it must never be committed to this repository.  Export it
to a folder outside the repository (or to an ignored one).  Nothing is written anywhere
but under DIR.

A mirror is the bare git directory the workplace's `fetch` tool brings
("fetch github:owner/name" -> MIRRORS/owner+name/repo).  If a mirror or a pinned commit is
missing, the script says which and how to get it, and exits with status 2 before writing
anything.  Standard library only (Python 3.11).
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

MAX_BYTES = 300 * 1024
IMAGE_EXT = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".tif", ".tiff"}

# target folder, repository, pinned commit, prefixes stripped before flattening, paths/globs.
# Globs: '*' does not cross '/', '**' does.
SOURCES: list[dict] = [
    {
        "target": "linuxcnc",
        "repo": "LinuxCNC/linuxcnc",
        "commit": "5c41560ebbc3a40f84a5547bc6f7c5cd9278ba6b",
        "licence": "GNU FDL 1.1 or later (docs/src/common/gpld-copyright.adoc)",
        "strip": ["docs/src/"],
        "paths": [
            "docs/src/getting-started/about-linuxcnc.adoc",
            "docs/src/getting-started/system-requirements.adoc",
            "docs/src/getting-started/hardware-interface.adoc",
            "docs/src/user/user-intro.adoc",
            "docs/src/user/user-concepts.adoc",
            "docs/src/gcode/overview.adoc",
            "docs/src/gcode/g-code.adoc",
            "docs/src/gcode/m-code.adoc",
            "docs/src/gcode/o-code.adoc",
            "docs/src/gcode/other-code.adoc",
            "docs/src/gcode/coordinates.adoc",
            "docs/src/gcode/tool-compensation.adoc",
            "docs/src/gcode/machining-center.adoc",
            "docs/src/config/ini-config.adoc",
            "docs/src/config/ini-homing.adoc",
            "docs/src/config/core-components.adoc",
            "docs/src/config/stepper.adoc",
            "docs/src/motion/kinematics.adoc",
            "docs/src/lathe/lathe-user.adoc",
            "docs/src/man/man1/linuxcncrsh.1.adoc",
            "docs/src/man/man9/motion.9.adoc",
            "docs/src/common/gpld-copyright.adoc",
        ],
    },
    {
        "target": "grbl",
        "repo": "gnea/grbl",
        "commit": "bfb67f0c7963fe3ce4aaf8a97f9009ea5a8db36e",
        "licence": "GPLv3 (COPYING)",
        "strip": ["doc/markdown/", "doc/csv/", "doc/log/"],
        "paths": [
            "README.md",
            "doc/markdown/*.md",
            "doc/csv/*.csv",
            "doc/log/commit_log_v1.1.txt",
        ],
    },
    {
        "target": "marlin",
        "repo": "MarlinFirmware/MarlinDocumentation",
        "commit": "9ceeb6e4392faeecbb3f6d3519b7d7ee87432c3f",
        "licence": "GPLv3 (LICENSE)",
        "strip": ["_"],
        "paths": [
            "_basics/introduction.md",
            "_features/eeprom.md",
            "_features/input_shaping.md",
            "_hardware/tmc_drivers.md",
            "_setting/serial.md",
            "_setting/motion.md",
            "_configuration/2.0.9/laser_spindle.md",
            "_gcode/G000-G001.md",
            "_gcode/G002-G003.md",
            "_gcode/G004.md",
            "_gcode/G017-G019.md",
            "_gcode/G020.md",
            "_gcode/G021.md",
            "_gcode/G028.md",
            "_gcode/G053.md",
            "_gcode/G054-G059.md",
            "_gcode/G090.md",
            "_gcode/G091.md",
            "_gcode/G092.md",
            "_gcode/M003.md",
            "_gcode/M005.md",
            "_gcode/M007-M009.md",
            "_gcode/M112.md",
            "_gcode/M114.md",
            "_gcode/M115.md",
            "_gcode/M203.md",
            "_gcode/M220.md",
            "_gcode/M500.md",
            "_gcode/M575.md",
            "_gcode/M999.md",
        ],
    },
    {
        "target": "klipper",
        "repo": "Klipper3d/klipper",
        "commit": "84104bbbd7625d28b4eaaad83f4562972460ecd9",
        "licence": "GPLv3 (COPYING)",
        "strip": ["docs/"],
        "paths": [
            "README.md",
            "docs/Overview.md",
            "docs/Features.md",
            "docs/Installation.md",
            "docs/G-Codes.md",
            "docs/Config_Reference.md",
            "docs/Config_Changes.md",
            "docs/Kinematics.md",
            "docs/FAQ.md",
            "docs/Protocol.md",
            "docs/API_Server.md",
            "docs/Releases.md",
            "docs/Command_Templates.md",
            "docs/TMC_Drivers.md",
            "docs/Resonance_Compensation.md",
            "docs/Pressure_Advance.md",
            "docs/Rotation_Distance.md",
            "docs/Benchmarks.md",
        ],
    },
    {
        "target": "fluidnc",
        "repo": "bdring/fluidnc-wiki-content",
        "commit": "2362c734cb5bf326b4d1519f1341fd0e3e9c6a59",
        "licence": "GPLv3 (LICENSE)",
        "strip": [],
        "paths": [
            "home.md",
            "installation.md",
            "features/supported_gcodes.md",
            "features/commands_and_settings.md",
            "features/grbl_compatibility.md",
            "features/gcode_parameters_expressions.md",
            "features/homing.md",
            "features/jogging.md",
            "features/parking.md",
            "features/speed_feed_overrides.md",
            "features/wifi_bt.md",
            "features/atc.md",
            "config/overview.md",
            "config/top_level_config_items.md",
            "config/axes.md",
            "config/config_spindles.md",
            "config/homing_and_limit_switches.md",
            "config/kinematics.md",
            "config/probe.md",
            "support/alarm_and_error_codes.md",
            "support/serial_protocol.md",
            "support/faq.md",
        ],
    },
]


class Missing(Exception):
    pass


def glob_regex(pattern: str) -> re.Pattern:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args],
                          check=True, capture_output=True).stdout


def mirror_dir(mirrors: Path, repo: str) -> Path | None:
    base = mirrors / repo.replace("/", "+")
    for cand in (base / "repo", base):
        if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    return None


def has_commit(git_dir: Path, commit: str) -> bool:
    r = subprocess.run(["git", f"--git-dir={git_dir}", "cat-file", "-e", f"{commit}^{{commit}}"],
                       capture_output=True)
    return r.returncode == 0


def tree(git_dir: Path, commit: str) -> dict[str, int]:
    """path -> size for every blob in the commit's tree."""
    out = git(git_dir, "ls-tree", "-r", "-l", "-z", commit)
    sizes = {}
    for rec in out.split(b"\0"):
        if not rec:
            continue
        meta, path = rec.split(b"\t", 1)
        mode, kind, _sha, size = meta.split()
        if kind == b"blob" and mode != b"120000":
            # a snapshot may lack big blobs: git then prints no size for them
            sizes[path.decode("utf-8")] = int(size) if size.isdigit() else -1
    return sizes


def flat_name(path: str, strip: list[str]) -> str:
    for p in strip:
        if path.startswith(p):
            path = path[len(p):]
            break
    return path.replace("/", "-")


def plan(src: dict, git_dir: Path) -> list[tuple[str, str]]:
    """[(path in repo, exported file name)] for one source; raises Missing on a dead path."""
    sizes = tree(git_dir, src["commit"])
    chosen: list[str] = []
    for pat in src["paths"]:
        rx = glob_regex(pat)
        hits = sorted(p for p in sizes if rx.match(p))
        if not hits:
            raise Missing(f"{src['repo']}@{src['commit'][:12]}: nothing matches {pat!r}")
        for p in hits:
            if Path(p).suffix.lower() in IMAGE_EXT or not 0 <= sizes[p] <= MAX_BYTES:
                print(f"  skip {src['repo']}:{p} ({sizes[p]} bytes)", file=sys.stderr)
                continue
            if p not in chosen:
                chosen.append(p)
    names: dict[str, str] = {}
    for p in chosen:
        n = flat_name(p, src["strip"])
        if n in names:
            raise SystemExit(f"name clash in {src['target']}: {names[n]} and {p} -> {n}")
        names[n] = p
    return [(p, n) for n, p in names.items()]


def cmd_export(dest: Path, mirrors: Path) -> int:
    problems, ready = [], []
    for src in SOURCES:
        gd = mirror_dir(mirrors, src["repo"])
        if gd is None:
            problems.append(f"missing mirror for {src['repo']} under {mirrors}: "
                            f"get it with the workplace's fetch tool: fetch github:{src['repo']}")
            continue
        if not has_commit(gd, src["commit"]):
            problems.append(f"mirror {gd} lacks pinned commit {src['commit']} of {src['repo']}: "
                            f"refresh it with: fetch github:{src['repo']} (or repin SOURCES)")
            continue
        try:
            ready.append((src, gd, plan(src, gd)))
        except Missing as e:
            problems.append(str(e))
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print("nothing exported", file=sys.stderr)
        return 2

    here = Path(__file__).resolve().parent.parent
    dest = dest.resolve()
    if dest == here or here in dest.parents:
        print(f"warning: {dest} is inside the repository {here}; the exported text is "
              "third-party and must never be committed", file=sys.stderr)
    dest.mkdir(parents=True, exist_ok=True)
    total = 0
    for src, gd, files in ready:
        out = dest / src["target"]
        if out.is_dir():
            shutil.rmtree(out)
        out.mkdir()
        for path, name in files:
            (out / name).write_bytes(git(gd, "show", f"{src['commit']}:{path}"))
        total += len(files)
        print(f"{src['target']:10s} {len(files):3d} files  {src['repo']}@{src['commit'][:12]}")
    print(f"{total} files exported to {dest}")
    return 0


def cmd_list() -> int:
    for src in SOURCES:
        print(f"{src['target']}: {src['repo']} @ {src['commit']}  [{src['licence']}]")
        for p in src["paths"]:
            print(f"    {p}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("export", help="write the pinned documents into DIR/<controller>/")
    ex.add_argument("dir", type=Path, metavar="DIR")
    ex.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"),
                    help="folder holding owner+name/repo bare mirrors (default /work/.mirror)")
    sub.add_parser("list", help="print the pinned repositories and paths")
    a = ap.parse_args(argv)
    if a.cmd == "export":
        return cmd_export(a.dir, a.mirrors)
    return cmd_list()


if __name__ == "__main__":
    sys.exit(main())
