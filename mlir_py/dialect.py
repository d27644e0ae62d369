"""Dialects, the context that holds the registered ones, and plugin discovery.

A :class:`Dialect` bundles op classes, and parse hooks for its attributes and types (``#name.mnemonic<...>``,
``!name.mnemonic<...>``). Dialects are plugins: built-in and third-party ones are found the same way, through
the Python entry-point group ``mlir_py.dialects`` (each entry point names a :class:`Dialect` object) or a module
path given to ``--load-dialect-plugin`` (a file or module defining ``DIALECTS`` or a ``Dialect`` attribute).
Passes are found the same way under ``mlir_py.passes``.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

from .attributes import Attribute, Type

if TYPE_CHECKING:
    from .opdef import Op


class Dialect:
    """A namespace of ops, attributes and types.

    ``attribute_parsers`` / ``type_parsers`` map a mnemonic to ``f(body, parser) -> Attribute|Type`` where
    ``body`` is the text inside ``<...>`` (``None`` when absent) and ``parser`` offers ``parse_type(text)`` and
    ``parse_attribute(text)`` for nested elements. ``materialize_constant(value, type, loc)`` builds a constant
    op for folding.
    """

    def __init__(self, name: str, ops: Iterable[type[Op]] = (), attribute_parsers: dict[str, Callable[..., Attribute]] | None = None,
                 type_parsers: dict[str, Callable[..., Type]] | None = None, description: str = "",
                 materialize_constant: Callable[..., Any] | None = None):
        self.name = name
        self.ops: dict[str, type[Op]] = {}
        for op in ops:
            self.add_op(op)
        self.attribute_parsers = attribute_parsers or {}
        self.type_parsers = type_parsers or {}
        self.description = description
        self.materialize_constant = materialize_constant
        #: interpreter implementations, filled by the interpreter modules: op name -> callable
        self.interpreter_impls: dict[str, Callable[..., Any]] = {}

    def add_op(self, op: type[Op]) -> None:
        op.dialect = self
        self.ops[op.OPERATION_NAME] = op

    def __repr__(self) -> str:
        return f"<Dialect {self.name}: {len(self.ops)} ops>"


def _load_entry_points(group: str) -> list[Any]:
    out = []
    for ep in sorted(entry_points(group=group), key=lambda e: e.name):
        out.append(ep.load())
    return out


def _as_list(x: Any, cls: type) -> list[Any]:
    if isinstance(x, cls):
        return [x]
    if isinstance(x, (list, tuple)):
        return [d for d in x if isinstance(d, cls)]
    if callable(x):
        return _as_list(x(), cls)
    return []


BUILTIN_DIALECT_MODULES = ("dialects.builtin", "dialects.func", "dialects.arith")


def load_module_from_path(path: str) -> Any:
    """Import a plugin given as a ``.py`` file path, a package directory, or a dotted module name."""
    if os.path.exists(path):
        path = os.path.abspath(path)
        if os.path.isdir(path):
            parent, name = os.path.split(path.rstrip("/"))
            if parent not in sys.path:
                sys.path.insert(0, parent)
            return importlib.import_module(name)
        name = "mlir_py_plugin_" + os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load plugin '{path}'")
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
        return mod
    return importlib.import_module(path)


def dialects_in_module(mod: Any) -> list[Dialect]:
    for attr in ("DIALECTS", "DIALECT", "dialect"):
        if hasattr(mod, attr):
            return _as_list(getattr(mod, attr), Dialect)
    return [v for v in vars(mod).values() if isinstance(v, Dialect)]


class Context:
    """The registered dialects (MLIR's ``MLIRContext``) and the options that affect parsing."""

    def __init__(self, allow_unregistered_dialects: bool = False, load_builtin: bool = True):
        self.dialects: dict[str, Dialect] = {}
        self.ops: dict[str, type[Op]] = {}
        self.allow_unregistered_dialects = allow_unregistered_dialects
        self._parser: Any = None
        #: blobs of ``dense_resource`` handles (``builtin`` resources), by handle
        self.resources: dict[str, Any] = {}
        if load_builtin:
            self.load_available_dialects()

    def register_dialect(self, d: Dialect) -> None:
        if d.name in self.dialects and self.dialects[d.name] is d:
            return
        self.dialects[d.name] = d
        self.ops.update(d.ops)
        self._parser = None

    def load_available_dialects(self) -> None:
        """Every dialect advertised in the ``mlir_py.dialects`` entry-point group (built-ins included)."""
        found: list[Dialect] = []
        try:
            for obj in _load_entry_points("mlir_py.dialects"):
                found.extend(_as_list(obj, Dialect))
        except Exception as e:  # a broken third-party plugin must not break the tool
            print(f"warning: failed to load a dialect plugin: {e}", file=sys.stderr)
        names = {d.name for d in found}
        if not {"builtin", "func", "arith"} <= names:  # running from a source tree without installed metadata
            for m in _registry_modules():
                found.extend(dialects_in_module(importlib.import_module(m)))
        for d in found:
            self.register_dialect(d)

    def load_dialect_plugin(self, path: str) -> list[Dialect]:
        ds = dialects_in_module(load_module_from_path(path))
        for d in ds:
            self.register_dialect(d)
        return ds

    def get_op_class(self, name: str) -> type[Op] | None:
        return self.ops.get(name)

    def dialect_of(self, name: str) -> Dialect | None:
        return self.dialects.get(name.split(".", 1)[0])

    @property
    def parser(self) -> Any:
        from .parser.parser import MLIRParser

        if self._parser is None:
            self._parser = MLIRParser(self)
        return self._parser


def _registry_modules() -> list[str]:
    from dialects import BUILTIN_DIALECTS

    return list(BUILTIN_DIALECTS)
