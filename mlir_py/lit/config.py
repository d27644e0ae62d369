"""A reusable lit configuration for mlir-py FileCheck suites (the project's own and plugin authors').

A plugin's ``lit.cfg.py`` needs only::

    from mlir_py.lit.config import configure
    configure(config, lit_config, name="my-dialect", dialect_plugins=["path/to/my_dialect"])

It sets lit's internal-shell test format (``not`` and ``env`` are its built-ins), the ``.mlir``/``.tc`` suffixes,
and the substitutions ``mlir-py-opt``, ``mlir-py-translate``, ``mlir-py-run`` (the current interpreter running
the tools' modules, so no PATH set-up is needed), ``filecheck``/``FileCheck``, ``%python`` and ``%lit`` (lit itself, to run a nested suite). The paths in
``dialect_plugins`` / ``pass_plugins`` are baked into the tool substitutions as ``--load-dialect-plugin`` /
``--load-pass-plugin`` flags, so a plugin's tests run from its source tree without installing it.

lit parameter ``plugin_discovery``: ``path`` (the default) passes those flags; ``entry-points``
(``lit -D plugin_discovery=entry-points ...``) leaves them out, so the tools find the plugins only through the
entry points of installed packages, the way users' tools will.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from typing import Any

TOOLS = {"mlir-py-opt": "tools.mlir_py_opt", "mlir-py-translate": "tools.mlir_py_translate",
         "mlir-py-run": "tools.mlir_py_run"}
DISCOVERY_MODES = ("path", "entry-points")


def configure(config: Any, lit_config: Any, name: str = "mlir-py", suffixes: Sequence[str] = (".mlir", ".tc"),
              dialect_plugins: Sequence[str] = (), pass_plugins: Sequence[str] = (),
              test_source_root: str | None = None) -> None:
    """Fill in ``config`` (lit's ``TestingConfig``); ``lit_config`` supplies parameters and fatal errors."""
    import lit.formats

    config.name = name
    config.test_format = lit.formats.ShTest(execute_external=False)
    config.suffixes = list(suffixes)
    config.excludes = ["Inputs", "lit.cfg.py", "lit.local.cfg"]
    if test_source_root is not None:
        config.test_source_root = test_source_root
    discovery = lit_config.params.get("plugin_discovery", "path")
    if discovery not in DISCOVERY_MODES:
        lit_config.fatal(f"plugin_discovery must be one of {', '.join(DISCOVERY_MODES)}, got '{discovery}'")
    py = shlex.quote(sys.executable)
    extra = ""
    if discovery == "path":
        extra += "".join(f" --load-dialect-plugin={shlex.quote(os.path.abspath(p))}" for p in dialect_plugins)
        extra += "".join(f" --load-pass-plugin={shlex.quote(os.path.abspath(p))}" for p in pass_plugins)
    # longest names first so that 'mlir-py-opt' is not partially replaced
    for tool, module in sorted(TOOLS.items(), key=lambda kv: -len(kv[0])):
        config.substitutions.append((rf"(?<![\w/.-]){tool}(?![\w.-])", f"{py} -m {module}{extra}"))
    fc = f"{py} -m filecheck"
    config.substitutions.append((r"(?<![\w/.-])FileCheck(?![\w.-])", fc))
    config.substitutions.append((r"(?<![\w/.-])filecheck(?![\w.-])", fc))
    config.substitutions.append(("%python", py))
    config.substitutions.append(("%lit", f'{py} -c "import lit.main; lit.main.main()"'))
    for k in ("PYTHONPATH", "HOME", "TMPDIR"):
        if k in os.environ:
            config.environment[k] = os.environ[k]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    config.environment["PYTHONPATH"] = os.pathsep.join(
        [root] + ([os.environ["PYTHONPATH"]] if "PYTHONPATH" in os.environ else []))
