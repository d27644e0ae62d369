"""A reusable lit configuration for mlir-py FileCheck suites (the project's own and plugin authors').

A plugin's ``lit.cfg.py`` needs only::

    from mlir_py.lit.config import configure
    configure(config, lit_config, name="my-dialect")

It sets the ShTest format, the ``.mlir``/``.tc`` suffixes, and the substitutions ``mlir-py-opt``,
``mlir-py-translate``, ``mlir-py-run`` (the current interpreter running the tools, so no PATH set-up is needed),
``filecheck``/``FileCheck`` and ``not``. Extra ``--load-dialect-plugin`` / ``--load-pass-plugin`` arguments can be
baked into the tool substitutions with ``plugins=[...]``.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from typing import Any

TOOLS = {"mlir-py-opt": "tools.mlir_py_opt", "mlir-py-translate": "tools.mlir_py_translate",
         "mlir-py-run": "tools.mlir_py_run"}


def configure(config: Any, lit_config: Any, name: str = "mlir-py", suffixes: Sequence[str] = (".mlir", ".tc"),
              dialect_plugins: Sequence[str] = (), pass_plugins: Sequence[str] = (),
              test_source_root: str | None = None) -> None:
    import lit.formats

    config.name = name
    config.test_format = lit.formats.ShTest(execute_external=False)
    config.suffixes = list(suffixes)
    config.excludes = ["Inputs", "lit.cfg.py", "lit.local.cfg"]
    if test_source_root is not None:
        config.test_source_root = test_source_root
    py = shlex.quote(sys.executable)
    extra = "".join(f" --load-dialect-plugin={shlex.quote(p)}" for p in dialect_plugins)
    extra += "".join(f" --load-pass-plugin={shlex.quote(p)}" for p in pass_plugins)
    # longest names first so that 'mlir-py-opt' is not partially replaced
    for tool, module in sorted(TOOLS.items(), key=lambda kv: -len(kv[0])):
        config.substitutions.append((rf"(?<![\w/.-]){tool}(?![\w.-])", f"{py} -m {module}{extra}"))
    fc = f"{py} -m filecheck"
    config.substitutions.append((r"(?<![\w/.-])FileCheck(?![\w.-])", fc))
    config.substitutions.append((r"(?<![\w/.-])filecheck(?![\w.-])", fc))
    for k in ("PYTHONPATH", "HOME", "TMPDIR"):
        if k in os.environ:
            config.environment[k] = os.environ[k]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    config.environment["PYTHONPATH"] = os.pathsep.join(
        [root] + ([os.environ["PYTHONPATH"]] if "PYTHONPATH" in os.environ else []))
