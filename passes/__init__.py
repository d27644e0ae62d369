"""Transformation passes (one module per pass or pass family) and the named pipelines.

Every module of this package registers its passes on import (``@register_pass``, ``register_pipeline``);
:func:`load_builtin_passes` imports them all, which is what ``mlir_py.pass_manager.load_pass_plugins`` (and so
``mlir-py-opt``) does before reading the command line. A new pass needs no list to be edited: adding
``passes/<argument_with_underscores>.py`` is enough. Third-party passes use the ``mlir_py.passes`` entry-point
group or ``--load-pass-plugin`` instead.
"""

from __future__ import annotations

import importlib
import pkgutil


def load_builtin_passes() -> list[str]:
    """Import every module of the ``passes`` package (in name order); returns the module names."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    for name in names:
        importlib.import_module(f"{__name__}.{name}")
    return names
