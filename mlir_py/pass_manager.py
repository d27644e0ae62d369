"""Passes and the pass manager (MLIR's ``Pass``/``PassManager``, mlir/docs/PassManagement.md).

A pass is a subclass of :class:`Pass` registered with :func:`register_pass`::

    @register_pass
    class CanonicalizePass(Pass):
        \"\"\"Canonicalize operations: folds and registered canonicalization patterns.\"\"\"
        argument = "canonicalize"
        summary = "Canonicalize operations"
        options = [PassOption("max-iterations", int, 10, "maximum greedy driver iterations")]
        statistic_defs = {"num-folded": "Number of folded operations"}

        def run_on_operation(self, op: Operation) -> None:
            ...  # self.option("max-iterations"), self.statistics["num-folded"] += 1
            # on failure: raise self.failure("message", op)  (a located diagnostic; the pipeline stops)

``anchor`` (an op name or None for any op) says which ops the pass runs on when nested. Registration makes the
pass available as ``--<argument>`` in mlir-py-opt and in textual pipelines. ``name`` (default: the class name)
is what timing, statistics and IR dumps call the pass, as MLIR's ``Pass::getName()``.

The pass manager follows MLIR's model (PassManagement.md, "Pass Manager"): an :class:`OpPassManager` is anchored
on an op name (or ``any``) and holds passes and nested pass managers; a nested manager runs on the immediately
nested ops of its name, which must be ``IsolatedFromAbove``. Pipelines have MLIR's textual syntax
(PassManagement.md, "Textual Pass Pipeline Specification")::

    builtin.module(func.func(canonicalize{max-iterations=3 top-down=false},cse),symbol-dce)

Named pipelines register like passes (:func:`register_pipeline`). After each pass the op it ran on is verified
(``verify_each``); a failing pass stops the pipeline with a located diagnostic (:class:`PassFailure`).
Instrumentation (PassManagement.md, "Pass Instrumentation"): IR printing before/after passes, a timing report
(:class:`Timing`), pass statistics (:func:`statistics_report`).

Built-in passes are the modules of the ``passes`` package (each registers its passes on import); third-party
passes come from the entry-point group ``mlir_py.passes`` or a module path (``--load-pass-plugin``), see
:func:`load_pass_plugins`. ``python -m mlir_py.pass_manager --gen-docs`` writes the pass reference.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, TextIO

from .attributes import FileLineColLoc, StringAttr
from .diagnostics import Diagnostic, DiagnosticError, VerifyError
from .ir import Operation

PIPELINE_SOURCE = "MLIR Textual PassPipeline Parser"

# ---------------------------------------------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------------------------------------------

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}
_TYPE_NAMES: dict[Any, str] = {bool: "bool", int: "int", float: "number", str: "string"}


class PassOptionError(ValueError):
    """An option string that does not parse (unknown option, bad value)."""


def _unquote(s: str) -> str:
    """Strip one level of ``'...'``, ``"..."`` or ``{...}`` around an option value, as MLIR's option parser."""
    if len(s) >= 2 and (s[0], s[-1]) in (("'", "'"), ('"', '"'), ("{", "}")):
        return s[1:-1]
    return s


def _split_top_level(text: str, seps: str) -> list[tuple[str, int]]:
    """Split on any char of ``seps`` outside quotes, braces and parentheses: (piece, offset) pairs."""
    out: list[tuple[str, int]] = []
    depth, quote, start = 0, "", 0
    for i, c in enumerate(text):
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c in "{(":
            depth += 1
        elif c in "})":
            depth -= 1
        elif c in seps and depth == 0:
            out.append((text[start:i], start))
            start = i + 1
    out.append((text[start:], start))
    return out


def parse_options_string(text: str) -> list[tuple[str, str | None]]:
    """``"a=1 b={x y} flag"`` -> ``[("a", "1"), ("b", "x y"), ("flag", None)]`` (MLIR's pass-option syntax:
    space-separated ``key=value`` entries; values may be quoted with ``'``/``"`` or wrapped in ``{}``)."""
    out: list[tuple[str, str | None]] = []
    for piece, _ in _split_top_level(text.strip(), " \t\n"):
        if not piece:
            continue
        key, eq, value = piece.partition("=")
        out.append((key.strip(), _unquote(value.strip()) if eq else None))
    return out


