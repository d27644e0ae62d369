"""Scaffolding shared by the unit tests (imported as ``_helpers``: pytest puts this folder on ``sys.path``).

- :data:`ROOT`, the checkout; :func:`run_tool`, :func:`opt` and :func:`lit` run a command, ``mlir-py-opt`` or lit
  in a subprocess with the checkout (and any extra folders) on ``PYTHONPATH``;
- :func:`install_plugin` installs an example plugin (``examples/plugin_*``) into a temporary ``--target`` folder,
  leaving the Python environment as it found it;
- :func:`interpret` parses, verifies and runs a module given as text in the reference interpreter;
- :func:`light_model` imports one of onnx's ``backend/test/data/light`` models with seeded random weights.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from mlir_py import Context, verify
from mlir_py.interpreter import Interpreter
from mlir_py.ir import Operation

ROOT = Path(__file__).resolve().parents[2]
#: upstream MLIR's ``mlir-opt`` (from iree-base-compiler), the oracle of the compatibility tests; None if absent
IREE = shutil.which("iree-opt")
requires_iree = pytest.mark.skipif(IREE is None, reason="iree-opt not on PATH (pip install iree-base-compiler)")

_CTX = Context()


def run_tool(cmd: Sequence[str | Path], pythonpath: Sequence[Path] = (), cwd: Path = ROOT
             ) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` (10 minutes at most) with the mlir-py checkout, then ``pythonpath``, on PYTHONPATH."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in [ROOT, *pythonpath])
    return subprocess.run([str(c) for c in cmd], env=env, cwd=cwd, capture_output=True, text=True, timeout=600)


def opt(*args: str | Path, pythonpath: Sequence[Path] = ()) -> subprocess.CompletedProcess[str]:
    """``mlir-py-opt <args>``."""
    return run_tool([sys.executable, "-m", "tools.mlir_py_opt", *args], pythonpath)


def lit(*args: str | Path, pythonpath: Sequence[Path] = ()) -> subprocess.CompletedProcess[str]:
    """``lit -q <args>``."""
    return run_tool([sys.executable, "-c", "import lit.main; lit.main.main()", "-q", *args], pythonpath)


def install_plugin(tmp_path_factory: pytest.TempPathFactory, plugin: Path, check: str) -> Path:
    """A folder holding the installed ``plugin`` (package and dist-info with its entry point), built from a copy of
    the sources so that no build/ or egg-info/ lands in the checkout; ``check`` is a file the install must hold
    (relative to the folder)."""
    tmp = tmp_path_factory.mktemp(plugin.name)
    src = tmp / "src"
    shutil.copytree(plugin, src, ignore=shutil.ignore_patterns("build", "*.egg-info", "Output", "__pycache__",
                                                                ".lit_test_times.txt"))
    target = tmp / "site"
    pip: list[str | Path] = [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                             "--disable-pip-version-check", "--target", target]
    first = run_tool([*pip, src])
    if first.returncode != 0:  # offline: build with the setuptools already installed
        second = run_tool([*pip, "--no-build-isolation", src])
        assert second.returncode == 0, f"pip install failed:\n{first.stderr}\n{second.stderr}"
    assert (target / check).is_file()
    return target


def interpret(text: str, *args: Any, entry: str = "main", ctx: Context | None = None) -> list[Any]:
    """The results of ``entry`` called with ``args`` in the module ``text`` (parsed and verified first)."""
    module = (ctx or _CTX).parser.parse(text, "test.mlir")
    verify(module)
    return Interpreter(module).call(entry, list(args))


def light_model(name: str, drop_softmax: bool = True) -> Operation:
    """onnx's ``light_<name>.onnx`` imported with seeded random weights (seed 1); with ``drop_softmax`` the
    ``nn.softmax`` ops are removed (random weights saturate a final softmax, so tests compare the logits).
    Skips the test when onnx is not installed."""
    onnx = pytest.importorskip("onnx")
    from mlir_py.onnx_importer import import_model

    path = os.path.join(os.path.dirname(onnx.__file__), f"backend/test/data/light/light_{name}.onnx")
    module = import_model(onnx.load(path), Context(), path, random_weights=1)
    if drop_softmax:
        for op in list(module.walk()):
            if op.name == "nn.softmax":
                op.results[0].replace_all_uses_with(op.operand(0))
                op.erase()
    return module
