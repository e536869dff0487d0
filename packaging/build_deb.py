"""Package the frozen build as a Debian package: ``make deb`` -> dist/briefer_VERSION_ARCH.deb.

    python packaging/build_deb.py [BUNDLE] [--out DIR]

BUNDLE is the one-folder build (default dist/briefer, from ``make bundle``). It
goes to /usr/lib/briefer with /usr/bin/briefer linking to it; the desktop entry,
icons and MIME type go under /usr/share, where dpkg's triggers refresh the caches.
As Debian policy asks, the copies PyInstaller made of libraries this system's
packages provide are left out (the package depends on those packages instead),
shared objects are stripped and lose build-machine RUNPATHs (needs ``strip`` and
``patchelf``); what wheels link in statically is listed in the lintian overrides.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import re
import shutil
import subprocess
import sysconfig
import tempfile
from pathlib import Path

from briefer import __version__
from briefer.desktop import copy_files

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: briefer

Files: *
Copyright: Briefer developers
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy
 of this software and associated documentation files (the "Software"), to deal
 in the Software without restriction, including without limitation the rights
 to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 copies of the Software, and to permit persons to whom the Software is
 furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in
 all copies or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
"""


def _is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def _system_copies(internal: Path) -> dict[Path, str]:
    """Bundled libraries identical to a file a package of this system provides: file -> package."""
    multiarch = sysconfig.get_config_var("MULTIARCH") or "x86_64-linux-gnu"
    candidates = {}
    for lib in internal.glob("lib*.so*"):
        for base in ("/lib", "/usr/lib"):
            candidates[f"{base}/{multiarch}/{lib.name}"] = lib
    found = subprocess.run(["dpkg", "-S", *candidates], capture_output=True, text=True).stdout
    owners = {}
    for line in found.splitlines():
        match = re.fullmatch(r"([^:]+)(?::[^:]+)?: (.+)", line)
        if match and match[2] in candidates and filecmp.cmp(match[2], candidates[match[2]], shallow=False):
            owners[candidates[match[2]]] = match[1]
    return owners


def _debianise(lib_dir: Path, executable: Path) -> set[str]:
    """Drop system library copies, strip and fix modes/RUNPATHs; return the packages to depend on."""
    owners = _system_copies(lib_dir / "_internal")
    for copy in owners:
        copy.unlink()
    for path in [lib_dir, *lib_dir.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
            continue
        path.chmod(0o755 if path == executable else 0o644)
        # The executable carries its archive after the ELF image: never strip it. Libraries a
        # wheel vendors (numpy.libs/, scipy.libs/) were laid out by auditwheel: strip and
        # patchelf break their load commands ("ELF load command ... not page-aligned").
        vendored = any(part.endswith(".libs") for part in path.relative_to(lib_dir).parts)
        if path != executable and not vendored and _is_elf(path):
            subprocess.run(["strip", "--strip-unneeded", str(path)], check=True, capture_output=True)
            subprocess.run(["patchelf", "--remove-rpath", str(path)], check=True, capture_output=True)
    return set(owners.values())


def _stage(bundle: Path, pkg: Path, arch: str) -> None:
    lib_dir = pkg / "usr" / "lib" / "briefer"
    shutil.copytree(bundle, lib_dir, symlinks=True)
    depends = _debianise(lib_dir, lib_dir / "briefer")
    (pkg / "usr" / "bin").mkdir(parents=True)
    (pkg / "usr" / "bin" / "briefer").symlink_to("../lib/briefer/briefer")
    copy_files(pkg / "usr" / "share", "briefer")
    doc = pkg / "usr" / "share" / "doc" / "briefer"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    changelog = (f"briefer ({__version__}) unstable; urgency=medium\n\n"
                 "  * Frozen build of Briefer (see the project's README).\n\n"
                 " -- Briefer developers <briefer@example.org>  Thu, 03 Dec 2026 12:00:00 +0000\n")
    with gzip.GzipFile(doc / "changelog.gz", "wb", mtime=0, compresslevel=9) as out:
        out.write(changelog.encode())
    overrides = pkg / "usr" / "share" / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copyfile(HERE / "deb" / "lintian-overrides", overrides / "briefer")
    for folder in [pkg, *pkg.rglob("*")]:
        if folder.is_dir() and not folder.is_symlink():
            folder.chmod(0o755)
    size_kb = sum(p.lstat().st_size for p in pkg.rglob("*")) // 1024
    control = (HERE / "deb" / "control").read_text(encoding="utf-8")
    control = (control.replace("@VERSION@", __version__).replace("@ARCH@", arch)
               .replace("@SIZE@", str(size_kb)))
    listed = set(re.findall(r"[\w.+-]+", control.split("Depends:", 1)[1].split("\n", 1)[0]))
    control = control.replace("@DEPENDS@", "".join(f", {d}" for d in sorted(depends - listed)))
    (pkg / "DEBIAN").mkdir(mode=0o755)
    (pkg / "DEBIAN" / "control").write_text(control, encoding="utf-8")


def build(bundle: Path, out: Path) -> Path:
    """Build the .deb of ``bundle`` into the folder ``out``; return its path."""
    if not (bundle / "briefer").is_file():
        raise SystemExit(f"build_deb: error: {bundle}: not a frozen build (run make bundle)")
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    deb = out / f"briefer_{__version__}_{arch}.deb"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pkg = Path(tmp) / "pkg"
        _stage(bundle, pkg, arch)
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(pkg), str(deb)],
                       check=True, capture_output=True)
    return deb


def main() -> None:
    """Build the package and print its path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "briefer")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    print(build(args.bundle, args.out))


if __name__ == "__main__":
    main()
