"""Build helper (not shipped): a smaller ICU data library for the bundle.

PySide6's Qt links ``libicudata.so.NN`` (31 MB), the data of every locale, collation,
converter and transliterator ICU knows.  Kartoteka speaks Russian and English, so this
keeps the ICU data those need and removes the rest with ICU's own ``icupkg`` tool
(Debian package ``icu-devtools``), then wraps the smaller common data in a library that
exports the same ``icudtNN_dat`` symbol (an assembler ``.incbin`` linked by ``gcc``).

Kept: root and the ``en*``/``ru*`` locales in every tree (formats, collation, break
rules, names), all non-locale data (likely subtags, plurals, time zones, the collation
root ``ucadata.icu``, normalisation, stringprep, emoji and layout properties, break
rules), and the converters for UTF-8/16/32 and Latin-1 (built into ICU's code) plus the
Cyrillic and Western single-byte code pages listed in ``KEEP_CONVERTERS``.
Removed: the other locales, the other converters, transliteration rules and the
dictionaries of Chinese/Japanese/Thai/Lao/Khmer/Burmese word breaking.  A removed item
makes ICU fall back (to root for a locale) or report an error it already handles.

    python resources/packaging/trim_icu.py SRC/libicudata.so.73 OUT/libicudata.so.73
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("en", "ru")
# windows-1251, IBM cp1251, cp866, KOI8-R, ISO-8859-5, KOI8-U (Cyrillic); windows-1252.
KEEP_CONVERTERS = ("ibm-5347_P100-1998", "ibm-1251_P100-1995", "ibm-866_P100-1995",
                   "ibm-878_P100-1996", "ibm-915_P100-1995", "ibm-1168_P100-2002",
                   "ibm-5348_P100-1997")
_LOCALE = re.compile(r"^([a-z]{2,3})(_.*)?$")


class TrimError(RuntimeError):
    pass


def data_symbol(library: Path) -> tuple[str, bytes]:
    """The ``icudtNN_dat`` symbol of an ELF64 little-endian ``libicudata`` and its bytes."""
    blob = library.read_bytes()
    if blob[:4] != b"\x7fELF" or blob[4] != 2 or blob[5] != 1:
        raise TrimError(f"{library} is not a 64-bit little-endian ELF library")
    shoff, = struct.unpack_from("<Q", blob, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", blob, 0x3a)
    sections = [struct.unpack_from("<IIQQQQIIQQ", blob, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link][4]
        for pos in range(offset, offset + size, entsize):
            st_name, _info2, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", blob, pos)
            end = blob.index(b"\0", strtab + st_name)
            name = blob[strtab + st_name:end].decode()
            if re.fullmatch(r"icudt\d+_dat", name) and shndx != 0:
                sec_addr, sec_offset = sections[shndx][3], sections[shndx][4]
                start = value - sec_addr + sec_offset
                return name, blob[start:start + st_size]
    raise TrimError(f"no icudtNN_dat symbol in {library}")


def removable(item: str) -> bool:
    """Whether ICU data item ``item`` (as ``icupkg -l`` lists it) can go."""
    tree, _, leaf = item.rpartition("/")
    stem, _, ext = leaf.rpartition(".")
    if tree == "translit":
        return True
    if ext == "cnv":
        return stem not in KEEP_CONVERTERS
    if ext == "dict":
        return True
    if ext == "res":
        match = _LOCALE.match(stem)
        return bool(match) and match.group(1) not in KEEP_LANGUAGES
    return False


def _icupkg(*args: str) -> str:
    """Run icupkg.  brkitr/root.res names the word-break dictionaries, and ICU treats a
    missing one as "no dictionary for that script": that dependency alone is ignored,
    any other missing item stops the build."""
    done = subprocess.run(["icupkg", *args], capture_output=True, text=True)
    missing = set(re.findall(r"depends on missing item (\S+)", done.stderr))
    if done.returncode != 0 and missing and all(name.endswith(".dict") for name in missing):
        done = subprocess.run(["icupkg", "--ignore-deps", *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise TrimError(f"icupkg {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def trim(source: Path, target: Path) -> tuple[int, int]:
    """Write the trimmed library to ``target``; returns (bytes of data before, after)."""
    for tool in ("icupkg", "gcc"):
        if not shutil.which(tool):
            raise TrimError(f"{tool} is not installed (Debian: icu-devtools, gcc)")
    symbol, data = data_symbol(source)
    soname = source.name
    with tempfile.TemporaryDirectory(prefix="kartoteka-icu-") as tmp:
        work = Path(tmp)
        # icupkg names the items inside a package after its file name: keep "icudtNNl".
        (work / "small").mkdir()
        full = work / f"{symbol[:-4]}l.dat"
        small = work / "small" / full.name
        full.write_bytes(data)
        items = _icupkg("-l", str(full)).split()
        gone = [item for item in items if removable(item)]
        (work / "remove.txt").write_text("\n".join(gone) + "\n", encoding="ascii")
        _icupkg("-r", str(work / "remove.txt"), str(full), str(small))
        kept = set(_icupkg("-l", str(small)).split())
        if kept != set(items) - set(gone):
            raise TrimError("icupkg did not remove exactly the chosen items")
        (work / "data.S").write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
            f'\t.balign 16\n{symbol}:\n\t.incbin "{small}"\n'
            f'\t.size {symbol}, . - {symbol}\n\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii")
        target.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["gcc", "-shared", "-nostdlib", "-s", f"-Wl,-soname,{soname}",
                               "-o", str(target), str(work / "data.S")], capture_output=True, text=True)
        if done.returncode != 0:
            raise TrimError(f"gcc: {done.stderr.strip()}")
        return len(data), small.stat().st_size


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.rsplit("\n\n", 1)[-1])
    before, after = trim(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"ICU data: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
