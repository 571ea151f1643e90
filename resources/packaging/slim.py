"""Build helper (not shipped): what the one-folder bundle leaves out, and why.

build.spec filters PyInstaller's lists through :func:`slim`.  Four kinds of things go:

* system libraries that every Linux desktop has and that are not safe to ship (the
  AppImage project's "excludelist" reasoning: a private copy of glib, fontconfig, X11 or
  libstdc++ clashes with the drivers, themes and fonts of the user's system), and the
  stacks that only serve a Qt plugin which needs the system's own copy anyway (the GTK 3
  theme needs the system's GTK; the CUPS print plugin needs the system's CUPS, and
  without it Qt still prints to PDF);
* Qt plugins for embedded or remote screens (EGLFS, LinuxFB, VNC, Vulkan KHR display,
  evdev/TUIO input), TLS and network-status back-ends (Kartoteka's only socket is the
  single-instance local socket) and image formats it never reads;
* matplotlib fonts the charts do not use (they draw in DejaVu Sans; mathtext falls back
  to the Computer Modern ``cm*`` fonts, which stay) and Pillow codecs (AVIF, WebP, LCMS)
  that PNG output does not need;
* Python modules that nothing imports while the program runs: each one listed in
  ``EXCLUDED_MODULES`` was absent from ``sys.modules`` after the whole test suite (charts,
  PDF and xlsx reports, documents, import, backup, every window), and the bundle's
  ``make dist-check`` runs the self-check, the charts and the main window without them.
"""
from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

# Python modules (and so their extension modules and libraries) nothing imports.
EXCLUDED_MODULES = [
    "PIL._avif", "PIL._webp", "PIL._imagingcms", "PIL.ImageCms",
    "lxml.objectify", "lxml.html", "lxml.isoschematron",
    "readline",
    # phonenumbers' offline geocoder, carrier and time-zone tables (19 MB of source):
    # Kartoteka only parses, validates and formats numbers.
    "phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
    "phonenumbers.carrierdata", "phonenumbers.timezone", "phonenumbers.tzdata",
    "numpy.f2py",
    # numpy parts neither matplotlib's Agg/PDF output nor Kartoteka imports (never in sys.modules
    # after the whole test suite, a chart and a PDF report): random numbers (2.5 MB), FFT,
    # polynomial classes, testing helpers, and the test-only extension numpy's hook adds.
    "numpy.random", "numpy.fft", "numpy.polynomial", "numpy.testing", "numpy._core._multiarray_tests",
    # matplotlib's contour and triangulation engines (loaded only by contour/tri plots).
    "contourpy", "matplotlib._qhull", "matplotlib._tri",
    # rapidfuzz's AVX2 builds: it falls back to its generic builds, which cost 1.6 % more
    # instructions on the duplicate check's calls (callgrind); -6 MB.
    "rapidfuzz.fuzz_cpp_avx2", "rapidfuzz.distance.metrics_cpp_avx2",
    # lxml's SAX and E-factory interfaces and doctest helpers (python-docx, docxtpl and
    # openpyxl use lxml.etree only).
    "lxml.sax", "lxml.builder", "lxml.doctestcompare", "lxml.usedoctest",
    # CJK codecs: CSV import reads UTF-8/UTF-16/Windows-1251; a vCard naming another charset
    # falls back to UTF-8 (LookupError is handled), e-mail drafts are written in UTF-8.
    "_codecs_jp", "_codecs_hk", "_codecs_cn", "_codecs_kr", "_codecs_tw", "_codecs_iso2022",
    "_multibytecodec",
    # standard library the program never runs (no process pools, event loops, servers or
    # interactive help in a desktop app); none of them is imported anywhere in the test suite.
    "multiprocessing", "concurrent", "asyncio", "pydoc", "pydoc_data", "doctest", "xmlrpc",
    "ftplib", "cgi", "cgitb", "socketserver", "tracemalloc", "_pydecimal", "lib2to3", "ensurepip",
    "idlelib", "distutils", "turtle", "turtledemo",
]

# Files that hooks collect whatever the module exclusions say (numpy's hook copies every
# extension module of numpy): destinations starting with these go as well.
UNUSED_PATHS = ("numpy/random/", "numpy/fft/", "numpy/_core/_multiarray_tests.",
                "rapidfuzz/fuzz_cpp_avx2.", "rapidfuzz/distance/metrics_cpp_avx2.", "contourpy/",
                "matplotlib/_qhull.", "matplotlib/_tri.")

