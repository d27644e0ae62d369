"""The dialect-plugin example (examples/plugin_dialect) is installed, discovered both ways and passes its lit suite.

Discovery (mlir_py/dialect.py): the ``mlir_py.dialects`` entry point of an installed distribution, and
``--load-dialect-plugin`` with a package folder, a file or a module name. The package is pip-installed into a
temporary ``--target`` folder put on PYTHONPATH, so the test leaves the Python environment as it found it.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from _helpers import ROOT, install_plugin, lit, opt

from mlir_py import Context, parse_module, print_op, verify
from mlir_py.dialect import PluginError, load_module_from_path

PLUGIN = ROOT / "examples" / "plugin_dialect"
PACKAGE = PLUGIN / "mlir_py_plugin_demo"
OPS = PLUGIN / "test" / "ops.mlir"



def installed_in_environment() -> bool:
    return any(ep.name == "demo" for ep in entry_points(group="mlir_py.dialects"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the installed plugin (package, dist-info and entry point)."""
    return install_plugin(tmp_path_factory, PLUGIN, "mlir_py_plugin_demo/dialect.py")


# --- discovery through the installed entry point ---------------------------------------------------------------


def test_entry_point_is_installed(site: Path) -> None:
    (ep_file,) = site.glob("mlir_py_plugin_demo-*.dist-info/entry_points.txt")
    assert "[mlir_py.dialects]\ndemo = mlir_py_plugin_demo:DIALECT" in ep_file.read_text()


def test_found_by_entry_point(site: Path) -> None:
    r = opt("--show-dialects", pythonpath=[site])
    assert r.returncode == 0, r.stderr
    assert "demo" in r.stdout.split(": ", 1)[1].split(", ")


def test_lit_suite_through_entry_point(site: Path) -> None:
    r = lit("-D", "plugin_discovery=entry-points", PLUGIN / "test", pythonpath=[site])
    assert r.returncode == 0, r.stdout + r.stderr


# --- discovery through --load-dialect-plugin (nothing installed) -----------------------------------------------


def test_unknown_without_the_plugin() -> None:
    if installed_in_environment():
        pytest.skip("the demo plugin is installed in this environment")
    r = opt(OPS)
    assert r.returncode == 1
    assert "dialect 'demo' is unknown" in r.stderr
    assert "Traceback" not in r.stderr


def test_lit_suite_through_path() -> None:
    r = lit(PLUGIN / "test")
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("form", ["package folder", "module file", "package __init__", "module name"])
def test_load_dialect_plugin_forms(form: str) -> None:
    forms: dict[str, tuple[str | Path, list[Path]]] = {
        "package folder": (PACKAGE, []), "module file": (PACKAGE / "dialect.py", []),
        "package __init__": (PACKAGE / "__init__.py", []), "module name": ("mlir_py_plugin_demo.dialect", [PLUGIN])}
    arg, pythonpath = forms[form]
    custom = opt(OPS, "--load-dialect-plugin", arg, pythonpath=pythonpath)
    assert custom.returncode == 0, custom.stderr
    assert "demo.quantize %arg0 in #demo.range<-1.5, 1.5> : f32 to !demo.fixed<8, 6>" in custom.stdout


def test_found_both_ways(site: Path) -> None:
    """An installed copy and the source tree given by path: the path's copy is registered, without conflict."""
    r = opt(OPS, "--load-dialect-plugin", PACKAGE, pythonpath=[site])
    assert r.returncode == 0, r.stderr
    assert "demo.map" in r.stdout


@pytest.mark.parametrize("source, message", [
    ("x = 1\n", "defines no dialect"),
    ("import mlir_py_no_such_module\n", "No module named 'mlir_py_no_such_module'"),
    ("raise RuntimeError('boom')\n", "RuntimeError: boom"),
])
def test_broken_plugin_is_a_diagnostic(tmp_path: Path, source: str, message: str) -> None:
    plugin = tmp_path / "broken_plugin.py"
    plugin.write_text(source)
    r = opt("--show-dialects", "--load-dialect-plugin", plugin)
    assert r.returncode == 1
    assert r.stderr.startswith("error: could not load plugin: ") and message in r.stderr, r.stderr


