"""Build helper (not shipped): numpy without BLAS for the bundle.

The numpy wheel from PyPI carries OpenBLAS and gfortran (``numpy.libs``, 28 MB); the
charts never multiply matrices, so the bundle uses numpy built from source with
``-Dblas=none -Dlapack=none`` (numpy's ``linalg`` then uses its bundled lapack_lite).
The development ``.venv`` keeps the PyPI wheel: this installs the built numpy into a
folder of its own (``pip install --no-deps --target``) that ``make dist`` puts first on
PyInstaller's ``PYTHONPATH``.

The build takes 4–7 minutes on two cores, so the wheel is kept in
``${XDG_CACHE_HOME:-~/.cache}/kartoteka-build/`` (which survives clean clones on the same
machine) and built again only for another numpy version, Python or set of options.
The version is the ``.venv``'s own (matplotlib's extension modules are built against it).
Any failure exits non-zero: ``make dist`` stops rather than bundle the OpenBLAS numpy.

    python resources/packaging/numpy_noblas.py build/numpy-noblas
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

# Options of numpy's meson build.  Changing them changes FLAVOUR, so the cache is rebuilt.
MESON_OPTIONS = ("-Dblas=none", "-Dlapack=none", "-Dallow-noblas=true")
FLAVOUR = "noblas-1"


class BuildError(RuntimeError):
    pass


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kartoteka-build"


def python_tag() -> str:
    return f"cp{sys.version_info.major}{sys.version_info.minor}"


def cached_wheel(version: str) -> Path | None:
    folder = cache_dir() / f"numpy-{version}-{FLAVOUR}"
    wheels = sorted(folder.glob(f"numpy-{version}-{python_tag()}-*.whl"))
    return wheels[0] if wheels else None


def build_wheel(version: str) -> Path:
    """Build numpy ``version`` from its source distribution into the cache."""
    folder = cache_dir() / f"numpy-{version}-{FLAVOUR}"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"numpy {version}: building from source without BLAS (4-7 minutes, once per "
          f"version; cached in {folder})", flush=True)
    with tempfile.TemporaryDirectory(prefix="numpy-noblas-", dir=folder) as tmp:
        # --no-cache-dir: pip's own wheel cache is keyed by the source archive, not by the
        # build options, so it could hand back a wheel built otherwise.
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-cache-dir",
                   "--no-binary", "numpy", f"numpy=={version}", "--wheel-dir", tmp]
        command += [f"--config-settings=setup-args={option}" for option in MESON_OPTIONS]
        log = folder / "build.log"
        with log.open("w", encoding="utf-8") as out:
            done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT)
        if done.returncode != 0:
            tail = "".join(log.read_text(encoding="utf-8", errors="replace").splitlines(True)[-30:])
            raise BuildError(f"pip wheel failed (exit {done.returncode}); log: {log}\n{tail}")
        built = sorted(Path(tmp).glob(f"numpy-{version}-{python_tag()}-*.whl"))
        if not built:
            raise BuildError(f"pip wheel wrote no numpy {version} wheel for {python_tag()}")
        target = folder / built[0].name
        shutil.move(str(built[0]), target)  # whole file appears at once: same file system
    return target


PROBE = """
import json, numpy
deps = numpy.show_config(mode="dicts")["Build Dependencies"]
print(json.dumps({"file": numpy.__file__, "version": numpy.__version__,
                  "blas": deps["blas"]["name"], "lapack": deps["lapack"]["name"],
                  "det": float(numpy.linalg.det([[2.0, 1.0], [1.0, 3.0]]))}))
"""


def check(folder: Path, version: str) -> dict:
    """numpy as imported from ``folder``: the right version, no BLAS, linalg works."""
    env = dict(os.environ, PYTHONPATH=str(folder))
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, cwd=tempfile.gettempdir())
    if done.returncode != 0:
        raise BuildError(f"the built numpy does not import: {done.stderr.strip()}")
    found = json.loads(done.stdout)
    problems = []
    if not Path(found["file"]).resolve().is_relative_to(folder.resolve()):
        problems.append(f"numpy was imported from {found['file']}")
    if found["version"] != version:
        problems.append(f"version {found['version']}, expected {version}")
    if found["blas"] != "none" or found["lapack"] != "none":
        problems.append(f"BLAS {found['blas']}, LAPACK {found['lapack']}")
    if (folder / "numpy.libs").exists():
        problems.append("a numpy.libs folder (vendored OpenBLAS) is present")
    if abs(found["det"] - 5.0) > 1e-9:
        problems.append(f"numpy.linalg.det gave {found['det']}")
    if problems:
        raise BuildError("the numpy in " + str(folder) + ": " + "; ".join(problems))
    return found


def install(target: Path) -> Path:
    version = metadata.version("numpy")
    wheel = cached_wheel(version)
    if wheel is None:
        wheel = build_wheel(version)
    else:
        print(f"numpy {version} without BLAS: cached {wheel}")
    stamp = target / ".wheel"
    if not (stamp.is_file() and stamp.read_text(encoding="utf-8") == str(wheel)):
        shutil.rmtree(target, ignore_errors=True)
        done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                               "--no-index", "--target", str(target), str(wheel)])
        if done.returncode != 0:
            raise BuildError(f"pip install --target {target} {wheel.name} failed")
        # Console scripts (f2py, numpy-config) are not needed by the bundle.
        shutil.rmtree(target / "bin", ignore_errors=True)
        stamp.write_text(str(wheel), encoding="utf-8")
    found = check(target, version)
    print(f"numpy {found['version']} for the bundle: BLAS {found['blas']}, in {target}")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.rsplit("\n\n", 1)[-1])
    if not sys.platform.startswith("linux"):
        print("numpy without BLAS is built on Linux only; other systems bundle the PyPI wheel")
        sys.exit(0)
    try:
        install(Path(sys.argv[1]).resolve())
    except BuildError as exc:
        sys.exit(f"ERROR: numpy without BLAS: {exc}\n"
                 "make dist stops here rather than bundle numpy with OpenBLAS (+28 MB).")
