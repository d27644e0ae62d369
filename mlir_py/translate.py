"""The translation registry behind ``mlir-py-translate`` (as MLIR's ``TranslateRegistration``).

A translation is either an **import** (a foreign format → a ``builtin.module``: ``--import-onnx``, ``--import-tc``)
or an **export** (a verified module → text or bytes: ``--mlir-to-llvmir``). Modules register theirs on import;
the modules named in :data:`BUILTIN_TRANSLATION_MODULES` are imported by :func:`load_translations`, and a
third-party package registers through the ``mlir_py.translations`` entry-point group (a module to import).

Errors in the input are reported by raising :class:`mlir_py.diagnostics.DiagnosticError` with a location (the
input file, an ONNX node's name, a TC statement's line), which the tool prints MLIR-style with exit code 1.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from .dialect import Context
from .ir import Operation

#: modules that register the built-in translations when imported (missing ones are skipped while in progress)
BUILTIN_TRANSLATION_MODULES = ("mlir_py.onnx_importer", "mlir_py.tc_frontend", "mlir_py.llvm_translate")

#: an import reads ``path`` (``-`` for stdin is allowed where the format is text) and returns a module
Importer = Callable[[str, Context, dict[str, Any]], Operation]
#: an export turns a verified module into text or bytes
Exporter = Callable[[Operation, dict[str, Any]], "str | bytes"]


@dataclass(frozen=True)
class Translation:
    """One registered translation: its flag (``import-onnx``), a one-line description, the direction and the
    callable; ``options`` lists the extra ``--name=value`` flags it accepts as (name, help, default)."""

    name: str
    description: str
    kind: str  # "import" | "export"
    fn: Callable[..., Any]
    options: tuple[tuple[str, str, Any], ...] = field(default=())


_REGISTRY: dict[str, Translation] = {}


def register_translation(name: str, description: str, kind: str, fn: Callable[..., Any],
                         options: tuple[tuple[str, str, Any], ...] = ()) -> Translation:
    """Register ``fn`` under the flag ``--name``.

    Raises:
        ValueError: ``kind`` is not ``import``/``export``, or ``name`` is already registered.
    """
    if kind not in ("import", "export"):
        raise ValueError(f"translation kind must be 'import' or 'export', got {kind!r}")
    if name in _REGISTRY and _REGISTRY[name].fn is not fn:
        raise ValueError(f"translation '{name}' is already registered")
    t = Translation(name, description, kind, fn, tuple(options))
    _REGISTRY[name] = t
    return t


def load_translations() -> dict[str, Translation]:
    """Import the built-in translation modules and the ``mlir_py.translations`` entry points; the registry."""
    for mod in BUILTIN_TRANSLATION_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:
            if e.name != mod:
                raise
    for ep in metadata.entry_points(group="mlir_py.translations"):
        ep.load()
    return dict(_REGISTRY)
