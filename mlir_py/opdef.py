"""Declarative operation definitions, in the spirit of MLIR ODS and xDSL IRDL.

An op is a subclass of :class:`Op` whose class body lists its fields in order::

    class AddIOp(Op, name="arith.addi", traits=[Pure(), Commutative(), SameOperandsAndResultType()]):
        \"\"\"Integer addition (wrap-around).\"\"\"
        lhs = operand(SignlessIntegerLike)
        rhs = operand(SignlessIntegerLike)
        overflowFlags = prop(OverflowFlagsAttr, default=OverflowFlagsAttr(()))
        result = result_def(SignlessIntegerLike)
        assembly_format = "$lhs `,` $rhs (`overflow` `` $overflowFlags^)? attr-dict `:` type($result)"

Fields: :func:`operand`, :func:`var_operand`, :func:`opt_operand`; :func:`result_def`, :func:`var_result`,
:func:`opt_result`; :func:`prop` (inherent attributes, stored as properties and printed ``<{...}>`` in generic
form); :func:`region_def`, :func:`var_region`; :func:`successor_def`, :func:`var_successor`. Several variadic
operand (result) groups are delimited by the ``operandSegmentSizes`` (``resultSegmentSizes``) property, as in
MLIR's ``AttrSizedOperandSegments``. Reading a field on an op instance gives the value(s).

Verification order (as MLIR's ``OperationVerifier``): field counts and constraints, traits, then ``verify_()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from .attributes import (
    ArrayAttr,
    Attribute,
    DenseArrayAttr,
    FloatAttr,
    FloatType,
    IndexType,
    IntegerAttr,
    IntegerType,
    RankedTensorType,
    ShapedType,
    StringAttr,
    SymbolRefAttr,
    Type,
    TypeAttr,
    UnitAttr,
    UnrankedMemRefType,
    UnrankedTensorType,
    VectorType,
    element_type,
    i32,
)
from .diagnostics import VerifyError
from .ir import Block, Operation, Region, Value

# ---------------------------------------------------------------------------------------------------------------
# Constraints
# ---------------------------------------------------------------------------------------------------------------


class Constraint:
    """A predicate on a type or attribute with a description used in diagnostics."""

    def __init__(self, pred: Callable[[Any], bool], description: str):
        self.pred, self.description = pred, description

    def __call__(self, x: Any) -> bool:
        return self.pred(x)

    def __or__(self, other: Constraint) -> Constraint:
        return Constraint(lambda x: self(x) or other(x), f"{self.description} or {other.description}")


def isa(*classes: type, description: str | None = None) -> Constraint:
    return Constraint(lambda x: isinstance(x, classes), description or " or ".join(c.__name__ for c in classes))


AnyType = Constraint(lambda t: isinstance(t, Type), "any type")
AnyAttr = Constraint(lambda a: isinstance(a, Attribute), "any attribute")


def _scalar_or_container(pred: Callable[[Type], bool]) -> Callable[[Type], bool]:
    def check(t: Type) -> bool:
        if isinstance(t, (VectorType, RankedTensorType, UnrankedTensorType)):
            return pred(t.element_type)
        return pred(t)

    return check


def _signless_int(t: Type) -> bool:
    return isinstance(t, IndexType) or (isinstance(t, IntegerType) and t.signedness == "signless")


SignlessIntegerOrIndex = Constraint(_signless_int, "signless integer or index")
SignlessIntegerLike = Constraint(_scalar_or_container(_signless_int),
                                 "signless-integer-like (integer, index, or a vector/tensor of them)")
FloatLike = Constraint(_scalar_or_container(lambda t: isinstance(t, FloatType)),
                       "floating-point-like (float, or a vector/tensor of floats)")
BoolLike = Constraint(_scalar_or_container(lambda t: isinstance(t, IntegerType) and t.width == 1), "bool-like (i1)")
IndexLike = Constraint(_scalar_or_container(lambda t: isinstance(t, IndexType)), "index-like")
AnyTensor = isa(RankedTensorType, UnrankedTensorType, description="tensor")
AnyRankedTensor = isa(RankedTensorType, description="ranked tensor")
AnyShaped = isa(ShapedType, UnrankedTensorType, UnrankedMemRefType, description="shaped type")


def attr_constraint(c: type[Attribute] | Constraint) -> Constraint:
    return c if isinstance(c, Constraint) else isa(c, description=c.__name__)


# ---------------------------------------------------------------------------------------------------------------
# Field definitions
# ---------------------------------------------------------------------------------------------------------------

SINGLE, OPTIONAL, VARIADIC = "single", "optional", "variadic"


class FieldDef:
    kind: ClassVar[str] = ""
    name: str = ""
    index: int = 0
    arity: str = "single"
    fixed: int | None = None
    owner: type[Op] | None = None

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name


class OperandDef(FieldDef):
    kind = "operand"

    def __init__(self, constraint: Constraint = AnyType, arity: str = SINGLE):
        self.constraint, self.arity = constraint, arity

    fixed: int | None = None

    def __get__(self, op: Op | None, cls: type) -> Any:
        if op is None:
            return self
        if self.fixed is not None:
            return op._operands[self.fixed].value
        lo, hi = op._segment(self, "operand")
        vals = [o.value for o in op.op_operands[lo:hi]]
        if self.arity == SINGLE:
            return vals[0]
        if self.arity == OPTIONAL:
            return vals[0] if vals else None
        return vals


class ResultDef(FieldDef):
    kind = "result"

    def __init__(self, constraint: Constraint = AnyType, arity: str = SINGLE):
        self.constraint, self.arity = constraint, arity

    fixed: int | None = None

    def __get__(self, op: Op | None, cls: type) -> Any:
        if op is None:
            return self
        if self.fixed is not None:
            return op.results[self.fixed]
        lo, hi = op._segment(self, "result")
        vals = op.results[lo:hi]
        if self.arity == SINGLE:
            return vals[0]
        if self.arity == OPTIONAL:
            return vals[0] if vals else None
        return vals


class PropDef(FieldDef):
    """An inherent attribute. ``default`` is materialized on creation (as MLIR's DefaultValuedAttr)."""

    kind = "prop"

    def __init__(self, constraint: type[Attribute] | Constraint = AnyAttr, optional: bool = False,
                 default: Attribute | None = None, attr_name: str | None = None):
        self.constraint = attr_constraint(constraint)
        self.attr_class = constraint if isinstance(constraint, type) or hasattr(constraint, "format_grammar") else None
        self.optional = optional or default is not None
        self.default = default
        self.attr_name = attr_name

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        if self.attr_name is None:
            self.attr_name = name

    def __get__(self, op: Op | None, cls: type) -> Any:
        if op is None:
            return self
        assert self.attr_name is not None
        return op.properties.get(self.attr_name, self.default)


class RegionDef(FieldDef):
    kind = "region"

    def __init__(self, arity: str = SINGLE, single_block: bool = False):
        self.arity, self.single_block = arity, single_block

    def __get__(self, op: Op | None, cls: type) -> Any:
        if op is None:
            return self
        if self.arity == SINGLE:
            return op.regions[self.index]
        return op.regions[self.index:]


class SuccessorDef(FieldDef):
    kind = "successor"

    def __init__(self, arity: str = SINGLE):
        self.arity = arity

    def __get__(self, op: Op | None, cls: type) -> Any:
        if op is None:
            return self
        if self.arity == SINGLE:
            return op.successors[self.index]
        return op.successors[self.index:]


def operand(constraint: Constraint = AnyType) -> Any:
    return OperandDef(constraint, SINGLE)


def opt_operand(constraint: Constraint = AnyType) -> Any:
    return OperandDef(constraint, OPTIONAL)


def var_operand(constraint: Constraint = AnyType) -> Any:
    return OperandDef(constraint, VARIADIC)


def result_def(constraint: Constraint = AnyType) -> Any:
    return ResultDef(constraint, SINGLE)


def opt_result(constraint: Constraint = AnyType) -> Any:
    return ResultDef(constraint, OPTIONAL)


def var_result(constraint: Constraint = AnyType) -> Any:
    return ResultDef(constraint, VARIADIC)


def prop(constraint: type[Attribute] | Constraint = AnyAttr, optional: bool = False,
         default: Attribute | None = None, attr_name: str | None = None) -> Any:
    return PropDef(constraint, optional, default, attr_name)


def region_def(single_block: bool = False) -> Any:
    return RegionDef(SINGLE, single_block)


def var_region(single_block: bool = False) -> Any:
    return RegionDef(VARIADIC, single_block)


def successor_def() -> Any:
    return SuccessorDef(SINGLE)


def var_successor() -> Any:
    return SuccessorDef(VARIADIC)


# ---------------------------------------------------------------------------------------------------------------
# Traits
# ---------------------------------------------------------------------------------------------------------------


class OpTrait:
    """A property of an op kind; ``verify`` checks the structural invariant it implies."""

    def verify(self, op: Operation) -> None:
        pass


class Pure(OpTrait):
    """No side effects and always speculatable (MLIR's ``Pure``): CSE and DCE may remove or merge it."""


class NoMemoryEffect(Pure):
    pass


class Commutative(OpTrait):
    pass


class ConstantLike(OpTrait):
    """The op materializes a constant in its ``value`` property (folds to it)."""


class IsTerminator(OpTrait):
    def verify(self, op: Operation) -> None:
        if op.parent is not None and op.parent.last_op is not op:
            raise VerifyError("must be the last operation in the parent block", op)


class NoTerminator(OpTrait):
    """Single-block regions of this op need no terminator."""


class IsolatedFromAbove(OpTrait):
    """Regions may not use values defined outside the op (MLIR's ``IsolatedFromAbove``)."""

    def verify(self, op: Operation) -> None:
        if op.parent is None:
            return  # a detached/top-level op has nothing above it
        inside: set[Block] = set()
        for region in op.regions:
            for o in region.walk(post_order=False):
                for r in o.regions:
                    inside.update(r.blocks)
            inside.update(region.blocks)
        for region in op.regions:
            for inner in region.walk():
                for v in inner.operands:
                    if v.parent_block not in inside:
                        err = VerifyError("using value defined outside the region", inner)
                        err.diagnostic.attach_note("required by region isolation constraints", op.location)
                        raise err


class SymbolTableTrait(OpTrait):
    """The op's region holds symbols with unique names."""

    def verify(self, op: Operation) -> None:
        seen: dict[str, Operation] = {}
        for r in op.regions:
            for child in r.ops():
                n = child.get_attr("sym_name")
                if isinstance(n, StringAttr):
                    if n.value in seen:
                        err = VerifyError(f"redefinition of symbol named '{n.value}'", None, child.location)
                        err.diagnostic.op = child  # emitError (no 'op' prefix), as MLIR's SymbolTable verifier
                        err.diagnostic.attach_note("see existing symbol definition here", seen[n.value].location)
                        raise err
                    seen[n.value] = child


class Symbol(OpTrait):
    def verify(self, op: Operation) -> None:
        if not isinstance(op.get_attr("sym_name"), StringAttr):
            raise VerifyError("requires string attribute 'sym_name'", op)
        vis = op.get_attr("sym_visibility")
        if vis is not None and not (isinstance(vis, StringAttr) and vis.value in ("public", "private", "nested")):
            shown = f'"{vis.value}"' if isinstance(vis, StringAttr) else str(vis)
            raise VerifyError(f'visibility expected to be one of ["public", "private", "nested"], but got {shown}', op)


class SingleBlock(OpTrait):
    def verify(self, op: Operation) -> None:
        for r in op.regions:
            if len(r.blocks) > 1:
                raise VerifyError(f"expects region #{op.regions.index(r)} to have 0 or 1 blocks", op)


class HasParent(OpTrait):
    def __init__(self, *parents: str):
        self.parents = parents

    def verify(self, op: Operation) -> None:
        p = op.parent_op
        if p is None or p.name not in self.parents:
            if len(self.parents) > 1:
                raise VerifyError(f"expects parent op to be one of '{', '.join(self.parents)}'", op)
            raise VerifyError(f"expects parent op '{self.parents[0]}'", op)


class SameOperandsAndResultType(OpTrait):
    def verify(self, op: Operation) -> None:
        ts = op.operand_types + op.result_types
        if ts and any(t != ts[0] for t in ts):
            raise VerifyError("requires the same type for all operands and results", op)


class SameTypeOperands(OpTrait):
    def verify(self, op: Operation) -> None:
        ts = op.operand_types
        if ts and any(t != ts[0] for t in ts):
            raise VerifyError("requires all operands to have the same type", op)


class SameOperandsAndResultShape(OpTrait):
    def verify(self, op: Operation) -> None:
        shapes = {getattr(t, "shape", None) for t in op.operand_types + op.result_types}
        if len(shapes) > 1:
            raise VerifyError("requires the same shape for all operands and results", op)


class Elementwise(OpTrait):
    """Scalar semantics lifted elementwise to vectors/tensors (MLIR's ``ElementwiseMappable``)."""


class ReturnLike(OpTrait):
    pass


class AutomaticAllocationScope(OpTrait):
    pass


class MemoryEffects(OpTrait):
    """Declared effects: each is ``(kind, resource)`` with kind in read/write/allocate/free."""

    def __init__(self, *effects: tuple[str, str]):
        self.effects = effects


def _with_note(self: VerifyError, message: str, op: Operation) -> VerifyError:
    self.diagnostic.attach_note(message, op.location)
    return self


VerifyError.with_note = _with_note  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------------------------
# Op
# ---------------------------------------------------------------------------------------------------------------


class Op(Operation):
    """Base of registered operations. See the module docstring."""

    __slots__ = ()
    operand_defs: ClassVar[list[OperandDef]] = []
    result_defs: ClassVar[list[ResultDef]] = []
    prop_defs: ClassVar[list[PropDef]] = []
    region_defs: ClassVar[list[RegionDef]] = []
    successor_defs: ClassVar[list[SuccessorDef]] = []
    assembly_format: ClassVar[str | None] = None
    dialect: ClassVar[Any] = None
    _prop_names: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, name: str | None = None, traits: Sequence[OpTrait] = (), **kw: Any):
        super().__init_subclass__(**kw)
        if name is None:
            return
        cls.OPERATION_NAME = name
        cls.registered = True
        cls.traits = tuple(traits)
        fields: dict[str, FieldDef] = {}
        for klass in reversed(cls.__mro__):
            for k, v in vars(klass).items():
                if isinstance(v, FieldDef):
                    fields[k] = v
        cls.operand_defs = [f for f in fields.values() if isinstance(f, OperandDef)]
        cls.result_defs = [f for f in fields.values() if isinstance(f, ResultDef)]
        cls.prop_defs = [f for f in fields.values() if isinstance(f, PropDef)]
        cls.region_defs = [f for f in fields.values() if isinstance(f, RegionDef)]
        cls.successor_defs = [f for f in fields.values() if isinstance(f, SuccessorDef)]
        for group in (cls.operand_defs, cls.result_defs, cls.region_defs, cls.successor_defs):
            for i, f in enumerate(group):
                f.index = i
        vgroups: tuple[list[OperandDef] | list[ResultDef], ...] = (cls.operand_defs, cls.result_defs)
        for vgroup in vgroups:
            for i, f in enumerate(vgroup):
                # position known without segment arithmetic when every earlier field is single
                f.fixed = i if f.arity == SINGLE and all(x.arity == SINGLE for x in vgroup[:i]) else None
        cls._prop_names = frozenset(p.attr_name for p in cls.prop_defs if p.attr_name) | (
            {"operandSegmentSizes"} if cls._needs_segments(cls.operand_defs) else set()) | (
            {"resultSegmentSizes"} if cls._needs_segments(cls.result_defs) else set())

    @staticmethod
    def _needs_segments(defs: Sequence[OperandDef | ResultDef]) -> bool:
        return sum(d.arity != SINGLE for d in defs) > 1

    @classmethod
    def property_names(cls) -> frozenset[str]:
        return cls._prop_names

    @classmethod
    def create(cls, operands: Sequence[Value] = (), result_types: Sequence[Type] = (),
               properties: dict[str, Attribute] | None = None, attributes: dict[str, Attribute] | None = None,
               regions: Sequence[Region] | int = 0, successors: Sequence[Block] = (),
               location: Any = None) -> Any:
        """Build the op; default-valued properties are filled in."""
        op = object.__new__(cls)
        props = dict(properties or {})
        for p in cls.prop_defs:
            if p.default is not None and p.attr_name not in props:
                props[p.attr_name] = p.default  # type: ignore[index]
        Operation.__init__(op, operands, result_types, props, attributes, regions, successors, location)
        return op

    @classmethod
    def build(cls, operands: Sequence[Value | Sequence[Value] | None] = (),
              result_types: Sequence[Type | Sequence[Type] | None] = (), **kw: Any) -> Any:
        """Like :meth:`create`, but operands/result types are given per field (lists for variadic, None for an
        absent optional); segment sizes are set when needed."""
        flat_ops: list[Value] = []
        sizes: list[int] = []
        for v in operands:
            vs: list[Value] = [] if v is None else list(v) if isinstance(v, (list, tuple)) else [v]  # type: ignore[list-item]
            sizes.append(len(vs))
            flat_ops.extend(vs)
        flat_res: list[Type] = []
        rsizes: list[int] = []
        for t in result_types:
            ts: list[Type] = [] if t is None else list(t) if isinstance(t, (list, tuple)) else [t]  # type: ignore[list-item]
            rsizes.append(len(ts))
            flat_res.extend(ts)
        props = dict(kw.pop("properties", None) or {})
        if cls._needs_segments(cls.operand_defs):
            props["operandSegmentSizes"] = DenseArrayAttr(i32, sizes)
        if cls._needs_segments(cls.result_defs):
            props["resultSegmentSizes"] = DenseArrayAttr(i32, rsizes)
        return cls.create(flat_ops, flat_res, props, **kw)

    # --- segments -----------------------------------------------------------------------------------------------
    def _segment(self, f: OperandDef | ResultDef, kind: str) -> tuple[int, int]:
        defs: Sequence[OperandDef | ResultDef] = self.operand_defs if kind == "operand" else self.result_defs
        total = self.num_operands if kind == "operand" else len(self.results)
        sizes = self.segment_sizes(kind, defs, total)
        lo = sum(sizes[: f.index])
        return lo, lo + sizes[f.index]

    def segment_sizes(self, kind: str, defs: Sequence[OperandDef | ResultDef], total: int) -> list[int]:
        if self._needs_segments(defs):
            a = self.properties.get("operandSegmentSizes" if kind == "operand" else "resultSegmentSizes")
            if isinstance(a, DenseArrayAttr):
                return list(a.values)
            raise VerifyError(f"missing '{kind}SegmentSizes' property", self)
        n_var = total - sum(1 for d in defs if d.arity == SINGLE)
        return [1 if d.arity == SINGLE else n_var for d in defs]

    # --- verification -------------------------------------------------------------------------------------------
    def verify_fields(self) -> None:
        """Counts and constraints of operands, results, properties, regions and successors."""
        cls = type(self)
        simple = cls.__dict__.get("_simple_fields")
        if simple is None:
            simple = cls._simple_fields = (  # type: ignore[attr-defined]
                all(d.arity == SINGLE for d in cls.operand_defs) and all(d.arity == SINGLE for d in cls.result_defs)
                and all(r.arity == SINGLE for r in cls.region_defs) and not cls.successor_defs)
        if simple:
            ops, res = self._operands, self.results
            if len(ops) == len(cls.operand_defs) and len(res) == len(cls.result_defs) and \
                    len(self.regions) == len(cls.region_defs):
                for d, o in zip(cls.operand_defs, ops):
                    if not d.constraint.pred(o.value.type):
                        break
                else:
                    for rd, r in zip(cls.result_defs, res):
                        if not rd.constraint.pred(r.type):
                            break
                    else:
                        props = self.properties
                        for p in cls.prop_defs:
                            a = props.get(p.attr_name or p.name)
                            if a is None:
                                if not p.optional:
                                    break
                            elif not p.constraint.pred(a):
                                break
                        else:
                            return
        self._verify_fields_slow()

    def _verify_fields_slow(self) -> None:
        groups: tuple[tuple[str, Sequence[OperandDef | ResultDef], Sequence[Value]], ...] = (
            ("operand", self.operand_defs, self.operands), ("result", self.result_defs, self.results))
        for kind, defs, vals in groups:
            n_single = sum(1 for d in defs if d.arity == SINGLE)
            if not self._needs_segments(defs):
                arities = [d.arity for d in defs]
                hi = n_single + (1 if OPTIONAL in arities else 0) if VARIADIC not in arities else None
                if len(vals) < n_single or (hi is not None and len(vals) > hi):
                    word = "" if hi == n_single else "at least "
                    raise VerifyError(f"expected {word}{n_single} {kind}{'s' if n_single != 1 else ''}, but found "
                                      f"{len(vals)}", self)
                sizes = self.segment_sizes(kind, defs, len(vals))
            else:
                sizes = self.segment_sizes(kind, defs, len(vals))
                if len(sizes) != len(defs) or sum(sizes) != len(vals) or any(s < 0 for s in sizes):
                    raise VerifyError(f"{kind} count ({len(vals)}) does not match with the total size "
                                      f"({sum(sizes)}) specified in attribute '{kind}SegmentSizes'", self)
            pos = 0
            for d, n in zip(defs, sizes):
                for j, v in enumerate(vals[pos:pos + n]):
                    if not d.constraint(v.type):
                        which = f"#{pos + j}"
                        raise VerifyError(f"{kind} {which} must be {d.constraint.description}, but got '{v.type}'",
                                          self)
                pos += n
        for p in self.prop_defs:
            a = self.properties.get(p.attr_name or p.name)
            if a is None:
                if not p.optional:
                    raise VerifyError(f"requires attribute '{p.attr_name}'", self)
                continue
            if not p.constraint(a):
                raise VerifyError(f"attribute '{p.attr_name}' failed to satisfy constraint: {p.constraint.description}",
                                  self)
        n_regions = sum(1 for r in self.region_defs if r.arity == SINGLE)
        var_r = any(r.arity != SINGLE for r in self.region_defs)
        if len(self.regions) < n_regions or (not var_r and len(self.regions) != n_regions):
            # MLIR's region-count traits: OneRegion, ZeroRegions, NRegions<N>, AtLeastNRegions<N>
            raise VerifyError("requires one region" if n_regions == 1 and not var_r else
                              "requires zero regions" if n_regions == 0 and not var_r else
                              f"expected {n_regions}{' or more' if var_r else ''} regions", self)
        n_succ = sum(1 for s in self.successor_defs if s.arity == SINGLE)
        var_s = any(s.arity != SINGLE for s in self.successor_defs)
        if len(self.successors) < n_succ or (not var_s and len(self.successors) != n_succ):
            raise VerifyError(f"requires {n_succ} successor{'s' if n_succ != 1 else ''} but found "
                              f"{len(self.successors)}", self)

    # --- folding / canonicalization hooks -----------------------------------------------------------------------
    def fold(self, operands: list[Attribute | None]) -> list[Attribute | Value | None] | None:
        """Constant operands (``None`` when unknown) -> a result per op result (attribute or existing value),
        or ``None`` when nothing folds. In-place updates return ``[self.result]``-like values."""
        return None

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return []