SYSTEM_LIBRARIES = frozenset({
    # OpenSSL 3 (Python's hashlib and ssl): every system with the glibc this program
    # needs (2.35+) has it, and the system's copy gets security updates
    "libcrypto.so.3", "libssl.so.3",
    # C++ and compression runtimes of the system (the program needs the build machine's glibc anyway)
    "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1",
    # X11 client libraries (libxcb itself is never shipped; the xcb-util ones Qt needs stay)
    "libX11.so.6", "libX11-xcb.so.1", "libXau.so.6", "libXdmcp.so.6", "libbsd.so.0",
    "libmd.so.0", "libXext.so.6", "libXrender.so.1",
    # fonts: the system's fontconfig must read the system's configuration
    "libfontconfig.so.1", "libfreetype.so.6", "libexpat.so.1", "libpng16.so.16",
    "libharfbuzz.so.0", "libgraphite2.so.3",
    # GLib (Qt's event loop on Linux; every desktop has it)
    "libglib-2.0.so.0", "libgobject-2.0.so.0", "libgio-2.0.so.0", "libgmodule-2.0.so.0",
    "libgthread-2.0.so.0", "libpcre2-8.so.0", "libmount.so.1", "libblkid.so.1", "libselinux.so.1",
    # GTK 3 theme plugin: loads the system's GTK 3, which brings its own pango/cairo
    "libgdk_pixbuf-2.0.so.0", "libatk-1.0.so.0", "libcairo.so.2", "libcairo-gobject.so.2",
    "libpango-1.0.so.0", "libpangocairo-1.0.so.0", "libpangoft2-1.0.so.0", "libfribidi.so.0",
    "libthai.so.0", "libdatrie.so.1", "libpixman-1.so.0", "libjpeg.so.62",
    # CUPS print plugin and its TLS stack
    "libcups.so.2", "libavahi-client.so.3", "libavahi-common.so.3", "libgnutls.so.30",
    "libunistring.so.2", "libidn2.so.0", "libp11-kit.so.0", "libtasn1.so.6", "libnettle.so.8",
    "libhogweed.so.6", "libgmp.so.10",
    # D-Bus (the system bus's own library) and what systemd links into it
    "libdbus-1.so.3", "libsystemd.so.0", "libgcrypt.so.20", "libgpg-error.so.0", "liblz4.so.1",
    "libcap.so.2",
})

# Paths under PySide6/Qt/ (plugins and the libraries only they use).
UNUSED_QT = (
    "plugins/platforms/libqeglfs.so", "plugins/platforms/libqminimalegl.so",
    "plugins/platforms/libqlinuxfb.so", "plugins/platforms/libqvnc.so",
    "plugins/platforms/libqvkkhrdisplay.so", "plugins/platforms/libqminimal.so",
    "plugins/egldeviceintegrations/", "plugins/generic/", "plugins/tls/",
    "plugins/networkinformation/",
    "plugins/imageformats/libqwebp.so", "plugins/imageformats/libqtiff.so",
    "plugins/imageformats/libqicns.so", "plugins/imageformats/libqtga.so",
    "plugins/imageformats/libqwbmp.so",
    "lib/libQt6EglFSDeviceIntegration.so.6", "lib/libQt6EglFsKmsSupport.so.6",
)

# matplotlib's data: fonts for families and back-ends the reports never ask for.
UNUSED_MPL_DATA = ("fonts/afm/", "fonts/pdfcorefonts/", "fonts/ttf/STIX", "fonts/ttf/LICENSE_STIX",
                   "fonts/ttf/DejaVuSerif", "fonts/ttf/DejaVuSansMono", "sample_data/", "images/")


def _unused(dest: str) -> bool:
    path = dest.replace("\\", "/")
    name = PurePosixPath(path).name
    if name in SYSTEM_LIBRARIES:
        return True
    for prefix, fragments in (("PySide6/Qt/", UNUSED_QT), ("matplotlib/mpl-data/", UNUSED_MPL_DATA)):
        if path.startswith(prefix) and path[len(prefix):].startswith(fragments):
            return True
    return path.startswith(("resources/packaging/",) + UNUSED_PATHS)


def slim(toc: list) -> list:
    """PyInstaller's (destination, source, type) entries without the unused ones, and
    without the symbolic links that pointed at them."""
    kept = [entry for entry in toc if not _unused(entry[0])]
    names = {entry[0] for entry in kept}
    return [entry for entry in kept if entry[2] != "SYMLINK"
            or posixpath.normpath(posixpath.join(posixpath.dirname(entry[0]), entry[1])) in names]
