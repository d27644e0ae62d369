"""The pass-plugin example (examples/plugin_pass) is installed, discovered both ways and passes its lit suite.

Discovery (mlir_py/pass_manager.py): the ``mlir_py.passes`` entry point of an installed distribution, and
``--load-pass-plugin`` with a package folder, a file or a module name. The package is pip-installed into a
temporary ``--target`` folder put on PYTHONPATH, so the test leaves the Python environment as it found it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from _helpers import ROOT, install_plugin, lit, opt

from mlir_py import Context, parse_module, print_op
from mlir_py.dialect import PluginError
from mlir_py.pass_manager import (
    PASS_REGISTRY,
    Pass,
    PassManager,
    _register_plugin_object,
    load_pass_plugin,
    register_pass,
)

PLUGIN = ROOT / "examples" / "plugin_pass"
PACKAGE = PLUGIN / "mlir_py_pass_demo"
EXAMPLE = PLUGIN / "example.mlir"
ARG = "strength-reduce-mul-by-pow2"



def installed_in_environment() -> bool:
    return any(ep.name == ARG for ep in entry_points(group="mlir_py.passes"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the installed plugin (package, dist-info and entry point)."""
    return install_plugin(tmp_path_factory, PLUGIN, "mlir_py_pass_demo/strength_reduce.py")


# --- discovery through the installed entry point ---------------------------------------------------------------


def test_entry_point_is_installed(site: Path) -> None:
    (ep_file,) = site.glob("mlir_py_pass_demo-*.dist-info/entry_points.txt")
    assert f"[mlir_py.passes]\n{ARG} = mlir_py_pass_demo.strength_reduce:StrengthReduceMulByPow2Pass" in \
        ep_file.read_text()


def test_found_by_entry_point(site: Path) -> None:
    listed = opt("--list-passes", pythonpath=[site])
    assert listed.returncode == 0, listed.stderr
    assert ARG in listed.stdout
    r = opt(EXAMPLE, f"--{ARG}", pythonpath=[site])
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("arith.shli") == 2 and "arith.muli" not in r.stdout


def test_lit_suite_through_entry_point(site: Path) -> None:
    r = lit("-D", "plugin_discovery=entry-points", PLUGIN / "test", pythonpath=[site])
    assert r.returncode == 0, r.stdout + r.stderr


def test_broken_entry_point_is_a_warning(tmp_path: Path) -> None:
    """An installed plugin that fails to load does not break the tool."""
    dist = tmp_path / "broken_pass_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-pass-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[mlir_py.passes]\nbroken = no_such_module_for_mlir_py:X\n")
    r = opt(EXAMPLE, "--symbol-dce", pythonpath=[tmp_path])
    assert r.returncode == 0, r.stderr
    assert "warning: failed to load pass plugin 'broken'" in r.stderr


# --- discovery through --load-pass-plugin (nothing installed) -----------------------------------------------


def test_unknown_without_the_plugin() -> None:
    if installed_in_environment():
        pytest.skip("the pass plugin is installed in this environment")
    r = opt(EXAMPLE, f"--pass-pipeline=builtin.module({ARG})")
    assert r.returncode == 1
    assert f"'{ARG}' does not refer to a registered pass or pass pipeline" in r.stderr


def test_lit_suite_through_path() -> None:
    r = lit(PLUGIN / "test")
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("form", ["package folder", "module file", "module name"])
def test_load_pass_plugin_forms(form: str) -> None:
    forms: dict[str, tuple[str | Path, list[Path]]] = {
        "package folder": (PACKAGE, []), "module file": (PACKAGE / "strength_reduce.py", []),
        "module name": ("mlir_py_pass_demo", [PLUGIN])}
    arg, pythonpath = forms[form]
    r = opt(EXAMPLE, "--load-pass-plugin", arg, f"--{ARG}", "--mlir-pass-statistics", pythonpath=pythonpath)
    assert r.returncode == 0, r.stderr
    assert "%0 = arith.shli %arg0, %c3_i32 : i32" in r.stdout
    assert "(S) 2 num-rewritten - Number of multiplications rewritten" in r.stderr


def test_broken_plugin_is_a_diagnostic(tmp_path: Path) -> None:
    plugin = tmp_path / "broken_pass.py"
    plugin.write_text("raise RuntimeError('boom')\n")
    r = opt("--list-passes", "--load-pass-plugin", plugin)
    assert r.returncode == 1
    assert r.stderr.startswith("error: could not load plugin: ") and "RuntimeError: boom" in r.stderr, r.stderr


# --- in-process ---------------------------------------------------------------------------------------------------


@pytest.fixture
def clean_registry() -> Iterator[None]:
    saved = dict(PASS_REGISTRY)
    path = list(sys.path)
    yield
    PASS_REGISTRY.clear()
    PASS_REGISTRY.update(saved)
    sys.path[:] = path


@pytest.mark.usefixtures("clean_registry")
def test_load_and_run_in_process() -> None:
    mod = load_pass_plugin(str(PACKAGE))
    assert load_pass_plugin(str(PACKAGE)) is mod  # once per path
    cls = PASS_REGISTRY[ARG]
    assert cls.__name__ == "StrengthReduceMulByPow2Pass" and issubclass(cls, Pass)
    ctx = Context()
    m = parse_module(EXAMPLE.read_text(), ctx, str(EXAMPLE))
    pm = PassManager.parse(f"builtin.module(func.func({ARG}{{max-shift=2}}))", ctx)
    pm.run(m)
    text = print_op(m)
    assert "arith.shli %arg1, %c2 : index" in text and "arith.muli %arg0" in text  # 8 = 2^3 > max-shift
    assert mod.strength_reduce.log2_exact(-128, 8) == 7 and mod.strength_reduce.log2_exact(1, 8) is None


@pytest.mark.usefixtures("clean_registry")
def test_plugin_registering_nothing(tmp_path: Path) -> None:
    f = tmp_path / "nothing_here.py"
    f.write_text("X = 1\n")
    with pytest.raises(PluginError, match="registers no pass or pass pipeline"):
        load_pass_plugin(str(f))


@pytest.mark.usefixtures("clean_registry")
def test_entry_point_values() -> None:
    """What an entry point may name: a Pass subclass, a list of them, a module, or a function registering."""

    class A(Pass):
        argument = "ut-ep-a"

    class B(Pass):
        argument = "ut-ep-b"

    class C(Pass):
        argument = "ut-ep-c"

    _register_plugin_object(A)
    _register_plugin_object([B])
    _register_plugin_object(lambda: register_pass(C) and None)
    _register_plugin_object(sys.modules[__name__])
    assert {"ut-ep-a", "ut-ep-b", "ut-ep-c"} <= set(PASS_REGISTRY)