class EnumSpec(Constraint):
    """An integer-backed enum attribute (MLIR's ``I64EnumAttr``): stored as ``IntegerAttr`` of ``iN``, spelled as a
    keyword in custom syntax (``arith.cmpi slt, ...``)."""

    format_grammar = "BARE_ID"

    def __init__(self, name: str, cases: Sequence[str] | dict[str, int], width: int = 64):
        self.name = name
        self.cases = dict(cases) if isinstance(cases, dict) else {c: i for i, c in enumerate(cases)}
        self.names = {v: k for k, v in self.cases.items()}
        self.width = width
        super().__init__(lambda a: isinstance(a, IntegerAttr) and a.value in self.names,
                         f"{name} enum ({', '.join(self.cases)})")

    def attr(self, case: str) -> IntegerAttr:
        from .attributes import IntegerType

        return IntegerAttr(self.cases[case], IntegerType(self.width))

    def from_format(self, tok: Any, d: Any) -> IntegerAttr:
        s = str(tok)
        if s not in self.cases:
            raise ValueError(f"expected one of [{', '.join(self.cases)}] for {self.name}, got '{s}'")
        return self.attr(s)

    def print_format(self, a: Attribute, p: Any) -> str:
        assert isinstance(a, IntegerAttr)
        return self.names[a.value]

    def case_of(self, a: Attribute) -> str:
        assert isinstance(a, IntegerAttr)
        return self.names[a.value]


# attribute helpers used by many dialects
def int_attr(v: int, t: Type | None = None) -> IntegerAttr:
    from .attributes import i64

    return IntegerAttr(v, t or i64)


def type_attr(t: Type) -> TypeAttr:
    return TypeAttr(t)


__all__ = [
    "AnyAttr", "AnyShaped", "AnyTensor", "AnyRankedTensor", "AnyType", "ArrayAttr", "AutomaticAllocationScope",
    "BoolLike", "Commutative", "ConstantLike", "Constraint", "Elementwise", "FloatAttr", "FloatLike", "HasParent",
    "IndexLike", "IsTerminator", "IsolatedFromAbove", "MemoryEffects", "NoMemoryEffect", "NoTerminator", "Op",
    "OpTrait", "Pure", "ReturnLike", "SameOperandsAndResultShape", "SameOperandsAndResultType", "SameTypeOperands",
    "SignlessIntegerLike", "SignlessIntegerOrIndex", "SingleBlock", "StringAttr", "Symbol", "SymbolRefAttr",
    "SymbolTableTrait", "UnitAttr", "element_type", "isa", "operand", "opt_operand", "opt_result", "prop",
    "region_def", "result_def", "successor_def", "var_operand", "var_region", "var_result", "var_successor",
]