# --- in-process: the loader and the context ---------------------------------------------------------------------


@pytest.fixture
def clean_imports() -> Iterator[None]:
    """Undo the plugin imports and the sys.path entries a test makes (other modules, e.g. numpy, stay)."""
    path = list(sys.path)
    yield
    for name in [n for n in sys.modules if n.startswith("mlir_py_plugin")]:
        del sys.modules[name]
    sys.path[:] = path


@pytest.mark.usefixtures("clean_imports")
def test_one_module_per_plugin() -> None:
    """Every path form names the same module, so the dialect is registered once (as an editable install's)."""
    mods = {id(load_module_from_path(str(p))) for p in (PACKAGE / "dialect.py", PACKAGE / "dialect.py")}
    assert len(mods) == 1
    assert load_module_from_path(str(PACKAGE)).DIALECT is load_module_from_path(str(PACKAGE / "dialect.py")).DIALECT
    ctx = Context()
    (d,) = ctx.load_dialect_plugin(str(PACKAGE))
    assert ctx.load_dialect_plugin(str(PACKAGE / "dialect.py")) == [d]
    assert ctx.dialects["demo"] is d
    assert {"demo.quantize", "demo.clamp", "demo.map", "demo.yield"} <= set(ctx.ops)


@pytest.mark.usefixtures("clean_imports")
def test_path_beside_another_copy(tmp_path: Path) -> None:
    """With another copy of the package imported first (a regular install), the path's copy is loaded beside it
    and its dialect replaces the other's."""
    other = tmp_path / "site" / "mlir_py_plugin_demo"
    shutil.copytree(PACKAGE, other, ignore=shutil.ignore_patterns("__pycache__"))
    installed = load_module_from_path(str(other))
    ours = load_module_from_path(str(PACKAGE / "dialect.py"))
    assert ours.__name__ == "mlir_py_plugin_mlir_py_plugin_demo.dialect"
    assert Path(ours.__file__ or "").resolve() == (PACKAGE / "dialect.py").resolve()
    ctx = Context()
    ctx.register_dialect(installed.DIALECT)
    (d,) = ctx.load_dialect_plugin(str(PACKAGE))
    assert d is ours.DIALECT is not installed.DIALECT and ctx.dialects["demo"] is d
    assert ctx.ops["demo.quantize"] is ours.QuantizeOp


@pytest.mark.usefixtures("clean_imports")
def test_stand_alone_file(tmp_path: Path) -> None:
    """A file outside any package is imported as ``mlir_py_plugin_<stem>``, once."""
    f = tmp_path / "demo_copy.py"
    f.write_text((PACKAGE / "dialect.py").read_text())
    mod = load_module_from_path(str(f))
    assert mod.__name__ == "mlir_py_plugin_demo_copy"
    assert load_module_from_path(str(f)) is mod


@pytest.mark.usefixtures("clean_imports")
def test_not_a_package(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match="not a Python package"):
        Context().load_dialect_plugin(str(tmp_path))


@pytest.mark.usefixtures("clean_imports")
def test_api_round_trip() -> None:
    """The plugin through the Python API: parse, verify, print custom and generic, re-parse."""
    ctx = Context()
    ctx.load_dialect_plugin(str(PACKAGE))
    text = OPS.read_text()
    module = parse_module(text, ctx, str(OPS))
    verify(module)
    custom = print_op(module)
    generic = print_op(module, generic=True)
    assert print_op(parse_module(custom, ctx)) == custom
    assert print_op(parse_module(generic, ctx)) == custom
    assert re.search(r'"demo.quantize"\(%\w+\) <\{range = #demo.range<-1.5, 1.5>\}> : \(f32\) -> !demo.fixed<8, 6>',
                     generic)
