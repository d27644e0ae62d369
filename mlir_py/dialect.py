"""Dialects, the context that holds the registered ones, and plugin discovery.

A :class:`Dialect` bundles op classes, and parse hooks for its attributes and types (``#name.mnemonic<...>``,
``!name.mnemonic<...>``). Dialects are plugins, and built-in and third-party ones are found the same way:

* the Python entry-point group ``mlir_py.dialects``: each entry point names a :class:`Dialect` (or a list of
  them, or a module defining ``DIALECTS``/``DIALECT``); :class:`Context` loads them all on creation;
* a path or module name given to ``--load-dialect-plugin`` (:meth:`Context.load_dialect_plugin`).

Passes are found the same way, through the group ``mlir_py.passes`` and ``--load-pass-plugin``
(:func:`mlir_py.pass_manager.load_pass_plugins`, which imports modules with :func:`load_module_from_path`).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable
from importlib.metadata import entry_points
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .attributes import Attribute, Type

if TYPE_CHECKING:
    from .opdef import Op

DIALECT_GROUP = "mlir_py.dialects"


class PluginError(ImportError):
    """A plugin that cannot be imported or defines nothing to register (the tools report it and exit 1)."""


class Dialect:
    """A namespace of ops, attributes and types.

    ``attribute_parsers`` / ``type_parsers`` map a mnemonic to a hook ``f(body, parser) -> Attribute | Type``:
    ``body`` is the text between the outer ``<`` and ``>`` (``None`` when there are none), ``parser`` offers
    ``parse_type(text)`` and ``parse_attribute(text)`` for nested elements and ``error(message)``, which returns a
    :class:`~mlir_py.diagnostics.ParseError` located at the element to raise. A ``ValueError`` (or ``KeyError``,
    ``IndexError``) escaping a hook becomes the located error ``invalid type (attribute) '<text>': <message>``.
    ``materialize_constant(value, type, loc)`` builds a constant op for folding.
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
    """The loaded objects of ``group``'s entry points, by name; a broken one is skipped with a warning."""
    out = []
    for ep in sorted(entry_points(group=group), key=lambda e: e.name):
        try:
            out.append(ep.load())
        except Exception as e:  # noqa: BLE001 - a broken third-party plugin must not break the tool
            print(f"warning: skipping the {group} entry point '{ep.name} = {ep.value}': {type(e).__name__}: {e}",
                  file=sys.stderr)
    return out


def _as_list(x: Any, cls: type) -> list[Any]:
    if isinstance(x, cls):
        return [x]
    if isinstance(x, ModuleType):
        return dialects_in_module(x) if cls is Dialect else []
    if isinstance(x, (list, tuple)):
        return [d for d in x if isinstance(d, cls)]
    if callable(x) and not isinstance(x, type):
        return _as_list(x(), cls)
    return []


def _package_parts(path: str) -> tuple[str, list[str]]:
    """For a package directory or a file: (folder holding the top-level package, dotted-name parts).

    The parts are empty for a ``.py`` file that is not inside a package."""
    if os.path.isdir(path):
        folder, parts = path, []
    else:
        folder, stem = os.path.split(os.path.splitext(path)[0])
        if not os.path.isfile(os.path.join(folder, "__init__.py")):
            return folder, []
        parts = [] if stem == "__init__" else [stem]
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        folder, pkg = os.path.split(folder)
        parts.insert(0, pkg)
    return folder, parts


def _module_file(mod: ModuleType | None) -> str | None:
    f = getattr(mod, "__file__", None)
    return os.path.realpath(f) if f else None


def _exec_module(name: str, file: str, search: list[str] | None = None) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, file, submodule_search_locations=search)
    if spec is None or spec.loader is None:
        raise PluginError(f"cannot load plugin '{file}'")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    try:
        spec.loader.exec_module(mod)
    except BaseException:
        del sys.modules[name]
        raise
    return mod