@dataclass
class PassOption:
    """A typed pass option with a default (``pass{name=value}`` in pipelines, ``--pass=name=value`` as a flag).

    ``type`` parses one element from text (``bool``, ``int``, ``float``, ``str`` or any callable raising
    ``ValueError``); ``is_list`` options take comma-separated values (``pass{sizes=1,2,3}``). A bare bool option
    (``pass{flag}``) means true."""

    name: str
    type: Callable[[str], Any]
    default: Any
    description: str = ""
    is_list: bool = False

    @property
    def type_name(self) -> str:
        return _TYPE_NAMES.get(self.type, getattr(self.type, "__name__", "value").strip("_"))

    def parse(self, text: str | None) -> Any:
        if text is None:
            if self.type is bool and not self.is_list:
                return True
            raise PassOptionError(f"option '{self.name}' expects a value")
        if self.is_list:
            return [self._parse_one(p) for p, _ in _split_top_level(text, ",") if p.strip()]
        return self._parse_one(text)

    def _parse_one(self, text: str) -> Any:
        s = _unquote(text.strip())
        try:
            if self.type is bool:
                if s.lower() in _TRUE:
                    return True
                if s.lower() in _FALSE:
                    return False
                raise ValueError(s)
            if self.type is int:
                return int(s, 0)
            return self.type(s)
        except (ValueError, TypeError) as e:
            raise PassOptionError(f"invalid value '{s}' for option '{self.name}' (expected {self.type_name})") from e

    def format(self, value: Any) -> str:
        """The value as it is spelled in a textual pipeline (MLIR's ``printAsTextualPipeline``)."""
        if self.is_list:
            return ",".join(self._format_one(v) for v in value)
        return self._format_one(value)

    @staticmethod
    def _format_one(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if v is None:
            return ""
        s = str(v)
        return "{" + s + "}" if s and any(c in s for c in " ,{}()='\"") else s


# ---------------------------------------------------------------------------------------------------------------
# Pass
# ---------------------------------------------------------------------------------------------------------------


class PassFailure(DiagnosticError):
    """Raised by a pass to stop the pipeline with a located diagnostic."""


class PipelineError(DiagnosticError):
    """A textual pipeline that does not parse, or a pass that cannot be added where it was asked for.
    ``source_text`` is the pipeline text the location points into (rendered with a caret by :meth:`render`)."""

    source_text: str | None = None

    def render(self) -> str:
        from .diagnostics import SourceManager, render

        sm = SourceManager()
        if self.source_text is not None:
            sm.add(PIPELINE_SOURCE, self.source_text)
        return render(self.diagnostic, sm)


class Pass:
    """Base class of passes; see the module docstring.

    Class attributes: ``argument`` (the pipeline/flag name), ``summary`` (one line), ``name`` (the display name,
    default the class name), ``anchor`` (op name the pass runs on, None for any op), ``options``
    (:class:`PassOption` list) and ``statistic_defs`` (statistic name -> description; counters live in the
    ``statistics`` counter of the instance). The class docstring is the pass's description in the docs.
    """

    argument: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    name: ClassVar[str] = ""
    anchor: ClassVar[str | None] = None
    options: ClassVar[list[PassOption]] = []
    statistic_defs: ClassVar[dict[str, str]] = {}

    def __init__(self, **option_values: Any):
        self.option_values: dict[str, Any] = {
            o.name: list(o.default) if o.is_list else o.default for o in self.options}
        for k, v in option_values.items():
            key = k.replace("_", "-")
            if key not in self.option_values:
                raise ValueError(f"pass '{self.argument}' has no option '{key}'")
            self.option_values[key] = v
        #: counters shown by ``--mlir-pass-statistics``; a missing name counts 0
        self.statistics: Counter[str] = Counter()
        #: where ``emit_error``/``emit_warning``/``emit_remark`` put diagnostics (set by the pass manager)
        self.diagnostics: list[Diagnostic] = []
        #: the :class:`mlir_py.dialect.Context` of the pass manager, if it has one
        self.context: Any = None
        self._failed = False
        self._initialized = False

    # --- construction from text -----------------------------------------------------------------------------------
    @classmethod
    def pass_name(cls) -> str:
        return cls.name or cls.__name__

    @classmethod
    def parse_options(cls, text: str | None) -> dict[str, Any]:
        """Typed option values from an option string (``"a=1 b=x"``); raises :class:`PassOptionError`."""
        by_name = {o.name: o for o in cls.options}
        values: dict[str, Any] = {}
        for key, raw in parse_options_string(text or ""):
            opt = by_name.get(key)
            if opt is None:
                raise PassOptionError(f"no such option '{key}'")
            values[key] = opt.parse(raw)
        return values

    @classmethod
    def from_options(cls, text: str | None = None) -> Pass:
        """An instance configured from an option string, e.g. ``"max-iterations=3 top-down=false"``."""
        return cls(**{k.replace("-", "_"): v for k, v in cls.parse_options(text).items()})

    def option(self, name: str) -> Any:
        return self.option_values[name]

    def pipeline_text(self) -> str:
        """The pass as it is spelled in a textual pipeline, with every option (MLIR's printAsTextualPipeline)."""
        opts = [f"{o.name}={o.format(self.option_values[o.name])}" for o in sorted(self.options, key=lambda o: o.name)
                if not (o.is_list and not self.option_values[o.name])]
        return self.argument + ("{" + " ".join(opts) + "}" if opts else "")

    # --- running ------------------------------------------------------------------------------------------------
    def initialize(self) -> None:
        """Called once before the first run (MLIR's ``Pass::initialize``): build pattern sets here, not per op."""

    def can_schedule_on(self, op: Operation) -> bool:
        return self.anchor is None or op.name == self.anchor

    def run_on_operation(self, op: Operation) -> None:
        raise NotImplementedError

    # --- diagnostics --------------------------------------------------------------------------------------------
    def failure(self, message: str, op: Operation | None = None) -> PassFailure:
        """A located error (``'op.name' op message``) to raise; the pipeline stops."""
        err = VerifyError(message, op)
        return PassFailure(err.diagnostic)

    def _emit(self, severity: str, message: str, where: Operation | Any) -> Diagnostic:
        loc = where.location if isinstance(where, Operation) else where
        d = Diagnostic(severity, message, loc)
        self.diagnostics.append(d)
        return d

    def emit_error(self, message: str, where: Operation | Any = None) -> Diagnostic:
        """Report an error at an op (or location) and keep going; call :meth:`signal_pass_failure` to fail."""
        return self._emit("error", message, where)

    def emit_warning(self, message: str, where: Operation | Any = None) -> Diagnostic:
        return self._emit("warning", message, where)

    def emit_remark(self, message: str, where: Operation | Any = None) -> Diagnostic:
        return self._emit("remark", message, where)

    def signal_pass_failure(self) -> None:
        """Mark the current run as failed (MLIR's ``signalPassFailure``); the pipeline stops after the pass."""
        self._failed = True

    def __repr__(self) -> str:
        return f"<{self.pass_name()}: {self.pipeline_text()}>"


# ---------------------------------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------------------------------

#: argument -> pass class
PASS_REGISTRY: dict[str, type[Pass]] = {}


@dataclass
class PassPipelineInfo:
    """A named pipeline (MLIR's ``PassPipelineRegistration``). ``builder`` is a textual pass list
    (``"func.func(canonicalize,cse)"``) or a callable ``builder(pm)`` / ``builder(pm, options)`` with
    ``options`` a dict of typed option values keyed by option name."""

    argument: str
    summary: str
    builder: Callable[..., None] | str
    options: list[PassOption] = field(default_factory=list)
    description: str = ""
    module: str = ""

    def parse_options(self, text: str | None) -> dict[str, Any]:
        by_name = {o.name: o for o in self.options}
        values = {o.name: list(o.default) if o.is_list else o.default for o in self.options}
        for key, raw in parse_options_string(text or ""):
            if key not in by_name:
                raise PassOptionError(f"no such option '{key}'")
            values[key] = by_name[key].parse(raw)
        return values

    def build(self, pm: OpPassManager, options_text: str | None = None) -> None:
        values = self.parse_options(options_text)
        if isinstance(self.builder, str):
            parse_pipeline_into(pm, self.builder)
        elif len(inspect.signature(self.builder).parameters) >= 2:
            self.builder(pm, values)
        else:
            self.builder(pm)


#: argument -> named pipeline
PIPELINE_REGISTRY: dict[str, PassPipelineInfo] = {}


def register_pass(cls: type[Pass]) -> type[Pass]:
    if not cls.argument:
        raise ValueError(f"{cls.__name__} has no 'argument'")
    PASS_REGISTRY[cls.argument] = cls
    return cls


def register_pipeline(argument: str, summary: str, builder: Callable[..., None] | str,
                      options: Sequence[PassOption] = (), description: str = "") -> PassPipelineInfo:
    """Register a named pipeline, usable as ``--<argument>`` and inside textual pipelines like a pass."""
    info = PassPipelineInfo(argument, summary, builder, list(options), description,
                            sys._getframe(1).f_globals.get("__name__", ""))
    PIPELINE_REGISTRY[argument] = info
    return info


_loaded_plugins: dict[str, Any] = {}


def _register_plugin_object(obj: Any) -> None:
    """Entry-point values: a module (importing it registered its passes), a Pass subclass, a pipeline, a list of
    those, or a callable taking no arguments that registers passes or returns any of the above."""
    if inspect.ismodule(obj) or obj is None or isinstance(obj, PassPipelineInfo):
        return
    if isinstance(obj, type) and issubclass(obj, Pass):
        register_pass(obj)
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            _register_plugin_object(x)
    elif callable(obj):
        _register_plugin_object(obj())


def load_pass_plugin(path: str) -> Any:
    """Load a pass plugin from a ``.py`` file, package directory or module name (``--load-pass-plugin``).

    Importing the module registers its passes (``@register_pass``); a ``PASSES`` list or a ``register()``
    function in the module is honoured as well. Loading the same path twice is a no-op. Raises
    :class:`mlir_py.dialect.PluginError` (an ``ImportError``) when the module does not import or registers
    nothing."""
    from .dialect import PluginError, load_module_from_path

    key = os.path.abspath(path) if os.path.exists(path) else path
    if key in _loaded_plugins:
        return _loaded_plugins[key]
    before = (dict(PASS_REGISTRY), dict(PIPELINE_REGISTRY))
    mod = load_module_from_path(path)
    for attr in ("PASSES", "register"):
        if hasattr(mod, attr):
            _register_plugin_object(getattr(mod, attr))
    prefix = mod.__name__
    mine = [c.__module__ for c in PASS_REGISTRY.values()] + [p.module for p in PIPELINE_REGISTRY.values()]
    if (PASS_REGISTRY, PIPELINE_REGISTRY) == before and not any(
            m == prefix or m.startswith(prefix + ".") for m in mine):
        raise PluginError(f"pass plugin '{path}' registers no pass or pass pipeline")
    _loaded_plugins[key] = mod
    return mod


_builtins_loaded = False


def load_pass_plugins(entry_points_too: bool = True) -> None:
    """Register the built-in passes (every module of the ``passes`` package) and, once, every entry point of
    the ``mlir_py.passes`` group (as ``mlir_py.dialects`` for dialects)."""
    global _builtins_loaded
    if _builtins_loaded:
        return
    _builtins_loaded = True
    import passes

    passes.load_builtin_passes()
    if entry_points_too:
        from importlib.metadata import entry_points

        for ep in sorted(entry_points(group="mlir_py.passes"), key=lambda e: e.name):
            try:
                _register_plugin_object(ep.load())
            except Exception as e:  # a broken third-party plugin must not break the tool
                print(f"warning: failed to load pass plugin '{ep.name}': {e}", file=sys.stderr)


# ---------------------------------------------------------------------------------------------------------------
# Pass managers
# ---------------------------------------------------------------------------------------------------------------


class OpPassManager:
    """Passes and nested pass managers that run on ops named ``op_name`` (``None``: any op; PassManagement.md,
    "OpPassManager"). With ``nesting="implicit"``, adding a pass anchored on another op nests it (as mlir-opt's
    pass flags do); with ``"explicit"`` that is an error."""

    def __init__(self, op_name: str | None = "builtin.module", nesting: str = "explicit"):
        self.op_name = op_name
        self.nesting = nesting
        self.passes: list[Pass | OpPassManager] = []

    @property
    def anchor_name(self) -> str:
        return self.op_name or "any"

    def add(self, p: Pass | str) -> OpPassManager:
        """Append a pass, or a textual pass list (``"canonicalize{max-iterations=3},func.func(cse)"``)."""
        if isinstance(p, str):
            parse_pipeline_into(self, p)
            return self
        if p.anchor is not None and self.op_name is not None and p.anchor != self.op_name:
            if self.nesting != "implicit":
                raise PipelineError(Diagnostic(
                    "error", f"can't add pass '{p.argument}' restricted to '{p.anchor}' on a PassManager intended "
                             f"to run on '{self.anchor_name}', did you intend to nest?"))
            last = self.passes[-1] if self.passes else None
            nested = last if isinstance(last, OpPassManager) and last.op_name == p.anchor else self.nest(p.anchor)
            nested.add(p)
            return self
        self.passes.append(p)
        return self

    def nest(self, op_name: str | None) -> OpPassManager:
        """A new nested manager running on the immediately nested ops named ``op_name`` (None: any)."""
        pm = OpPassManager(op_name, self.nesting)
        self.passes.append(pm)
        return pm

    def pipeline_text(self) -> str:
        inner = ",".join(p.pipeline_text() for p in self.passes)
        return f"{self.anchor_name}({inner})"

    def coalesce(self) -> None:
        """Merge adjacent nested managers on the same op (``func.func(a),func.func(b)`` runs as
        ``func.func(a,b)``), recursively, as MLIR's ``OpPassManagerImpl::coalesceAdjacentAdaptorPasses``."""
        out: list[Pass | OpPassManager] = []
        for p in self.passes:
            if isinstance(p, OpPassManager):
                prev = out[-1] if out else None
                if isinstance(prev, OpPassManager) and prev.op_name == p.op_name:
                    prev.passes.extend(p.passes)
                    continue
            out.append(p)
        self.passes = out
        for p in out:
            if isinstance(p, OpPassManager):
                p.coalesce()

    def all_passes(self) -> Iterator[Pass]:
        for p in self.passes:
            if isinstance(p, OpPassManager):
                yield from p.all_passes()
            else:
                yield p

    def __str__(self) -> str:
        return self.pipeline_text()


class PassInstrumentation:
    """Hooks around every pass execution (MLIR's ``PassInstrumentation``)."""

    def run_before_pass(self, p: Pass, op: Operation) -> None:
        pass

    def run_after_pass(self, p: Pass, op: Operation) -> None:
        pass

    def run_after_pass_failed(self, p: Pass, op: Operation) -> None:
        pass


def _sym_suffix(op: Operation) -> str:
    s = op.get_attr("sym_name")
    return f": @{s.value}" if isinstance(s, StringAttr) else ""


class IRPrinterInstrumentation(PassInstrumentation):
    """``--mlir-print-ir-{before,after}{-all,=PASS}``, ``-after-change``, ``-after-failure``,
    ``-module-scope`` (mlir/lib/Pass/IRPrinting.cpp). Headers as MLIR's:
    ``// -----// IR Dump After CSEPass: cse //----- //`` (``Failed`` after a failed pass)."""

    def __init__(self, before: Callable[[Pass], bool] | None = None, after: Callable[[Pass], bool] | None = None,
                 after_only_on_change: bool = False, after_only_on_failure: bool = False,
                 module_scope: bool = False, stream: TextIO | None = None,
                 printer_options: dict[str, Any] | None = None):
        self.before, self.after = before, after
        self.after_only_on_change, self.after_only_on_failure = after_only_on_change, after_only_on_failure
        self.module_scope = module_scope
        self.stream = stream
        self.printer_options = printer_options or {}
        self._fingerprints: dict[int, str] = {}

    def _dump(self, title: str, p: Pass, op: Operation) -> None:
        from .printer import Printer

        target = op
        if self.module_scope:
            while target.parent_op is not None:
                target = target.parent_op
        head = f"// -----// IR Dump {title}: {p.pipeline_text()}"
        if self.module_scope:
            head += f" ('{op.name}' operation{_sym_suffix(op)})"
        text = Printer(**self.printer_options).print_top(target)
        out = self.stream or sys.stderr
        out.write(head + " //----- //\n" + text + ("\n\n" if target.parent_op is None else "\n"))
        out.flush()

    @staticmethod
    def _fingerprint(op: Operation) -> str:
        from .printer import Printer

        return Printer(generic=True, debuginfo=True).print_top(op)

    def run_before_pass(self, p: Pass, op: Operation) -> None:
        if self.after_only_on_change:
            self._fingerprints[id(p)] = self._fingerprint(op)
        if self.before is not None and self.before(p):
            self._dump(f"Before {p.pass_name()}", p, op)

    def run_after_pass(self, p: Pass, op: Operation) -> None:
        before = self._fingerprints.pop(id(p), None)
        if self.after_only_on_failure or self.after is None or not self.after(p):
            return
        if self.after_only_on_change and before == self._fingerprint(op):
            return
        self._dump(f"After {p.pass_name()}", p, op)

    def run_after_pass_failed(self, p: Pass, op: Operation) -> None:
        self._fingerprints.pop(id(p), None)
        if self.after is not None and self.after(p):
            self._dump(f"After {p.pass_name()} Failed", p, op)


class Timer:
    """One line of the timing report: accumulated wall time and ordered children."""

    __slots__ = ("name", "wall", "children")

    def __init__(self, name: str):
        self.name = name
        self.wall = 0.0
        self.children: dict[Any, Timer] = {}

    def child(self, key: Any, name: str) -> Timer:
        t = self.children.get(key)
        if t is None:
            t = self.children[key] = Timer(name)
        return t


_RULE = "===" + "-" * 73 + "==="


class Timing:
    """Wall-clock timers nested like the pass pipeline (MLIR's ``DefaultTimingManager``; PassManagement.md,
    "Pass Timing"). The tool times ``Parser`` and ``Output``; the pass manager adds a line per pass and a
    ``'op' Pipeline`` line per nested manager. :meth:`report` renders MLIR's "Execution time report"."""

    def __init__(self) -> None:
        self.root = Timer("root")
        self._stack = [self.root]
        self._start = time.perf_counter()

    def start(self, key: Any, name: str) -> tuple[Timer, float]:
        t = self._stack[-1].child(key, name)
        self._stack.append(t)
        return t, time.perf_counter()

    def stop(self, token: tuple[Timer, float]) -> None:
        t, start = token
        t.wall += time.perf_counter() - start
        self._stack.pop()

    def scope(self, name: str, key: Any = None) -> _TimingScope:
        return _TimingScope(self, key if key is not None else name, name)

    def report(self, display: str = "tree") -> str:
        total = time.perf_counter() - self._start
        lines = [_RULE, " " * 25 + "... Execution time report ...", _RULE,
                 f"  Total Execution Time: {total:.4f} seconds", "", "  ----Wall Time----  ----Name----"]

        def line(t: float, name: str, depth: int) -> str:
            pct = 100.0 * t / total if total > 0 else 0.0
            return f"{t:10.4f} ({pct:5.1f}%)  {'  ' * depth}{name}"

        if display == "list":
            merged: dict[str, float] = {}

            def collect(t: Timer) -> None:
                for c in t.children.values():
                    merged[c.name] = merged.get(c.name, 0.0) + c.wall
                    collect(c)

            collect(self.root)
            for name, wall in sorted(merged.items(), key=lambda kv: -kv[1]):
                lines.append(line(wall, name, 0))
        else:
            def walk(t: Timer, depth: int) -> None:
                for c in t.children.values():
                    lines.append(line(c.wall, c.name, depth))
                    walk(c, depth + 1)

            walk(self.root, 0)
        rest = total - sum(c.wall for c in self.root.children.values())
        lines.append(line(max(rest, 0.0), "Rest", 0))
        lines.append(line(total, "Total", 0))
        return "\n".join(lines) + "\n"


class _TimingScope:
    __slots__ = ("timing", "key", "name", "token")

    def __init__(self, timing: Timing, key: Any, name: str):
        self.timing, self.key, self.name = timing, key, name

    def __enter__(self) -> None:
        self.token = self.timing.start(self.key, self.name)

    def __exit__(self, *exc: Any) -> None:
        self.timing.stop(self.token)


class PassManager(OpPassManager):
    """The top-level pass manager (MLIR's ``PassManager``): runs its pipeline on one op.

    ``verify_each`` verifies the op a pass ran on after every pass (PassManagement.md, "Verification").
    :meth:`run` raises :class:`PassFailure` carrying the first error when a pass fails, the IR fails to verify
    after a pass, or a nested pass manager cannot be scheduled; every diagnostic a pass emits (remarks, warnings,
    errors) is appended to ``diagnostics``. Exceptions that are not diagnostics are bugs: they propagate with
    ``mlir_py_context`` naming the pass and the op (the tools print it as an internal error)."""

    def __init__(self, op_name: str | None = "builtin.module", context: Any = None, verify_each: bool = True,
                 nesting: str = "explicit"):
        super().__init__(op_name, nesting)
        self.context = context
        self.verify_each = verify_each
        self.instrumentations: list[PassInstrumentation] = []
        self.timing: Timing | None = None

    @classmethod
    def parse(cls, text: str, context: Any = None, verify_each: bool = True) -> PassManager:
        """A pass manager from a textual pipeline anchored on an op, e.g. ``builtin.module(func.func(cse))``."""
        nested = parse_pass_pipeline(text)
        pm = cls(nested.op_name, context, verify_each)
        pm.passes = nested.passes
        return pm

    def add_instrumentation(self, inst: PassInstrumentation) -> None:
        self.instrumentations.append(inst)

    def enable_ir_printing(self, **kw: Any) -> IRPrinterInstrumentation:
        inst = IRPrinterInstrumentation(**kw)
        self.add_instrumentation(inst)
        return inst

    def enable_timing(self, timing: Timing | None = None) -> Timing:
        self.timing = timing or Timing()
        return self.timing

    def time(self, name: str) -> Any:
        """A context manager timing ``name`` (e.g. ``Parser``, ``Output``) when timing is enabled."""
        return self.timing.scope(name) if self.timing is not None else contextlib.nullcontext()

    # --- running --------------------------------------------------------------------------------------------------
    def run(self, op: Operation, diagnostics: list[Diagnostic] | None = None) -> None:
        sink = diagnostics if diagnostics is not None else []
        if self.op_name is not None and op.name != self.op_name:
            d = Diagnostic("error", f"can't run '{self.op_name}' pass manager on '{op.name}' op", op.location)
            sink.append(d)
            raise PassFailure(d)
        self.coalesce()
        for p in self.all_passes():
            p.context = self.context
            p.diagnostics = sink
            if not p._initialized:
                p.initialize()
                p._initialized = True
        self._run_pipeline(self, op, sink)

    def _run_pipeline(self, pm: OpPassManager, op: Operation, sink: list[Diagnostic]) -> None:
        for p in pm.passes:
            if isinstance(p, OpPassManager):
                self._run_nested(p, op, sink)
            elif p.can_schedule_on(op):
                self._run_pass(p, op, sink)
            else:
                self._fail(sink, f"'{op.name}' op trying to schedule pass '{p.argument}' restricted to "
                                 f"'{p.anchor}' on it", op)

    @staticmethod
    def _fail(sink: list[Diagnostic], message: str, op: Operation) -> None:
        d = Diagnostic("error", message, op.location)
        sink.append(d)
        raise PassFailure(d)

    def _run_nested(self, pm: OpPassManager, parent: Operation, sink: list[Diagnostic]) -> None:
        from .opdef import IsolatedFromAbove

        token = self.timing.start(id(pm), f"'{pm.anchor_name}' Pipeline") if self.timing else None
        try:
            children = [c for r in parent.regions for b in r.blocks for c in b.ops]
            for child in children:
                if pm.op_name is not None:
                    if child.name != pm.op_name:
                        continue
                    if not child.registered:
                        self._fail(sink, f"'{child.name}' op trying to schedule a pass on an unregistered operation",
                                   child)
                    if not child.has_trait(IsolatedFromAbove):
                        self._fail(sink, f"'{child.name}' op trying to schedule a pass on an operation not marked "
                                         "as 'IsolatedFromAbove'", child)
                elif not (child.registered and child.has_trait(IsolatedFromAbove)
                          and all(p.can_schedule_on(child) for p in pm.passes if isinstance(p, Pass))):
                    continue
                self._run_pipeline(pm, child, sink)
        finally:
            if token is not None and self.timing is not None:
                self.timing.stop(token)

    def _run_pass(self, p: Pass, op: Operation, sink: list[Diagnostic]) -> None:
        """Run one pass on one op: instrumentation before, the pass, verification, instrumentation after (the
        order of MLIR's ``OpToOpPassAdaptor::run``; the pass's timer covers the verification, as MLIR's)."""
        for inst in self.instrumentations:
            inst.run_before_pass(p, op)
        token = self.timing.start(id(p), p.pass_name()) if self.timing else None
        try:
            error = self._execute(p, op, sink)
        finally:
            if token is not None and self.timing is not None:
                self.timing.stop(token)
        if error is not None:
            for inst in self.instrumentations:
                inst.run_after_pass_failed(p, op)
            raise PassFailure(error)
        for inst in self.instrumentations:
            inst.run_after_pass(p, op)

    def _execute(self, p: Pass, op: Operation, sink: list[Diagnostic]) -> Diagnostic | None:
        """The pass then the verifier; the error that fails the pass, if any."""
        from .verifier import verify

        n_before = len(sink)
        p._failed = False
        try:
            p.run_on_operation(op)
        except DiagnosticError as e:
            if not any(d is e.diagnostic for d in sink[n_before:]):  # not reported yet (by emit_error, a pipeline)
                sink.append(e.diagnostic)
            return e.diagnostic
        except Exception as e:
            if not getattr(e, "mlir_py_context", ""):  # the innermost pass (a nested pipeline's) is the culprit
                sym = op.get_attr("sym_name")
                where = f" (@{sym.value})" if isinstance(sym, StringAttr) else ""
                e.mlir_py_context = f" in pass '{p.argument}' on '{op.name}'{where}"  # type: ignore[attr-defined]
            raise
        if p._failed:
            error = next((d for d in sink[n_before:] if d.severity == "error"), None)
            if error is None:
                error = Diagnostic("error", f"pass '{p.argument}' failed", op.location)
                sink.append(error)
            return error
        if self.verify_each:
            try:
                verify(op)
            except DiagnosticError as e:
                sink.append(e.diagnostic)
                return e.diagnostic
        return None


def statistics_report(pm: OpPassManager, display: str = "pipeline") -> str:
    """MLIR's "Pass statistics report" (``--mlir-pass-statistics``): per pass ``(S) value name - description``;
    ``pipeline`` display nests like the pipeline, ``list`` merges passes by name."""
    lines = [_RULE, " " * 25 + "... Pass statistics report ...", _RULE]

    def entry(name: str, stats: dict[str, tuple[int, str]], indent: int) -> None:
        lines.append(" " * indent + name)
        if not stats:
            return
        wn = max(len(k) for k in stats)
        wv = max(len(str(v)) for v, _ in stats.values())
        for k in sorted(stats):
            v, desc = stats[k]
            lines.append(" " * (indent + 2) + f"(S) {v:>{wv}} {k:<{wn}} - {desc}")

    def stats_of(p: Pass) -> dict[str, tuple[int, str]]:
        names = set(p.statistic_defs) | set(p.statistics)
        return {k: (p.statistics.get(k, 0), p.statistic_defs.get(k, "")) for k in names}

    if display == "list":
        merged: dict[str, dict[str, tuple[int, str]]] = {}
        for p in pm.all_passes():
            acc = merged.setdefault(p.pass_name(), {})
            for k, (v, d) in stats_of(p).items():
                acc[k] = (acc.get(k, (0, d))[0] + v, d)
        for name in sorted(merged):
            if merged[name]:
                entry(name, merged[name], 2)
    else:
        def walk(m: OpPassManager, indent: int) -> None:
            for p in m.passes:
                if isinstance(p, OpPassManager):
                    lines.append(" " * indent + f"'{p.anchor_name}' Pipeline")
                    walk(p, indent + 2)
                else:
                    entry(p.pass_name(), stats_of(p), indent)

        walk(pm, 0)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# Textual pipelines
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class _Element:
    name: str
    pos: int
    options: str | None = None
    inner: list[_Element] | None = None


class _PipelineParser:
    """``pipeline ::= op-name '(' element (',' element)* ')'``, ``element ::= pipeline | name ('{' options '}')?``
    (PassManagement.md, "Textual Pass Pipeline Specification"). Errors are located in the pipeline text."""

    _NAME_END = frozenset("(){},")

    def __init__(self, text: str, source: str = PIPELINE_SOURCE):
        self.text, self.source, self.pos = text, source, 0

    def error(self, message: str, pos: int) -> PipelineError:
        err = PipelineError(Diagnostic("error", message, FileLineColLoc(self.source, 1, pos + 1)))
        err.source_text = self.text
        return err

    def skip_ws(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def parse_list(self, open_pos: int | None) -> list[_Element]:
        elems: list[_Element] = []
        while True:
            elems.append(self.parse_element())
            self.skip_ws()
            c = self.peek()
            if c == ",":
                self.pos += 1
                continue
            if c == ")":
                if open_pos is None:
                    raise self.error("encountered extra closing ')' creating unbalanced parentheses while parsing "
                                     "pipeline", self.pos)
                return elems
            if c == "":
                if open_pos is not None:
                    raise self.error("encountered unbalanced parentheses while parsing pipeline", open_pos)
                return elems
            raise self.error(f"expected ',' after '{elems[-1].name}' in the pass pipeline", self.pos)

    def parse_element(self) -> _Element:
        self.skip_ws()
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in self._NAME_END \
                and not self.text[self.pos].isspace():
            self.pos += 1
        e = _Element(self.text[start:self.pos], start)
        self.skip_ws()
        c = self.peek()
        if c == "{":
            end = self._matching(self.pos, "{", "}")
            if end < 0:
                raise self.error("missing closing '}' while processing pass options", self.pos)
            e.options = self.text[self.pos + 1:end]
            self.pos = end + 1
        elif c == "(":
            open_pos = self.pos
            self.pos += 1
            self.skip_ws()
            if self.peek() == ")":
                e.inner = []
            else:
                e.inner = self.parse_list(open_pos)
            self.pos += 1  # ')'
        return e

    def _matching(self, pos: int, open_c: str, close_c: str) -> int:
        depth, quote = 0, ""
        for i in range(pos, len(self.text)):
            c = self.text[i]
            if quote:
                if c == quote:
                    quote = ""
            elif c in "'\"":
                quote = c
            elif c == open_c:
                depth += 1
            elif c == close_c:
                depth -= 1
                if depth == 0:
                    return i
        return -1

    def add_to(self, pm: OpPassManager, elems: list[_Element]) -> None:
        for e in elems:
            if e.inner is not None:
                self.add_to(pm.nest(None if e.name == "any" else e.name), e.inner)
                continue
            cls = PASS_REGISTRY.get(e.name)
            info = PIPELINE_REGISTRY.get(e.name) if cls is None else None
            if cls is None and info is None:
                raise self.error(f"'{e.name}' does not refer to a registered pass or pass pipeline", e.pos)
            try:
                if cls is not None:
                    pm.add(cls.from_options(e.options))
                else:
                    assert info is not None
                    info.build(pm, e.options)
            except PassOptionError as err:
                raise self.error(f"failed to add `{e.name}` with options `{e.options or ''}`: {err}", e.pos) from err
            except PipelineError as err:
                if isinstance(err.diagnostic.location, FileLineColLoc):
                    raise
                raise self.error(err.diagnostic.message, e.pos) from err


def parse_pipeline_into(pm: OpPassManager, text: str, source: str = PIPELINE_SOURCE) -> None:
    """Add a textual pass list (``"canonicalize,func.func(cse)"``) to ``pm``; raises :class:`PipelineError`."""
    if not text.strip():
        return
    p = _PipelineParser(text, source)
    p.add_to(pm, p.parse_list(None))


def parse_pass_pipeline(text: str, source: str = PIPELINE_SOURCE) -> OpPassManager:
    """An :class:`OpPassManager` from a pipeline anchored on an op: ``builtin.module(func.func(cse))``."""
    p = _PipelineParser(text, source)
    elems = p.parse_list(None)
    if len(elems) != 1 or elems[0].inner is None:
        raise p.error("expected pass pipeline to be wrapped with the anchor operation type, e.g. "
                      "'builtin.module(...)'", 0)
    top = elems[0]
    pm = OpPassManager(None if top.name == "any" else top.name)
    assert top.inner is not None
    p.add_to(pm, top.inner)
    return pm


# ---------------------------------------------------------------------------------------------------------------
# Command line (MLIR's PassPipelineCLParser and PassManagerCLOptions, used by mlir-py-opt)
# ---------------------------------------------------------------------------------------------------------------


def _bool_arg(s: str) -> bool:
    if s.lower() in _TRUE:
        return True
    if s.lower() in _FALSE:
        return False
    raise ValueError(f"'{s}' is invalid value for boolean argument! Try 0 or 1")


_bool_arg.__name__ = "bool"


class PassCommandLine:
    """The pass-related part of ``mlir-py-opt``'s command line.

    * every registered pass and pipeline is a flag: ``--cse``, ``--canonicalize=max-iterations=3``,
      ``--canonicalize="max-iterations=3 top-down=false"`` (one dash works too, as with LLVM's ``cl``);
    * ``--pass-pipeline='builtin.module(...)'`` (or ``-p``), any number of times;
    * all of them are applied in command-line order (mlir-opt forbids mixing the two forms; we allow it);
    * ``--verify-each``, ``--mlir-print-ir-*``, ``--mlir-timing``, ``--mlir-pass-statistics`` (see
      :meth:`add_arguments`).

    Use: :meth:`preload` plugins, :meth:`extract` the pass flags from argv (before argparse, so that ``--cse
    input.mlir`` never takes the file as an option value), :meth:`add_arguments` to the parser, then
    :meth:`build` the pass manager and print :meth:`reports` at the end."""

    def __init__(self) -> None:
        #: ("pass", argument, options or None) / ("pipeline", text, None), in command-line order
        self.items: list[tuple[str, str, str | None]] = []

    @staticmethod
    def preload(argv: Sequence[str]) -> None:
        """Load the built-in passes, the entry points, then the ``--load-pass-plugin`` paths (which win over an
        installed copy of the same plugin), so that their flags are known before the command line is parsed."""
        load_pass_plugins()
        for i, a in enumerate(argv):
            if a.startswith("--load-pass-plugin="):
                load_pass_plugin(a.split("=", 1)[1])
            elif a == "--load-pass-plugin" and i + 1 < len(argv):
                load_pass_plugin(argv[i + 1])

    def extract(self, argv: Sequence[str]) -> list[str]:
        """Record the pass and pipeline flags of ``argv`` and return the other arguments."""
        rest: list[str] = []
        i = 0
        while i < len(argv):
            a = argv[i]
            if a == "--":
                rest.extend(argv[i:])
                break
            name, eq, value = a.lstrip("-").partition("=") if a.startswith("-") and len(a) > 1 else ("", "", "")
            if name in ("pass-pipeline", "p") and a.startswith("-"):
                if not eq:
                    i += 1
                    value = argv[i] if i < len(argv) else ""
                self.items.append(("pipeline", value, None))
            elif name and (name in PASS_REGISTRY or name in PIPELINE_REGISTRY):
                self.items.append(("pass", name, value if eq else None))
            elif name == "verify-each" and not eq:
                rest.append("--verify-each=true")
            else:
                rest.append(a)
            i += 1
        return rest

    @staticmethod
    def add_arguments(p: Any) -> None:
        """The pass-manager options of mlir-opt (mlir/lib/Pass/PassManagerOptions.cpp) on an argparse parser."""
        g = p.add_argument_group("pass manager")
        g.add_argument("--pass-pipeline", "-p", metavar="PIPELINE",
                       help="a textual pass pipeline, e.g. 'builtin.module(func.func(canonicalize,cse))'")
        g.add_argument("--verify-each", type=_bool_arg, default=True, metavar="BOOL",
                       help="verify the IR after each pass (default: true)")
        g.add_argument("--list-passes", action="store_true", help="print the registered passes and pipelines")
        g.add_argument("--mlir-print-ir-before-all", action="store_true", help="print the IR before every pass")
        g.add_argument("--mlir-print-ir-after-all", action="store_true", help="print the IR after every pass")
        g.add_argument("--mlir-print-ir-before", action="append", default=[], metavar="PASS",
                       help="print the IR before the given passes (repeatable, comma-separated)")
        g.add_argument("--mlir-print-ir-after", action="append", default=[], metavar="PASS",
                       help="print the IR after the given passes (repeatable, comma-separated)")
        g.add_argument("--mlir-print-ir-after-change", action="store_true",
                       help="print the IR after a pass only if it changed the IR (implies after-all if no other "
                            "after filter is given)")
        g.add_argument("--mlir-print-ir-after-failure", action="store_true",
                       help="print the IR after a pass fails")
        g.add_argument("--mlir-print-ir-module-scope", action="store_true",
                       help="print the whole top-level op, not just the op the pass ran on")
        g.add_argument("--mlir-timing", action="store_true", help="display execution times")
        g.add_argument("--mlir-timing-display", choices=["tree", "list"], default="tree",
                       help="timing report layout (default: tree)")
        g.add_argument("--mlir-pass-statistics", action="store_true", help="display the statistics of each pass")
        g.add_argument("--mlir-pass-statistics-display", choices=["pipeline", "list"], default="pipeline",
                       help="statistics report layout (default: pipeline)")
        g.add_argument("--mlir-disable-threading", action="store_true",
                       help="accepted for mlir-opt compatibility (mlir-py runs passes on one thread)")

    @staticmethod
    def _pass_names(values: Sequence[str], flag: str) -> set[str]:
        names = {n.strip() for v in values for n in v.split(",") if n.strip()}
        for n in names:
            if n not in PASS_REGISTRY:
                raise PipelineError(Diagnostic("error", f"for the --{flag} option: Cannot find option named '{n}'!"))
        return names

    def build(self, args: Any, context: Any = None) -> PassManager:
        """The pass manager for the recorded flags and the options in ``args``; raises :class:`PipelineError`."""
        pm = PassManager("builtin.module", context, getattr(args, "verify_each", True), nesting="implicit")
        for kind, text, opts in self.items:
            if kind == "pipeline":
                nested = parse_pass_pipeline(text)
                if nested.op_name not in (None, "builtin.module"):
                    raise PipelineError(Diagnostic(
                        "error", f"can't run '{nested.op_name}' pass manager on 'builtin.module' op"))
                pm.passes.extend(nested.passes)
                continue
            if opts is not None and opts.startswith("{") and opts.endswith("}"):
                opts = opts[1:-1]
            try:
                cls = PASS_REGISTRY.get(text)
                if cls is not None:
                    pm.add(cls.from_options(opts))
                else:
                    PIPELINE_REGISTRY[text].build(pm, opts)
            except PassOptionError as e:
                raise PipelineError(Diagnostic("error", f"failed to add `{text}` with options `{opts or ''}`: {e}")) from e
        before = self._pass_names(args.mlir_print_ir_before, "mlir-print-ir-before")
        after = self._pass_names(args.mlir_print_ir_after, "mlir-print-ir-after")
        after_all = args.mlir_print_ir_after_all or args.mlir_print_ir_after_failure or (
            args.mlir_print_ir_after_change and not after)
        if args.mlir_print_ir_before_all or before or after_all or after:
            pm.enable_ir_printing(
                before=(lambda p: True) if args.mlir_print_ir_before_all else
                (lambda p: p.argument in before) if before else None,
                after=(lambda p: True) if after_all else (lambda p: p.argument in after) if after else None,
                after_only_on_change=args.mlir_print_ir_after_change,
                after_only_on_failure=args.mlir_print_ir_after_failure and not (
                    args.mlir_print_ir_after_all or after or args.mlir_print_ir_after_change),
                module_scope=args.mlir_print_ir_module_scope,
                printer_options={"generic": getattr(args, "mlir_print_op_generic", False),
                                 "debuginfo": getattr(args, "mlir_print_debuginfo", False)})
        if args.mlir_timing:
            pm.enable_timing()
        return pm

    @staticmethod
    def reports(pm: PassManager, args: Any) -> str:
        """The statistics and timing reports asked for (printed on stderr at exit, as mlir-opt)."""
        out = ""
        if args.mlir_pass_statistics:
            out += statistics_report(pm, args.mlir_pass_statistics_display)
        if pm.timing is not None:
            out += pm.timing.report(args.mlir_timing_display)
        return out

    @staticmethod
    def help_text(width: int = 40) -> str:
        """The "Compiler passes to run" section of ``--help`` (registered passes, pipelines and their options)."""
        load_pass_plugins()
        lines = ["Compiler passes to run:", "  Passes:"]

        def opts(options: Sequence[PassOption]) -> None:
            for o in options:
                flag = f"--{o.name}" + ("" if o.type is bool and not o.is_list else f"=<{o.type_name}>")
                lines.append(f"      {flag:<{width - 2}} - {o.description}".rstrip())

        for arg in sorted(PASS_REGISTRY):
            c = PASS_REGISTRY[arg]
            lines.append(f"    {'--' + arg:<{width}} -   {c.summary}".rstrip())
            opts(c.options)
        lines.append("  Pass Pipelines:")
        for arg in sorted(PIPELINE_REGISTRY):
            info = PIPELINE_REGISTRY[arg]
            lines.append(f"    {'--' + arg:<{width}} -   {info.summary}".rstrip())
            opts(info.options)
        return "\n".join(lines)

    @staticmethod
    def list_text() -> str:
        """``--list-passes``: one ``argument - summary`` line per pass, then the pipelines."""
        load_pass_plugins()
        w = max((len(a) for a in (*PASS_REGISTRY, *PIPELINE_REGISTRY)), default=0)
        lines = ["Passes:"] + [f"  {a:<{w}}  {PASS_REGISTRY[a].summary}" for a in sorted(PASS_REGISTRY)]
        lines += ["Pass Pipelines:"] + [f"  {a:<{w}}  {PIPELINE_REGISTRY[a].summary}" for a in sorted(PIPELINE_REGISTRY)]
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# Reference documentation
# ---------------------------------------------------------------------------------------------------------------

DOCS_COMMAND = "python -m mlir_py.pass_manager --gen-docs -o docs/passes.md"


def _md(text: str) -> str:
    """Docstring (reST-ish) to Markdown: ``code`` and :func:`x` -> `code`, a ``::`` literal-block marker -> ``:``."""
    text = re.sub(r"``(.+?)``", r"`\1`", inspect.cleandoc(text))
    text = re.sub(r":(?:func|class|meth|mod|attr|data):`~?([^`]+)`", r"`\1`", text)
    return re.sub(r"::$", ":", text, flags=re.M).strip()


def _options_table(options: Sequence[PassOption]) -> list[str]:
    rows = ["Options:", "", "| option | type | default | description |", "|---|---|---|---|"]
    for o in options:
        default = o.format(o.default)
        rows.append(f"| `{o.name}` | {o.type_name}{' list' if o.is_list else ''} | {f'`{default}`' if default else ''} "
                    f"| {o.description} |")
    return rows if options else []


def gen_docs(builtin_only: bool = True) -> str:
    """The pass reference (docs/passes.md) generated from the registered pass and pipeline definitions: per pass
    its summary, class docstring, options, statistics, and (once per module) the module docstring."""
    load_pass_plugins(entry_points_too=not builtin_only)

    def builtin(module: str) -> bool:
        return not builtin_only or module == "passes" or module.startswith("passes.")

    blocks: list[str] = [
        "# Pass reference",
        f"<!-- Generated from the pass definitions by `{DOCS_COMMAND}`; do not edit. -->",
        "Every pass runs as its own `mlir-py-opt` flag (`--cse`, `--canonicalize=\"max-iterations=3\"`) or inside "
        "a textual pipeline (`--pass-pipeline='builtin.module(func.func(canonicalize,cse))'`); pass options are "
        "written `pass{opt=value list=1,2}`. See `docs/tutorials/writing-a-pass.md` to write one.",
        "## Passes"]
    documented: set[str] = set()
    for c in sorted((c for c in PASS_REGISTRY.values() if builtin(c.__module__)), key=lambda c: c.argument):
        where = f"`{c.anchor}`" if c.anchor else "any op"
        blocks += [f"### `{c.argument}`", f"_{c.summary}_ — `{c.pass_name()}`, runs on {where}; `{c.__module__}`."]
        if c.__doc__ and c.__doc__ is not Pass.__doc__:
            blocks.append(_md(c.__doc__))
        if c.options:
            blocks.append("\n".join(_options_table(c.options)))
        if c.statistic_defs:
            blocks.append("\n".join(["Statistics:", "", "| statistic | description |", "|---|---|"] +
                                    [f"| `{k}` | {v} |" for k, v in sorted(c.statistic_defs.items())]))
        mod = sys.modules.get(c.__module__)
        if mod is not None and mod.__doc__ and c.__module__ not in documented:
            documented.add(c.__module__)
            blocks += [f"#### About `{c.__module__}`", _md(mod.__doc__)]
    pipelines = sorted((p for p in PIPELINE_REGISTRY.values() if builtin(p.module)), key=lambda p: p.argument)
    if pipelines:
        blocks.append("## Pass pipelines")
    for p in pipelines:
        blocks += [f"### `{p.argument}`", f"_{p.summary}_ — `{p.module}`."]
        if p.description:
            blocks.append(_md(p.description))
        if isinstance(p.builder, str):
            blocks.append(f"Pipeline: `{p.builder}`")
        if p.options:
            blocks.append("\n".join(_options_table(p.options)))
    return "\n\n".join(b.strip("\n") for b in blocks) + "\n"


def _main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m mlir_py.pass_manager", description="pass registry tools")
    ap.add_argument("--gen-docs", action="store_true", help="write the pass reference (Markdown)")
    ap.add_argument("-o", dest="output", default="-", help="output file ('-' for stdout)")
    args = ap.parse_args(argv)
    if not args.gen_docs:
        ap.print_help()
        return 0
    text = gen_docs()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    # run through the package module so that passes register into the same registry the docs read
    from mlir_py import pass_manager as _pm

    sys.exit(_pm._main())