def load_module_from_path(path: str) -> ModuleType:
    """Import a plugin given as a module name (``my_plugin.dialect``), a package directory or a ``.py`` file;
    raises :class:`PluginError` (an ``ImportError``) when it cannot, also for an error in the plugin's own code.

    A package directory, or a file inside a package (a folder with ``__init__.py``), is imported under its dotted
    name with the folder holding the top-level package put on ``sys.path``: relative imports work, and it is the
    very module an installed entry point loads (editable installs), so a plugin found both ways registers once.
    If another copy of that package is already imported (a non-editable install), the given one is loaded
    beside it under the name ``mlir_py_plugin_<package>``. A stand-alone file becomes ``mlir_py_plugin_<stem>``.
    Importing the same path again returns the same module.
    """
    try:
        return _import(path)
    except ImportError:
        raise
    except Exception as e:  # an error in the plugin's own code (a bad op definition, a typo)
        raise PluginError(f"error while importing plugin '{path}': {type(e).__name__}: {e}") from e


def _import(path: str) -> ModuleType:
    if not os.path.exists(path):
        return importlib.import_module(path)
    path = os.path.realpath(path)
    if os.path.isdir(path) and not os.path.isfile(os.path.join(path, "__init__.py")):
        raise PluginError(f"plugin directory '{path}' is not a Python package (it has no __init__.py)")
    folder, parts = _package_parts(path)
    if not parts:  # a stand-alone file
        stem = os.path.splitext(os.path.basename(path))[0]
        name = "mlir_py_plugin_" + stem
        if name in sys.modules and _module_file(sys.modules[name]) != path:
            name += "_" + hashlib.sha1(path.encode()).hexdigest()[:8]
        if _module_file(sys.modules.get(name)) == path:
            return sys.modules[name]
        return _exec_module(name, path)
    top_dir = os.path.join(folder, parts[0])
    loaded = sys.modules.get(parts[0])
    if loaded is None or _module_file(loaded) == os.path.join(top_dir, "__init__.py"):
        if folder not in sys.path:
            sys.path.insert(0, folder)
        return importlib.import_module(".".join(parts))
    alias = "mlir_py_plugin_" + parts[0]
    if _module_file(sys.modules.get(alias)) != os.path.join(top_dir, "__init__.py"):
        _exec_module(alias, os.path.join(top_dir, "__init__.py"), [top_dir])
    return importlib.import_module(".".join([alias, *parts[1:]]))


def dialects_in_module(mod: Any) -> list[Dialect]:
    """The dialects a plugin module offers: its ``DIALECTS``, ``DIALECT`` or ``dialect`` attribute (a Dialect,
    a list of them, or a function returning either), else every :class:`Dialect` defined at its top level."""
    for attr in ("DIALECTS", "DIALECT", "dialect"):
        if hasattr(mod, attr):
            return _as_list(getattr(mod, attr), Dialect)
    return [v for v in vars(mod).values() if isinstance(v, Dialect)]


class Context:
    """The registered dialects (MLIR's ``MLIRContext``) and the options that affect parsing."""

    def __init__(self, allow_unregistered_dialects: bool = False, load_builtin: bool = True):
        self._dialects: dict[str, Dialect] = {}
        self._ops: dict[str, type[Op]] = {}
        #: built-in dialects known by name but not imported yet (see :meth:`load_available_dialects`)
        self._pending: dict[str, Callable[[], list[Dialect]]] = {}
        self.allow_unregistered_dialects = allow_unregistered_dialects
        self._parser: Any = None
        #: blobs of ``dense_resource`` handles (``builtin`` resources), by handle
        self.resources: dict[str, Any] = {}
        if load_builtin:
            self.load_available_dialects()

    def register_dialect(self, d: Dialect) -> None:
        """Add ``d``; a dialect of the same name registered before is replaced, ops included. Registering a
        dialect again after ``add_op`` adds the new ops."""
        self._add(d)
        self._parser = None

    def _add(self, d: Dialect) -> None:
        self._pending.pop(d.name, None)
        old = self._dialects.get(d.name)
        if old is d and all(self._ops.get(n) is c for n, c in d.ops.items()):
            return
        if old is not None:
            for name in old.ops:
                self._ops.pop(name, None)
        self._dialects[d.name] = d
        self._ops.update(d.ops)

    # --- lazily imported built-in dialects ----------------------------------------------------------------------
    @property
    def dialects(self) -> dict[str, Dialect]:
        """Every registered dialect by name (imports the built-in ones not loaded yet)."""
        self._load_pending(list(self._pending))
        return self._dialects

    @property
    def ops(self) -> dict[str, type[Op]]:
        """Every registered op class by op name (imports the built-in dialects not loaded yet)."""
        self._load_pending(list(self._pending))
        return self._ops

    def dialect_names(self) -> set[str]:
        """The names of the registered dialects, without importing the pending built-in ones."""
        return set(self._dialects) | set(self._pending)

    def load_dialects(self, names: Iterable[str]) -> None:
        """Import the pending built-in dialects among ``names`` (the parser calls this with the dialects a text
        names, so a start-up only imports what the input uses)."""
        self._load_pending([n for n in names if n in self._pending])

    def _load_pending(self, names: list[str]) -> None:
        for n in names:
            loader = self._pending.pop(n, None)
            if loader is not None:
                for d in loader():
                    if d.name not in self._dialects:
                        self._add(d)

    def get_dialect(self, name: str) -> Dialect | None:
        """The dialect ``name`` (imported on first use), or None."""
        if name in self._pending:
            self._load_pending([name])
        return self._dialects.get(name)

    def load_available_dialects(self) -> None:
        """Every dialect advertised in the ``mlir_py.dialects`` entry-point group (built-ins included).

        Third-party dialects are imported now. The built-in ones (``dialects.<name>``, also those the installed
        metadata predates: a source tree, or an editable install made before a dialect was added) are only
        recorded by name and imported on first use — by the parser for the dialects a text names, or by any
        access to :attr:`dialects` / :attr:`ops` — so a start-up does not import the dozen dialect modules an
        input does not use. builtin and func are always loaded."""
        for ep in sorted(entry_points(group=DIALECT_GROUP), key=lambda e: e.name):
            module = ep.value.split(":", 1)[0]
            if module == f"dialects.{ep.name}":
                self._pending.setdefault(ep.name, _module_loader(module))
                continue
            try:
                obj = ep.load()
            except Exception as e:  # noqa: BLE001 - a broken third-party plugin must not break the tool
                print(f"warning: skipping the {DIALECT_GROUP} entry point '{ep.name} = {ep.value}': "
                      f"{type(e).__name__}: {e}", file=sys.stderr)
                continue
            for d in _as_list(obj, Dialect):
                self._add(d)
        for m in _registry_modules():
            name = m.rsplit(".", 1)[-1]
            if name not in self._dialects:
                self._pending.setdefault(name, _module_loader(m))
        self._load_pending([n for n in EAGER_DIALECTS if n in self._pending])
        self._parser = None

    def load_dialect_plugin(self, path: str) -> list[Dialect]:
        """Import ``path`` (see :func:`load_module_from_path`) and register its dialects; raises
        :class:`PluginError` when it cannot be imported or defines no dialect."""
        ds = dialects_in_module(load_module_from_path(path))
        if not ds:
            raise PluginError(f"plugin '{path}' defines no dialect (expected DIALECTS, DIALECT or a Dialect object)")
        for d in ds:
            self.register_dialect(d)
        return ds

    def get_op_class(self, name: str) -> type[Op] | None:
        cls = self._ops.get(name)
        if cls is None and name.split(".", 1)[0] in self._pending:
            self._load_pending([name.split(".", 1)[0]])
            cls = self._ops.get(name)
        return cls

    def dialect_of(self, name: str) -> Dialect | None:
        return self.get_dialect(name.split(".", 1)[0])

    @property
    def parser(self) -> Any:
        from .parser.parser import ParserSet

        if self._parser is None:
            self._parser = ParserSet(self)
        return self._parser


#: built-in dialects imported with every context (the structure of every module)
EAGER_DIALECTS = ("builtin", "func")


def _module_loader(module: str) -> Callable[[], list[Dialect]]:
    """A loader importing ``module`` and returning its dialects (none when the module does not exist)."""

    def load() -> list[Dialect]:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name != module:
                raise
            return []
        return dialects_in_module(mod)

    return load


def _registry_modules() -> list[str]:
    from dialects import BUILTIN_DIALECTS

    return list(BUILTIN_DIALECTS)
