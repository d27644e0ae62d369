"""The scf dialect (mlir/docs/Dialects/SCFDialect.md): structured control flow — loops and conditionals whose
bodies are regions.

Ops: ``scf.for`` (a counted loop with loop-carried ``iter_args``), ``scf.if``, ``scf.while`` (a ``before`` region
computing the condition, an ``after`` region the body), ``scf.parallel`` (a parallel loop nest whose results are
combined by ``scf.reduce`` regions), ``scf.forall`` (a parallel loop over tensors with ``shared_outs`` written
through ``scf.forall.in_parallel``), ``scf.execute_region``, ``scf.index_switch`` and the terminators
``scf.yield``, ``scf.condition``, ``scf.reduce``, ``scf.reduce.return``, ``scf.forall.in_parallel``.

Syntax is MLIR's, byte for byte: the custom forms are hand-written (``custom_grammar`` + ``parse_custom`` +
``print_custom``) because region entry arguments are declared in the op's header
(``scf.for %iv = %lb to %ub step %s iter_args(%acc = %init) -> (f32)``); the header's grammar rule records them
in ``st.pending_entry_args`` so that the region's entry block is created with them. Implicit terminators are
elided and re-inserted as MLIR does (``ensureTerminator``): an ``scf.yield`` without operands in ``scf.for`` /
``scf.if`` / ``scf.index_switch``'s default region, an empty ``scf.reduce`` in ``scf.parallel``, an empty
``scf.forall.in_parallel`` in ``scf.forall``.

Verification follows mlir/lib/Dialect/SCF/IR/SCF.cpp and the interface verifiers (LoopLikeOpInterface,
RegionBranchOpInterface: "along control flow edge from ... to ...", with a ``region branch point`` note). Ops with
regions have ``RecursiveMemoryEffects`` (their effects are those of their bodies); loops implement the
``LoopLikeOpInterface`` protocol (``get_loop_regions``) and the region ops ``RegionBranchOpInterface``
(``get_successor_regions``, ``get_entry_successor_operands``; terminators ``get_successor_operands``).

Canonicalization: zero- and single-trip ``scf.for``, dead or pass-through ``iter_args``, ``scf.if`` on a
constant condition.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mlir_py.attributes import (
    DYNAMIC,
    ArrayAttr,
    Attribute,
    DenseArrayAttr,
    FunctionType,
    IndexType,
    IntegerAttr,
    IntegerType,
    RankedTensorType,
    Type,
    UnitAttr,
    i1,
    i32,
    i64,
    index,
)
from mlir_py.diagnostics import VerifyError
from mlir_py.dialect import Dialect
from mlir_py.interfaces import RecursiveMemoryEffects, RegionSuccessor
from mlir_py.ir import Block, Operation, Region, Value
from mlir_py.opdef import (
    AnyType,
    AutomaticAllocationScope,
    Constraint,
    HasParent,
    IsTerminator,
    NoTerminator,
    Op,
    OpTrait,
    Pure,
    ReturnLike,
    SignlessIntegerOrIndex,
    isa,
    operand,
    prop,
    region_def,
    var_operand,
    var_region,
    var_result,
)
from mlir_py.rewrite import PatternRewriter, RewritePattern, constant_value

I1 = Constraint(lambda t: isinstance(t, IntegerType) and t.width == 1 and t.signedness == "signless",
                "1-bit signless integer")
Index = isa(IndexType, description="index")
VarIndex = isa(IndexType, description="variadic of index")
VarAny = Constraint(AnyType.pred, "variadic of any type")
VarRankedTensor = isa(RankedTensorType, description="variadic of ranked tensor of any non-token type values")
I64Array = Constraint(lambda a: isinstance(a, DenseArrayAttr) and a.element_type == i64, "i64 dense array attribute")


# ---------------------------------------------------------------------------------------------------------------
# shared helpers: diagnostics, structure checks, region-branch verification
# ---------------------------------------------------------------------------------------------------------------


def _error(op: Operation, message: str) -> VerifyError:
    """MLIR's ``op->emitError(message)``: at the op, without the ``'name' op`` prefix."""
    e = VerifyError(message, None, op.location)
    e.op = op
    e.diagnostic.op = op
    return e


def _note(err: VerifyError, message: str, at: Operation) -> VerifyError:
    err.diagnostic.attach_note(message, at.location)
    return err


class ParentOneOf(HasParent):
    """MLIR's ``ParentOneOf<[...]>``, with its message: ``expects parent op to be one of 'a, b, c'``."""

    def verify(self, op: Operation) -> None:
        p = op.parent_op
        if p is None or p.name not in self.parents:
            raise VerifyError(f"expects parent op to be one of '{', '.join(self.parents)}'", op)


class SingleBlockImplicitTerminator(OpTrait):
    """MLIR's ``SingleBlockImplicitTerminator<T>``: each non-empty region has one non-empty block ending with
    ``T`` (the custom parsers insert ``T`` when it is missing, see :func:`ensure_terminator`).

    Only the structural part (``SingleBlock``) runs with the op's invariants; the terminator kind is checked by
    :func:`check_terminator` from the op's region verification, after MLIR's block checks would have reported a
    block that has no terminator at all."""

    def __init__(self, terminator: str):
        self.terminator = terminator

    def verify(self, op: Operation) -> None:
        for i, r in enumerate(op.regions):
            if not r.blocks:
                continue
            if len(r.blocks) != 1:
                raise VerifyError(f"expects region #{i} to have 0 or 1 blocks", op)
            if r.blocks[0].last_op is None:
                raise VerifyError("expects a non-empty block", op)


def check_terminator(op: Operation) -> None:
    """The terminator-kind half of :class:`SingleBlockImplicitTerminator` (a region trait in MLIR)."""
    t = op.get_trait(SingleBlockImplicitTerminator)
    for r in op.regions:
        if not r.blocks:
            continue
        last = r.blocks[0].last_op
        if last is None or last.name == t.terminator:
            continue
        if last.registered and not last.has_trait(IsTerminator):
            continue  # "block with no terminator" is reported by the block checks
        raise _note(VerifyError(f"expects regions to end with '{t.terminator}', found '{last.name}'", op),
                    f"in custom textual format, the absence of terminator implies '{t.terminator}'", op)


def check_sized_regions(op: Operation, names: Sequence[str], at_most: Sequence[str] = ()) -> None:
    """ODS region constraints ``SizedRegion<1>`` / ``MaxSizedRegion<1>`` (``names[i]`` is region #i's field;
    extra regions belong to the last, variadic, field)."""
    for i, r in enumerate(op.regions):
        name = names[min(i, len(names) - 1)]
        n = len(r.blocks)
        if name in at_most:
            if n > 1:
                raise VerifyError(f"region #{i} ('{name}') failed to verify constraint: region with at most 1 blocks",
                                  op)
        elif n != 1:
            raise VerifyError(f"region #{i} ('{name}') failed to verify constraint: region with 1 blocks", op)


def ensure_terminator(region: Region, build: Callable[[], Operation]) -> None:
    """MLIR's ``ensureRegionTerminator``: give the region a block, and its last block a terminator, built by
    ``build`` when the last op is not one."""
    if not region.blocks:
        region.add_block()
    b = region.blocks[-1]
    last = b.last_op
    if last is None or not last.has_trait(IsTerminator):
        b.append(build())


def _region_index(op: Operation, region: Region) -> int:
    return next(i for i, r in enumerate(op.regions) if r is region)


def verify_region_branch(op: Any) -> None:
    """MLIR's ``verifyRegionBranchOpInterface``: along every control-flow edge (from the parent and from each
    region's branching terminator, to each successor region or back to the parent's results) the forwarded
    operands match the successor's inputs in number and types."""
    points: list[tuple[Region | None, YieldOp | ConditionOp | None]] = [(None, None)]
    for r in op.regions:
        for b in r.blocks:
            t = b.last_op
            if isinstance(t, (YieldOp, ConditionOp)):
                points.append((r, t))
    for region, term in points:
        for succ in op.get_successor_regions(region):
            src = "parent" if term is None else f"Operation {term.name}"
            dst = f"Operation {op.name}" if succ.region is None else f"Region #{_region_index(op, succ.region)}"
            operands = op.get_entry_successor_operands(succ.region) if term is None else \
                term.get_successor_operands(succ.region)
            inputs = list(succ.inputs)
            where = op if term is None else term
            if len(operands) != len(inputs):
                raise _note(VerifyError(f"along control flow edge from {src} to {dst}: region branch point has "
                                        f"{len(operands)} operands, but region successor needs {len(inputs)} inputs",
                                        op), "region branch point", where)
            for i, (v, x) in enumerate(zip(operands, inputs)):
                if v.type != x.type:
                    raise _note(VerifyError(f"along control flow edge from {src} to {dst}: successor operand type "
                                            f"#{i} '{v.type}' should match successor input type #{i} '{x.type}'",
                                            op), "region branch point", where)


def _const_int(v: Value) -> int | None:
    a = constant_value(v)
    return a.value if isinstance(a, IntegerAttr) else None


# --- parsing helpers -------------------------------------------------------------------------------------------

#: ``%inner = %outer, ...`` (MLIR's ``parseAssignmentList``): a list of (inner token, outer token)
ASSIGN_RULES: dict[str, tuple[str, Callable[[list[Any], Any], Any]]] = {
    "scf_assign_list": ('scf_assign ("," scf_assign)*', lambda c, st: list(c)),
    "scf_assign": ('VALUE_ID "=" VALUE_ID', lambda c, st: (c[0], c[1])),
}


def _entry_args(st: Any, names: Sequence[Any], types: Sequence[Type]) -> None:
    """Declare the entry-block arguments of the region about to be parsed (``None`` when there are none, so that
    an explicit ``^bb0:`` label stays allowed)."""
    st.pending_entry_args = [(str(n), t, st.loc(n)) for n, t in zip(names, types)] or None


def _split_attrs(cls: type[Op], attrs: dict[str, Attribute] | None) -> tuple[dict[str, Attribute],
                                                                             dict[str, Attribute]]:
    """(properties, discardable attributes) of a parsed attr-dict: a hand-written parser's inherent attributes
    become properties, as MLIR's ``Operation::create`` does."""
    props: dict[str, Attribute] = {}
    rest: dict[str, Attribute] = {}
    for k, v in (attrs or {}).items():
        (props if k in cls.property_names() else rest)[k] = v
    return props, rest


def _resolve(st: Any, toks: Sequence[Any], types: Sequence[Type], kw: Any) -> list[Value]:
    if len(toks) != len(types):
        raise st.error(f"{len(toks)} operands present, but expected {len(types)}", kw)
    return [st.use(t, ty) for t, ty in zip(toks, types)]


# --- printing helpers ------------------------------------------------------------------------------------------


_SEGMENTS = ("operandSegmentSizes", "resultSegmentSizes")


def _attrs(p: Any, op: Operation, elided: Sequence[str] = (), keyword: bool = False) -> str:
    """MLIR's ``printOptionalAttrDict(op->getAttrs(), elided)`` for a hand-written printer: the inherent
    attributes (properties) not printed elsewhere and the discardable ones, in one sorted dictionary."""
    d = {k: v for k, v in op.properties.items() if k not in elided and k not in _SEGMENTS}
    d.update(op.attributes)
    if not d:
        return ""
    return (" attributes " if keyword else " ") + p.attr_dict(d)


def _init_list(p: Any, prefix: str, args: Sequence[Value], inits: Sequence[Value]) -> str:
    """MLIR's ``printInitializationList``: ``<prefix>(%inner = %outer, ...)`` or nothing."""
    if not inits:
        return ""
    return prefix + "(" + ", ".join(f"{p.value(a)} = {p.value(v)}" for a, v in zip(args, inits)) + ")"


def _types(p: Any, ts: Sequence[Type]) -> str:
    return ", ".join(p.type(t) for t in ts)


def _arrow_types(p: Any, ts: Sequence[Type]) -> str:
    """MLIR's ``printOptionalArrowTypeList``: `` -> t`` or `` -> (t1, t2)``."""
    if not ts:
        return ""
    if len(ts) == 1 and not isinstance(ts[0], FunctionType):
        return " -> " + p.type(ts[0])
    return " -> (" + _types(p, ts) + ")"


class SCFOp(Op):
    """Common base of the scf ops."""

    __slots__ = ()

    def _malformed(self, min_args: int = 0) -> bool:
        """Whether the custom form cannot show this op (an invalid op printed with ``--no-verify`` or in a
        diagnostic): a region without its single entry block, or an entry block with too few arguments. Such
        ops print in generic form, which shows anything."""
        r = self.regions[0] if self.regions else None
        return r is None or len(r.blocks) != 1 or len(r.blocks[0].args) < min_args


# ---------------------------------------------------------------------------------------------------------------
# terminators
# ---------------------------------------------------------------------------------------------------------------


class YieldOp(SCFOp, name="scf.yield", traits=[Pure(), ReturnLike(), IsTerminator(), ParentOneOf(
        "scf.execute_region", "scf.for", "scf.if", "scf.index_switch", "scf.while")]):
    """Yield values from a region of its parent to the parent's results, or to the next iteration.

    Syntax: ``scf.yield %a, %b : i32, f32``; without operands it is implicit in ``scf.for``, ``scf.if`` and
    ``scf.index_switch`` and elided when printed. Type agreement is verified by the parent op."""

    results_ = var_operand()
    assembly_format = "attr-dict ($results_^ `:` type($results_))?"

    def get_successor_operands(self, successor: Region | None) -> list[Value]:
        return self.operands


class ConditionOp(SCFOp, name="scf.condition", traits=[Pure(), HasParent("scf.while"), IsTerminator()]):
    """End the ``before`` region of ``scf.while``: if ``condition``, run the ``after`` region with ``args``, else
    leave the loop with ``args`` as its results.

    Syntax: ``scf.condition(%c) %a, %b : i32, f32``."""

    condition = operand(I1)
    args = var_operand()
    custom_grammar = '"(" VALUE_ID ")" [attr_dict] [value_list ":" type_list]'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> ConditionOp:
        cond, attrs, vals, types = c
        ops = [st.use(cond, i1), *_resolve(st, vals or [], types or [], kw)]
        props, rest = _split_attrs(cls, attrs)
        op: ConditionOp = cls.create(ops, [], props, rest, location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        s = f"{p.op_name(self)}({p.value(self.operand(0))})" + _attrs(p, self)
        args = self.operands[1:]
        if args:
            s += " " + ", ".join(p.value(v) for v in args) + " : " + _types(p, [v.type for v in args])
        return s

    def get_successor_operands(self, successor: Region | None) -> list[Value]:
        return self.operands[1:]


class ReduceReturnOp(SCFOp, name="scf.reduce.return", traits=[Pure(), HasParent("scf.reduce"), IsTerminator()]):
    """End a reduction region of ``scf.reduce`` with the combined value.

    Syntax: ``scf.reduce.return %r : f32``. Errors: a type other than the reduction's operand type."""

    result = operand()
    assembly_format = "$result attr-dict `:` type($result)"

    def verify_(self) -> None:
        b = self.parent
        if b is None or not b.args:
            return
        expected = b.args[0].type
        if self.operand(0).type != expected:
            raise self.emit_error(f"must have type '{expected}' (the type of the reduction inputs)")


class ReduceOp(SCFOp, name="scf.reduce", traits=[HasParent("scf.parallel"), RecursiveMemoryEffects(),
                                                 IsTerminator()]):
    """Terminator of ``scf.parallel``: contribute one value per result to its reduction, combined by the
    corresponding region (two block arguments of the operand's type, ending in ``scf.reduce.return``).

    Syntax: ``scf.reduce(%a, %b : f32, i32) { ^bb0(%x: f32, %y: f32): ... }, { ... }``; without operands it is
    implicit in ``scf.parallel`` (and printed as ``scf.reduce``). Errors: region count differing from operand
    count, bad region arguments, a region not ending in ``scf.reduce.return``."""

    operands_ = var_operand()
    reductions = var_region(single_block=True)
    custom_grammar = '["(" value_list ":" type_list ")"] [region ("," region)* [attr_dict]]'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> ReduceOp:
        vals, types, *rest = c
        regions = [x for x in rest if isinstance(x, Region)]
        attrs = next((x for x in rest if isinstance(x, dict)), None)
        props, other = _split_attrs(cls, attrs)
        op: ReduceOp = cls.create(_resolve(st, vals or [], types or [], kw), [], props, other, regions,
                                  location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        if self.attributes and not self.regions:
            return p.generic_op(self, p._depth)
        s = p.op_name(self)
        if self.operands:
            s += "(" + ", ".join(p.value(v) for v in self.operands) + " : " + _types(p, self.operand_types) + ")"
        return s + " " + ", ".join(p.region(r) for r in self.regions) + _attrs(p, self)

    def get_successor_operands(self, successor: Region | None) -> list[Value]:
        return []

    def verify_(self) -> None:
        check_sized_regions(self, ["reductions"])
        if len(self.regions) != self.num_operands:
            raise self.emit_error(f"expects number of reduction regions: {len(self.regions)} to be the same as number "
                                  f"of reduction operands: {self.num_operands}")
        for i, (r, v) in enumerate(zip(self.regions, self.operands)):
            b = r.blocks[0]
            if b.last_op is None:
                raise self.emit_error(f"{i}-th reduction has an empty body")
            if len(b.args) != 2 or any(a.type != v.type for a in b.args):
                raise self.emit_error(f"expected two block arguments with type '{v.type}' in the {i}-th reduction "
                                      "region")
            if b.last_op.name != "scf.reduce.return":
                raise self.emit_error("reduction bodies must be terminated with an 'scf.reduce.return' op")


class InParallelOp(SCFOp, name="scf.forall.in_parallel", traits=[Pure(), HasParent("scf.forall"), IsTerminator(),
                                                                 NoTerminator()]):
    """Terminator of ``scf.forall``: its single-block region holds the parallel-combining ops
    (``tensor.parallel_insert_slice``) that write each thread's result into the loop's ``shared_outs``.

    Syntax: ``scf.forall.in_parallel { ... }``; empty, it is implicit in a ``scf.forall`` without results. An op
    of the region is parallel-combining when it defines ``get_updated_destinations()`` (MLIR's
    ``ParallelCombiningOpInterface``). Errors: any other op in the region, a destination that is not one of the
    loop's shared-out block arguments."""

    region = region_def(single_block=True)
    custom_grammar = "region [attr_dict]"

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> InParallelOp:
        region, attrs = c
        if not region.blocks:
            region.add_block()
        props, rest = _split_attrs(cls, attrs)
        op: InParallelOp = cls.create([], [], props, rest, [region], location=st.loc(kw))
        return op

    @classmethod
    def build_empty(cls, location: Any = None) -> InParallelOp:
        op: InParallelOp = cls.create(regions=[Region([Block()])], location=location)
        return op

    def print_custom(self, p: Any) -> str:
        return p.op_name(self) + " " + p.region(self.regions[0], None, False, True) + _attrs(p, self)

    def verify_(self) -> None:
        check_sized_regions(self, ["region"])
        forall = self.parent_op
        outs = forall.regions[0].blocks[0].args[forall.rank:] if isinstance(forall, ForallOp) and \
            forall.regions[0].blocks else []
        for o in self.regions[0].blocks[0].ops:
            dests = getattr(o, "get_updated_destinations", None)
            if dests is None:
                raise self.emit_error("expected only ParallelCombiningOpInterface ops")
            for d in dests():
                if not any(d.value is a for a in outs):
                    raise o.emit_error("may only insert into an output block argument")


# ---------------------------------------------------------------------------------------------------------------
# scf.for
# ---------------------------------------------------------------------------------------------------------------


def _for_header(c: list[Any], st: Any) -> Any:
    unsigned, iv, lb, ub, step, assigns, types, ivtype = c
    assigns, types = assigns or [], types or []
    if len(assigns) != len(types):
        raise st.error("custom op 'scf.for' mismatch in number of loop-carried values and defined values", iv)
    ivtype = ivtype or index
    _entry_args(st, [iv, *(a for a, _ in assigns)], [ivtype, *types])
    return (unsigned is not None, lb, ub, step, [v for _, v in assigns], types, ivtype)


class ForOp(SCFOp, name="scf.for", traits=[AutomaticAllocationScope(), SingleBlockImplicitTerminator("scf.yield"),
                                           RecursiveMemoryEffects()]):
    """A counted loop: ``for (iv = lowerBound; iv < upperBound; iv += step)``, carrying ``iter_args`` from one
    iteration to the next (their initial values are ``initArgs``; the final ones are the results).

    Syntax::

        %r = scf.for %iv = %lb to %ub step %s iter_args(%acc = %init) -> (f32) {
          ...
          scf.yield %next : f32
        }
        scf.for unsigned %i = %a to %b step %c : i32 { ... }

    Bounds and step share one signless-integer or index type (printed after ``:`` unless index);
    ``unsignedCmp`` compares unsigned. The body's block arguments are the induction variable then one per
    iter_arg. Errors (as MLIR): bounds of different types, results not matching the inits in number, iv type not
    the bounds' type, iter_arg/yield/result count or type mismatches (``along control flow edge ...``)."""

    lowerBound = operand(SignlessIntegerOrIndex)
    upperBound = operand(SignlessIntegerOrIndex)
    step = operand(SignlessIntegerOrIndex)
    initArgs = var_operand(VarAny)
    unsignedCmp = prop(UnitAttr, optional=True)
    results_ = var_result()
    region = region_def(single_block=True)
    custom_grammar = "scf_for_header region [attr_dict]"
    custom_rules = {
        **ASSIGN_RULES,
        "scf_for_header": ('[scf_kw_unsigned] VALUE_ID "=" VALUE_ID "to" VALUE_ID "step" VALUE_ID '
                           '["iter_args" "(" scf_assign_list ")" "->" fn_results] [":" type]', _for_header),
        "scf_kw_unsigned": ('"unsigned"', lambda c, st: True),
    }

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> ForOp:
        (unsigned, lb, ub, step, inits, types, ivtype), region, attrs = c
        ensure_terminator(region, lambda: YieldOp.create(location=st.loc(kw)))
        operands = [st.use(lb, ivtype), st.use(ub, ivtype), st.use(step, ivtype), *_resolve(st, inits, types, kw)]
        props, rest = _split_attrs(cls, attrs)
        if unsigned:
            props["unsignedCmp"] = UnitAttr()
        op: ForOp = cls.create(operands, types, props, rest, [region], location=st.loc(kw))
        return op

    @classmethod
    def build_loop(cls, lb: Value, ub: Value, step: Value, inits: Sequence[Value] = (), location: Any = None,
                   unsigned: bool = False) -> ForOp:
        """A loop with an entry block (iv and iter_args); without inits the body gets its ``scf.yield``."""
        body = Block([lb.type, *(v.type for v in inits)])
        if not inits:
            body.append(YieldOp.create(location=location))
        op: ForOp = cls.create([lb, ub, step, *inits], [v.type for v in inits],
                               {"unsignedCmp": UnitAttr()} if unsigned else {}, None, [Region([body])],
                               location=location)
        return op

    # --- accessors ----------------------------------------------------------------------------------------------
    @property
    def body(self) -> Block:
        return self.regions[0].blocks[0]

    @property
    def induction_var(self) -> Value:
        return self.body.args[0]

    @property
    def region_iter_args(self) -> list[Value]:
        return list(self.body.args[1:])

    @property
    def init_values(self) -> list[Value]:
        return self.operands[3:]

    @property
    def yielded_values(self) -> list[Value]:
        t = self.body.last_op
        return t.operands if isinstance(t, YieldOp) else []

    def static_trip_count(self) -> int | None:
        """The number of iterations when the bounds tell (MLIR's ``constantTripCount``): 0 when ``lb`` and ``ub``
        are the same value or constants with ``ub <= lb`` (unsigned with ``unsignedCmp``), ``ceil((ub - lb) /
        step)`` for a positive constant step; unknown (``None``) otherwise, e.g. for a zero or negative step."""
        lb, ub, step = self.operands[:3]
        if lb is ub:
            return 0
        lo, hi, s = _const_int(lb), _const_int(ub), _const_int(step)
        if lo is None or hi is None:
            return None
        if "unsignedCmp" in self.properties and isinstance(lb.type, IntegerType):
            mask = (1 << lb.type.width) - 1
            lo, hi = lo & mask, hi & mask
        if hi <= lo:
            return 0
        return None if s is None or s <= 0 else -(-(hi - lo) // s)

    # --- interfaces ---------------------------------------------------------------------------------------------
    def get_loop_regions(self) -> list[Region]:
        return [self.regions[0]]

    def get_successor_regions(self, point: Region | None) -> list[RegionSuccessor]:
        body = RegionSuccessor(self.regions[0], self.region_iter_args)
        done = RegionSuccessor(None, self.results)
        n = self.static_trip_count()
        if point is None and n is not None:
            return [done] if n == 0 else [body]
        if point is not None and n == 1:
            return [done]
        return [body, done]

    def get_entry_successor_operands(self, successor: Region | None) -> list[Value]:
        return self.init_values

    # --- syntax -------------------------------------------------------------------------------------------------
    def print_custom(self, p: Any) -> str:
        if self._malformed(1 + self.num_operands - 3) or self.num_operands < 3:
            return p.generic_op(self, p._depth)
        lb, ub, step = self.operands[:3]
        inits = self.init_values
        s = p.op_name(self) + (" unsigned" if "unsignedCmp" in self.properties else "")
        s += f" {p.value(self.induction_var)} = {p.value(lb)} to {p.value(ub)} step {p.value(step)}"
        s += _init_list(p, " iter_args", self.region_iter_args, inits)
        if inits:
            s += " -> (" + _types(p, [v.type for v in inits]) + ")"
        s += " "
        if not isinstance(self.induction_var.type, IndexType):
            s += f" : {p.type(self.induction_var.type)} "
        return s + p.region(self.regions[0], None, False, bool(inits)) + _attrs(p, self, ["unsignedCmp"])

    # --- verification -------------------------------------------------------------------------------------------
    def verify_(self) -> None:
        check_sized_regions(self, ["region"])
        lb, ub, step = self.operand_types[:3]
        if not lb == ub == step:
            raise self.emit_error("failed to verify that all of {lowerBound, upperBound, step} have same type")
        if self.num_operands - 3 != len(self.results):
            raise self.emit_error("mismatch in number of loop-carried values and defined values")
        self.verify_regions_()

    def verify_regions_(self) -> None:
        """The checks MLIR runs after the nested ops (LoopLikeOpInterface, RegionBranchOpInterface, the
        terminator kind, ``ForOp::verifyRegions``)."""
        args = self.body.args
        if not args:
            raise self.emit_error("expected body to have at least 1 argument(s) for the induction variable, but "
                                  "got 0")
        inits, iters, ys = self.init_values, args[1:], self.yielded_values
        if len(inits) != len(iters):
            raise self.emit_error(f"different number of inits and region iter_args: {len(inits)} != {len(iters)}")
        if ys and len(iters) != len(ys):
            raise self.emit_error(f"different number of region iter_args and yielded values: {len(iters)} != "
                                  f"{len(ys)}")
        if len(self.results) != len(iters):
            raise self.emit_error(f"different number of loop results and region iter_args: {len(self.results)} != "
                                  f"{len(iters)}")
        t = args[0].type
        if not (isinstance(t, IndexType) or (isinstance(t, IntegerType) and t.signedness == "signless")):
            raise self.emit_error(f"0-th induction variable has invalid type: '{t}'")
        verify_region_branch(self)
        check_terminator(self)
        if t != self.operand(0).type:
            raise self.emit_error("expected induction variable to be same type as bounds and step")

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [ForOpIterArgsFolder(), ForOpPromoteStaticTripCount(), ForOpTensorCastFolder()]


# ---------------------------------------------------------------------------------------------------------------
# scf.if
# ---------------------------------------------------------------------------------------------------------------


class IfOp(SCFOp, name="scf.if", traits=[SingleBlockImplicitTerminator("scf.yield"), RecursiveMemoryEffects()]):
    """Run ``thenRegion`` if ``condition`` else ``elseRegion`` (which may be empty when the op has no results);
    the results are the values the executed region yields.

    Syntax: ``%r = scf.if %c -> (f32) { scf.yield %a : f32 } else { scf.yield %b : f32 }``. Errors: results
    without an else region, region arguments, yields not matching the results in number or types."""

    condition = operand(I1)
    results_ = var_result()
    thenRegion = region_def(single_block=True)
    elseRegion = region_def(single_block=True)
    custom_grammar = 'VALUE_ID ["->" fn_results] region [scf_else] [attr_dict]'
    custom_rules = {"scf_else": ('"else" region', lambda c, st: c[0])}

    @classmethod
    def build_if(cls, condition: Value, result_types: Sequence[Type] = (), with_else: bool = False,
                 location: Any = None) -> IfOp:
        """An ``scf.if`` with an empty then block (and else block when ``with_else`` or results are given);
        without results each block gets its ``scf.yield``, with results the caller adds the yields."""
        regions = []
        for present in (True, with_else or bool(result_types)):
            b = Block() if present else None
            if b is not None and not result_types:
                b.append(YieldOp.create(location=location))
            regions.append(Region([b] if b is not None else []))
        op: IfOp = cls.create([condition], list(result_types), regions=regions, location=location)
        return op

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> IfOp:
        cond, types, then, other, attrs = c
        loc = st.loc(kw)
        ensure_terminator(then, lambda: YieldOp.create(location=loc))
        if other is None:
            other = Region()
        else:
            ensure_terminator(other, lambda: YieldOp.create(location=loc))
        props, rest = _split_attrs(cls, attrs)
        op: IfOp = cls.create([st.use(cond, i1)], types or [], props, rest, [then, other], location=loc)
        return op

    def print_custom(self, p: Any) -> str:
        s = f"{p.op_name(self)} {p.value(self.operand(0))}"
        terms = bool(self.results)
        if terms:
            s += " -> (" + _types(p, self.result_types) + ")"
        s += " " + p.region(self.regions[0], None, False, terms)
        if self.regions[1].blocks:
            s += " else " + p.region(self.regions[1], None, False, terms)
        return s + _attrs(p, self)

    def get_successor_regions(self, point: Region | None) -> list[RegionSuccessor]:
        if point is not None:
            return [RegionSuccessor(None, self.results)]
        other = self.regions[1]
        return [RegionSuccessor(self.regions[0], []),
                RegionSuccessor(None, self.results) if not other.blocks else RegionSuccessor(other, [])]

    def get_entry_successor_operands(self, successor: Region | None) -> list[Value]:
        return []

    def verify_(self) -> None:
        for i, r in enumerate(self.regions):
            if r.blocks and r.blocks[0].args:
                raise self.emit_error(f"region #{i} should have no arguments")
        check_sized_regions(self, ["thenRegion", "elseRegion"], at_most=["elseRegion"])
        if self.results and not self.regions[1].blocks:
            raise self.emit_error("must have an else block if defining values")
        verify_region_branch(self)
        check_terminator(self)

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [CombineIfs(), CombineNestedIfs(), ConditionPropagation(), ConvertTrivialIfToSelect(),
                RemoveEmptyElseBranch(), RemoveStaticCondition(), RemoveUnusedResults(),
                ReplaceIfYieldWithConditionOrValue()]


# ---------------------------------------------------------------------------------------------------------------
# scf.while
# ---------------------------------------------------------------------------------------------------------------


def _while_header(c: list[Any], st: Any) -> Any:
    assigns, ft = c
    assigns = assigns or []
    if len(ft.inputs) != len(assigns):
        raise st.error(f"expected as many input types as operands (expected {len(assigns)} got {len(ft.inputs)})",
                       assigns[0][0] if assigns else None)
    _entry_args(st, [a for a, _ in assigns], ft.inputs)
    return [v for _, v in assigns], ft


class WhileOp(SCFOp, name="scf.while", traits=[RecursiveMemoryEffects()]):
    """A general loop: the ``before`` region computes a condition (``scf.condition``) from the loop-carried
    values; while it is true the ``after`` region runs on the forwarded values and yields the next ones.

    Syntax::

        %r = scf.while (%a = %init) : (i32) -> f32 {
          scf.condition(%c) %x : f32
        } do {
        ^bb0(%x: f32):
          scf.yield %next : i32
        } attributes {...}

    Errors: regions not ending in ``scf.condition`` / ``scf.yield``, value count or type mismatches along the
    edges init -> before, condition -> after / results, yield -> before."""

    inits = var_operand(VarAny)
    results_ = var_result()
    before = region_def(single_block=True)
    after = region_def(single_block=True)
    custom_grammar = 'scf_while_header region "do" region ["attributes" attr_dict]'
    custom_rules = {**ASSIGN_RULES,
                    "scf_while_header": ('["(" scf_assign_list ")"] ":" function_type', _while_header)}

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> WhileOp:
        (inits, ft), before, after, attrs = c
        props, rest = _split_attrs(cls, attrs)
        op: WhileOp = cls.create(_resolve(st, inits, ft.inputs, kw), ft.results, props, rest, [before, after],
                                 location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        if self._malformed(self.num_operands) or len(self.regions) != 2:
            return p.generic_op(self, p._depth)
        b = self.regions[0].blocks[0] if self.regions[0].blocks else None
        s = p.op_name(self) + _init_list(p, " ", b.args if b is not None else [], self.operands)
        s += " : " + p.function_type(self.operand_types, self.result_types) + " "
        s += p.region(self.regions[0], None, False, True) + " do " + p.region(self.regions[1])
        return s + _attrs(p, self, keyword=True)

    @classmethod
    def build_while(cls, inits: Sequence[Value], result_types: Sequence[Type], location: Any = None) -> WhileOp:
        """An ``scf.while`` whose ``before`` block takes the inits' types and ``after`` block the result types
        (terminators left to the caller)."""
        before = Block([v.type for v in inits])
        after = Block(list(result_types))
        op: WhileOp = cls.create(list(inits), list(result_types), regions=[Region([before]), Region([after])],
                                 location=location)
        return op

    def get_loop_regions(self) -> list[Region]:
        return [self.regions[0], self.regions[1]]

    def get_successor_regions(self, point: Region | None) -> list[RegionSuccessor]:
        before, after = self.regions
        if point is None or point is after:
            return [RegionSuccessor(before, before.blocks[0].args if before.blocks else [])]
        return [RegionSuccessor(after, after.blocks[0].args if after.blocks else []),
                RegionSuccessor(None, self.results)]

    def get_entry_successor_operands(self, successor: Region | None) -> list[Value]:
        return self.operands

    def verify_(self) -> None:
        for i, r in enumerate(self.regions):
            if len(r.blocks) > 1:
                raise self.emit_error(f"expects region #{i} to have 0 or 1 blocks")
            if r.blocks and r.blocks[0].last_op is None:
                raise self.emit_error("expects a non-empty block")
        check_sized_regions(self, ["before", "after"])
        for r, kind, what in ((self.regions[0], "scf.condition", "before"), (self.regions[1], "scf.yield", "after")):
            t = r.blocks[0].last_op
            if t is None or t.name != kind:
                e = self.emit_error(f"expects the '{what}' region to terminate with '{kind}'")
                raise e if t is None else _note(e, "terminator here", t)  # type: ignore[arg-type]
        verify_region_branch(self)


# ---------------------------------------------------------------------------------------------------------------
# scf.parallel
# ---------------------------------------------------------------------------------------------------------------


def _parallel_header(c: list[Any], st: Any) -> Any:
    ivs, lbs, ubs, steps, inits, types = c
    ivs = ivs or []
    _entry_args(st, ivs, [index] * len(ivs))
    return lbs or [], ubs or [], steps or [], inits or [], types or []


class ParallelOp(SCFOp, name="scf.parallel", traits=[AutomaticAllocationScope(),
                                                     SingleBlockImplicitTerminator("scf.reduce"),
                                                     RecursiveMemoryEffects()]):
    """A parallel loop nest over ``(lowerBound, upperBound, step)`` tuples of ``index``; iterations may run in
    any order. Each result is a reduction: starting from ``initVals``, every iteration contributes one value per
    result through the ``scf.reduce`` terminator, combined by its regions.

    Syntax::

        %sum = scf.parallel (%i, %j) = (%a, %b) to (%c, %d) step (%s, %t) init (%zero) -> f32 {
          scf.reduce(%v : f32) {
          ^bb0(%l: f32, %r: f32):
            %x = arith.addf %l, %r : f32
            scf.reduce.return %x : f32
          }
        }

    Errors: no loop dimension, a constant non-positive step, induction variables not matching the step count or
    not ``index``, result/reduction/init count or type mismatches."""

    lowerBound = var_operand(VarIndex)
    upperBound = var_operand(VarIndex)
    step = var_operand(VarIndex)
    initVals = var_operand(VarAny)
    results_ = var_result()
    region = region_def(single_block=True)
    custom_grammar = "scf_parallel_header region [attr_dict]"
    custom_rules = {
        "scf_parallel_header": ('"(" [value_list] ")" "=" "(" [value_list] ")" "to" "(" [value_list] ")" '
                                '"step" "(" [value_list] ")" ["init" "(" [value_list] ")"] ["->" fn_results]',
                                _parallel_header),
    }

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> ParallelOp:
        (lbs, ubs, steps, inits, types), region, attrs = c
        if len(inits) != len(types):
            raise st.error(f"custom op 'scf.parallel' number of operands and types do not match: got {len(inits)} "
                           f"operands and {len(types)} types", kw)
        ensure_terminator(region, lambda: ReduceOp.create(location=st.loc(kw)))
        props, rest = _split_attrs(cls, attrs)
        props["operandSegmentSizes"] = DenseArrayAttr(i32, [len(lbs), len(ubs), len(steps), len(inits)])
        operands = [st.use(t, index) for t in (*lbs, *ubs, *steps)] + [st.use(t, ty) for t, ty in zip(inits, types)]
        op: ParallelOp = cls.create(operands, types, props, rest, [region], location=st.loc(kw))
        return op

    @classmethod
    def build_parallel(cls, lbs: Sequence[Value], ubs: Sequence[Value], steps: Sequence[Value],
                       inits: Sequence[Value] = (), location: Any = None) -> ParallelOp:
        """A loop nest with an entry block of ``index`` ivs; without inits it gets its empty ``scf.reduce``."""
        body = Block([index] * len(steps))
        if not inits:
            body.append(ReduceOp.create(location=location))
        props: dict[str, Attribute] = {"operandSegmentSizes": DenseArrayAttr(i32, [len(lbs), len(ubs), len(steps),
                                                                                  len(inits)])}
        op: ParallelOp = cls.create([*lbs, *ubs, *steps, *inits], [v.type for v in inits], props,
                                    regions=[Region([body])], location=location)
        return op

    def _groups(self) -> list[list[Value]]:
        sizes = self.segment_sizes("operand", self.operand_defs, self.num_operands)
        vals, out, pos = self.operands, [], 0
        for n in sizes:
            out.append(vals[pos:pos + n])
            pos += n
        return out

    def print_custom(self, p: Any) -> str:
        if self._malformed():
            return p.generic_op(self, p._depth)
        lbs, ubs, steps, inits = self._groups()
        b = self.regions[0].blocks[0]

        def vals(vs: Sequence[Value]) -> str:
            return ", ".join(p.value(v) for v in vs)

        s = f"{p.op_name(self)} ({vals(b.args)}) = ({vals(lbs)}) to ({vals(ubs)}) step ({vals(steps)})"
        if inits:
            s += f" init ({vals(inits)})"
        s += _arrow_types(p, self.result_types) + " " + p.region(self.regions[0], None, False, True)
        return s + _attrs(p, self)

    def get_loop_regions(self) -> list[Region]:
        return [self.regions[0]]

    def verify_(self) -> None:
        check_sized_regions(self, ["region"])
        _, _, steps, inits = self._groups()
        if not steps:
            raise self.emit_error("needs at least one tuple element for lowerBound, upperBound and step")
        for s in steps:
            c = _const_int(s)
            if c is not None and c <= 0:
                raise self.emit_error("constant step operand must be positive")
        body = self.regions[0].blocks[0]
        if len(body.args) != len(steps):
            raise self.emit_error(f"expects the same number of induction variables: {len(body.args)} as bound and "
                                  f"step values: {len(steps)}")
        if any(not isinstance(a.type, IndexType) for a in body.args):
            raise self.emit_error("expects arguments for the induction variable to be of index type")
        reduce = body.last_op
        if not isinstance(reduce, ReduceOp):
            e = self.emit_error("expects body to terminate with 'scf.reduce'")
            raise e if reduce is None else _note(e, "terminator here", reduce)  # type: ignore[arg-type]
        n = len(self.results)
        if n != len(reduce.regions):
            raise self.emit_error(f"expects number of results: {n} to be the same as number of reductions: "
                                  f"{len(reduce.regions)}")
        if n != len(inits):
            raise self.emit_error(f"expects number of results: {n} to be the same as number of initial values: "
                                  f"{len(inits)}")
        for i, (r, v) in enumerate(zip(self.results, reduce.operands)):
            if r.type != v.type:
                raise reduce.emit_error(f"expects type of {i}-th reduction operand: '{v.type}' to be the same as "
                                        f"the {i}-th result type: '{r.type}'")


# ---------------------------------------------------------------------------------------------------------------
# scf.forall
# ---------------------------------------------------------------------------------------------------------------


def _index_list(c: list[Any], st: Any) -> list[Any]:
    return [t for t in c if t is not None]


def _forall_header(c: list[Any], st: Any) -> Any:
    ivs, bounds, assigns, types = c
    assigns, types = assigns or [], types or []
    if len(assigns) != len(types):
        raise st.error(f"{len(assigns)} operands present, but expected {len(types)}",
                       assigns[0][0] if assigns else ivs[0])
    _entry_args(st, [*ivs, *(a for a, _ in assigns)], [index] * len(ivs) + list(types))
    return ivs, bounds, [v for _, v in assigns], types


def _parse_static(toks: Sequence[Any], st: Any) -> tuple[list[Value], DenseArrayAttr]:
    vals, static = [], []
    for t in toks:
        if t.type == "VALUE_ID":
            vals.append(st.use(t, index))
            static.append(DYNAMIC)
        else:
            static.append(int(str(t), 0))
    return vals, DenseArrayAttr(i64, static)


def _print_mixed(p: Any, static: Sequence[int], vals: Sequence[Value]) -> str:
    it = iter(vals)
    return "(" + ", ".join(p.value(next(it)) if s == DYNAMIC else str(s) for s in static) + ")"


class ForallOp(SCFOp, name="scf.forall", traits=[AutomaticAllocationScope(),
                                                 SingleBlockImplicitTerminator("scf.forall.in_parallel"),
                                                 RecursiveMemoryEffects()]):
    """A parallel loop nest whose iterations (threads) may run concurrently; tensors written by the threads are
    ``shared_outs`` (block arguments tied to ``outputs``), updated only by the ``scf.forall.in_parallel``
    terminator, whose result is the op's results.

    Syntax::

        %r = scf.forall (%i, %j) in (8, %n) shared_outs(%o = %t) -> (tensor<8x?xf32>) {
          scf.forall.in_parallel { tensor.parallel_insert_slice ... }
        } {mapping = [...]}
        scf.forall (%i) = (0) to (%n) step (2) { ... }

    Bounds are mixed static/dynamic lists (``staticLowerBound`` etc., ``kDynamic`` where an ``index`` operand
    stands); the ``in`` form is printed when every lower bound is 0 and every step 1. Errors: results not
    matching the outputs, region arguments not ``index`` then the outputs' types, bound list sizes."""

    dynamicLowerBound = var_operand(VarIndex)
    dynamicUpperBound = var_operand(VarIndex)
    dynamicStep = var_operand(VarIndex)
    outputs = var_operand(VarRankedTensor)
    staticLowerBound = prop(I64Array)
    staticUpperBound = prop(I64Array)
    staticStep = prop(I64Array)
    mapping = prop(ArrayAttr, optional=True)
    results_ = var_result()
    region = region_def(single_block=True)
    custom_grammar = "scf_forall_header region [attr_dict]"
    custom_rules = {
        **ASSIGN_RULES,
        "scf_forall_header": ('"(" value_list ")" (scf_forall_in | scf_forall_range) '
                              '["shared_outs" "(" scf_assign_list ")" ["->" fn_results]]', _forall_header),
        "scf_forall_in": ('"in" scf_index_list', lambda c, st: (None, c[0], None)),
        "scf_forall_range": ('"=" scf_index_list "to" scf_index_list "step" scf_index_list',
                             lambda c, st: (c[0], c[1], c[2])),
        "scf_index_list": ('"(" [(VALUE_ID | INT) ("," (VALUE_ID | INT))*] ")"', _index_list),
    }
    _STATIC = ("staticLowerBound", "staticUpperBound", "staticStep")

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> ForallOp:
        (ivs, (lbs, ubs, steps), outs, types), region, attrs = c
        loc = st.loc(kw)
        n = len(ivs)
        if lbs is None:
            lb_vals: list[Value] = []
            st_vals: list[Value] = []
            lb_attr, st_attr = DenseArrayAttr(i64, [0] * n), DenseArrayAttr(i64, [1] * n)
        else:
            lb_vals, lb_attr = _parse_static(lbs, st)
            st_vals, st_attr = _parse_static(steps, st)
        ub_vals, ub_attr = _parse_static(ubs, st)
        out_vals = _resolve(st, outs, types, kw)
        ensure_terminator(region, lambda: InParallelOp.build_empty(loc))
        props, rest = _split_attrs(cls, attrs)
        props.update(staticLowerBound=lb_attr, staticUpperBound=ub_attr, staticStep=st_attr,
                     operandSegmentSizes=DenseArrayAttr(i32, [len(lb_vals), len(ub_vals), len(st_vals),
                                                              len(out_vals)]))
        op: ForallOp = cls.create([*lb_vals, *ub_vals, *st_vals, *out_vals], types, props, rest, [region],
                                  location=loc)
        return op

    # --- accessors ----------------------------------------------------------------------------------------------
    @property
    def rank(self) -> int:
        a = self.properties.get("staticLowerBound")
        return len(a.values) if isinstance(a, DenseArrayAttr) else 0

    def _groups(self) -> list[list[Value]]:
        sizes = self.segment_sizes("operand", self.operand_defs, self.num_operands)
        vals, out, pos = self.operands, [], 0
        for n in sizes:
            out.append(vals[pos:pos + n])
            pos += n
        return out

    def _static(self, name: str) -> list[int]:
        a = self.properties.get(name)
        return list(a.values) if isinstance(a, DenseArrayAttr) else []

    def mixed(self, which: int) -> list[int | Value]:
        """Lower bounds (0), upper bounds (1) or steps (2) as ints or dynamic values (``getMixed...``)."""
        it = iter(self._groups()[which])
        return [next(it) if s == DYNAMIC else s for s in self._static(self._STATIC[which])]

    def is_normalized(self) -> bool:
        """Every lower bound is 0 and every step 1, static or a constant value (MLIR's ``isNormalized``)."""
        def const(x: int | Value) -> int | None:
            return x if isinstance(x, int) else _const_int(x)

        return all(const(x) == 0 for x in self.mixed(0)) and all(const(x) == 1 for x in self.mixed(2))

    def get_loop_regions(self) -> list[Region]:
        return [self.regions[0]]

    # --- syntax -------------------------------------------------------------------------------------------------
    def print_custom(self, p: Any) -> str:
        if self._malformed(self.rank + len(self.results)):
            return p.generic_op(self, p._depth)
        lbs, ubs, steps, outs = self._groups()
        b = self.regions[0].blocks[0]
        rank = self.rank
        s = p.op_name(self) + " (" + ", ".join(p.value(a) for a in b.args[:rank])
        if self.is_normalized():
            s += ") in " + _print_mixed(p, self._static("staticUpperBound"), ubs)
        else:
            s += ") = " + _print_mixed(p, self._static("staticLowerBound"), lbs)
            s += " to " + _print_mixed(p, self._static("staticUpperBound"), ubs)
            s += " step " + _print_mixed(p, self._static("staticStep"), steps)
        s += _init_list(p, " shared_outs", b.args[rank:], outs) + " "
        if outs:
            s += "-> (" + _types(p, self.result_types) + ") "
        return s + p.region(self.regions[0], None, False, bool(self.results)) + _attrs(p, self, self._STATIC)

    # --- verification -------------------------------------------------------------------------------------------
    def verify_(self) -> None:
        check_sized_regions(self, ["region"])
        n = self.rank
        _, _, _, outs = self._groups()
        if len(self.results) != len(outs):
            raise self.emit_error(f"produces {len(self.results)} results, but has only {len(outs)} outputs")
        args = self.regions[0].blocks[0].args
        if len(args) != n + len(outs):
            raise self.emit_error(f"region expects {n} arguments")
        for i in range(n):
            if not isinstance(args[i].type, IndexType):
                raise self.emit_error(f"expects {i}-th block argument to be an index")
        for i, v in enumerate(outs):
            if args[n + i].type != v.type:
                raise self.emit_error(f"type mismatch between {i}-th output and corresponding block argument")
        m = self.properties.get("mapping")
        if isinstance(m, ArrayAttr) and m.value and len(m.value) != n:
            raise self.emit_error("mapping attribute size must match op rank")
        groups = self._groups()
        for i, what in enumerate(("lower bound", "upper bound", "step")):
            static = self._static(self._STATIC[i])
            if len(static) != n:
                raise _error(self, f"expected {n} {what} values, got {len(static)}")
            n_dyn = sum(1 for x in static if x == DYNAMIC)
            if len(groups[i]) != n_dyn:
                raise _error(self, f"expected {n_dyn} dynamic {what} values")
        check_terminator(self)


# ---------------------------------------------------------------------------------------------------------------
# scf.execute_region, scf.index_switch
# ---------------------------------------------------------------------------------------------------------------


class ExecuteRegionOp(SCFOp, name="scf.execute_region", traits=[RecursiveMemoryEffects()]):
    """Run its region (any number of blocks, ending in ``scf.yield``) once; the results are what it yields.
    Lets multi-block code live where a single block is required.

    Syntax: ``%r = scf.execute_region -> i32 [no_inline] { ... scf.yield %v : i32 }``. Errors: an empty region,
    entry block arguments, yields not matching the results."""

    results_ = var_result()
    no_inline = prop(UnitAttr, optional=True)
    region = region_def()
    custom_grammar = '["->" fn_results] [scf_kw_no_inline] region [attr_dict]'
    custom_rules = {"scf_kw_no_inline": ('"no_inline"', lambda c, st: True)}

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> ExecuteRegionOp:
        types, no_inline, region, attrs = c
        props, rest = _split_attrs(cls, attrs)
        if no_inline:
            props["no_inline"] = UnitAttr()
        op: ExecuteRegionOp = cls.create([], types or [], props, rest, [region], location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        s = p.op_name(self) + _arrow_types(p, self.result_types) + " "
        if "no_inline" in self.properties:
            s += "no_inline "
        return s + p.region(self.regions[0], None, False, True) + _attrs(p, self, ["no_inline"])

    def get_successor_regions(self, point: Region | None) -> list[RegionSuccessor]:
        return [RegionSuccessor(self.regions[0], [])] if point is None else [RegionSuccessor(None, self.results)]

    def get_entry_successor_operands(self, successor: Region | None) -> list[Value]:
        return []

    def verify_(self) -> None:
        r = self.regions[0]
        if not r.blocks:
            raise self.emit_error("region needs to have at least one block")
        if r.blocks[0].args:
            raise self.emit_error("region cannot have any arguments")
        verify_region_branch(self)


def _switch_case(c: list[Any], st: Any) -> tuple[int, Region]:
    return int(str(c[0]), 0), c[1]


class IndexSwitchOp(SCFOp, name="scf.index_switch", traits=[SingleBlockImplicitTerminator("scf.yield"),
                                                            RecursiveMemoryEffects()]):
    """Run the case region whose value equals ``arg`` (an ``index``), else the default region; results are
    what the executed region yields.

    Syntax::

        %r = scf.index_switch %i -> f32
        case 2 { scf.yield %a : f32 }
        default { scf.yield %b : f32 }

    Regions: ``defaultRegion`` then ``caseRegions`` (``cases`` holds their values). Errors: as many case values
    as case regions, duplicate values, yields not matching the results."""

    arg = operand(Index)
    cases = prop(I64Array)
    results_ = var_result()
    defaultRegion = region_def(single_block=True)
    caseRegions = var_region(single_block=True)
    custom_grammar = 'VALUE_ID [attr_dict] ["->" type_list] scf_case* "default" region'
    custom_rules = {"scf_case": ('"case" INT region', _switch_case)}

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> IndexSwitchOp:
        arg, attrs, types, *cases, default = c
        loc = st.loc(kw)
        ensure_terminator(default, lambda: YieldOp.create(location=loc))
        props, rest = _split_attrs(cls, attrs)
        props["cases"] = DenseArrayAttr(i64, [v for v, _ in cases])
        op: IndexSwitchOp = cls.create([st.use(arg, index)], types or [], props, rest,
                                       [default, *(r for _, r in cases)], location=loc)
        return op

    def print_custom(self, p: Any) -> str:
        ind = "  " * p._depth
        s = f"{p.op_name(self)} {p.value(self.operand(0))}" + _attrs(p, self, ["cases"])
        if self.results:
            s += " -> " + _types(p, self.result_types)
        s += " "
        values = self.properties.get("cases")
        for v, r in zip(values.values if isinstance(values, DenseArrayAttr) else (), self.regions[1:]):
            s += f"\n{ind}case {v} " + p.region(r, None, False, True)
        default = self.regions[0]
        t = default.blocks[0].last_op if default.blocks else None
        terms = t is None or bool(t.operands or t.attributes or t.results)
        return s + f"\n{ind}default " + p.region(default, None, True, terms)

    def get_successor_regions(self, point: Region | None) -> list[RegionSuccessor]:
        if point is not None:
            return [RegionSuccessor(None, self.results)]
        return [RegionSuccessor(r, []) for r in self.regions]

    def get_entry_successor_operands(self, successor: Region | None) -> list[Value]:
        return []

    def verify_(self) -> None:
        check_sized_regions(self, ["defaultRegion", "caseRegions"])
        values = self.properties["cases"]
        assert isinstance(values, DenseArrayAttr)
        n_cases = len(self.regions) - 1
        if len(values.values) != n_cases:
            raise self.emit_error(f"has {n_cases} case regions but {len(values.values)} case values")
        seen: set[int] = set()
        for v in values.values:
            if v in seen:
                raise self.emit_error(f"has duplicate case value: {v}")
            seen.add(v)
        for i, r in enumerate(self.regions):
            name = "default region" if i == 0 else f"case region #{i - 1}"
            y = r.blocks[0].last_op
            if not isinstance(y, YieldOp):
                raise self.emit_error(f"expected region to end with scf.yield, but got {y.name if y else 'nothing'}")
            if y.num_operands != len(self.results):
                raise _note(VerifyError(f"expected each region to return {len(self.results)} values, but {name} "
                                        f"returns {y.num_operands}", self), "see yield operation here", y)
            for j, (rt, v) in enumerate(zip(self.result_types, y.operands)):
                if rt != v.type:
                    raise _note(VerifyError(f"expected result #{j} of each region to be '{rt}'", self),
                                f"{name} returns '{v.type}' here", y)
        check_terminator(self)


# ---------------------------------------------------------------------------------------------------------------
# canonicalization (mlir/lib/Dialect/SCF/IR/SCF.cpp)
# ---------------------------------------------------------------------------------------------------------------


def _inline_single_block(rewriter: PatternRewriter, op: Operation, region: Region, args: Sequence[Value]) -> None:
    """Move the ops of ``region``'s block before ``op`` (block arguments replaced by ``args``), replace ``op``'s
    results by the operands of the block's terminator, and erase both (MLIR's ``replaceOpWithRegion``)."""
    block = region.blocks[0]
    term = block.last_op
    assert term is not None
    results = term.operands
    rewriter.inline_block_before(block, op.parent, op, args)  # type: ignore[arg-type]
    rewriter.replace_op(op, results)
    rewriter.erase_op(term)


class ForOpPromoteStaticTripCount(RewritePattern):
    """A ``scf.for`` that runs zero times is replaced by its init values; one that runs once is replaced by its
    body (iv = lower bound, iter_args = inits), as MLIR's ``ForOp::promoteIfSingleIteration``; one that runs more
    often with an empty body yielding only values defined outside the loop is replaced by those values (MLIR's
    ``SimplifyTrivialLoops``)."""

    root = "scf.for"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, ForOp)
        n = op.static_trip_count()
        if n == 0:
            rewriter.replace_op(op, op.init_values)
            return True
        if n == 1:
            _inline_single_block(rewriter, op, op.regions[0], [op.operand(0), *op.init_values])
            return True
        ys = op.yielded_values
        if n is None or op.body.first_op is not op.body.last_op or any(_defined_in(y, op.regions[0]) for y in ys):
            return False
        rewriter.replace_op(op, ys)
        return True


class ForOpTensorCastFolder(RewritePattern):
    """An iter_arg initialized by a ``tensor.cast`` that only drops static information, whose result has one use,
    is carried with the cast's source type: casts to the old type at the start of the body and after the loop,
    and to the new type before the ``scf.yield`` (MLIR's ``ForOpTensorCastFolder``)."""

    root = "scf.for"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        from .tensor import CastOp as TensorCastOp
        from .tensor import preserves_static_information

        assert isinstance(op, ForOp)
        inits = op.init_values
        for k, (v, r) in enumerate(zip(inits, op.results)):
            cast = v.defining_op
            if (not isinstance(cast, TensorCastOp) or cast.source.type == cast.dest.type
                    or not preserves_static_information(cast.dest.type, cast.source.type) or len(r.uses) != 1):
                continue
            old_t, new_t, loc = v.type, cast.source.type, op.location
            with rewriter.insertion_guard():
                rewriter.set_insertion_point(op)
                new = ForOp.build_loop(op.operand(0), op.operand(1), op.operand(2),
                                       [cast.source if j == k else x for j, x in enumerate(inits)], loc,
                                       "unsignedCmp" in op.properties)
                rewriter.insert(new)
                new.attributes.update(op.attributes)
                args = list(new.body.args)
                rewriter.set_insertion_point_to_start(new.body)
                args[k + 1] = rewriter.create(TensorCastOp, [args[k + 1]], [old_t], location=loc).results[0]
                rewriter.merge_blocks(op.body, new.body, args)
                term = new.body.last_op
                assert term is not None
                rewriter.set_insertion_point(term)
                out = rewriter.create(TensorCastOp, [term.operand(k)], [new_t], location=loc).results[0]
                rewriter.create(YieldOp, [out if j == k else y for j, y in enumerate(term.operands)], location=loc)
                rewriter.erase_op(term)
                rewriter.set_insertion_point_after(new)
                back = rewriter.create(TensorCastOp, [new.results[k]], [old_t], location=loc).results[0]
            rewriter.replace_op(op, [back if j == k else x for j, x in enumerate(new.results)])
            return True
        return False


class ForOpIterArgsFolder(RewritePattern):
    """Drop the ``iter_args`` that carry nothing: yielded unchanged, yielding their own init, or unused inside
    and outside the loop; their uses (and results) take the init value (MLIR's ``ForOpIterArgsFolder``)."""

    root = "scf.for"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, ForOp)
        inits, iters, ys = op.init_values, op.region_iter_args, op.yielded_values
        if len(ys) != len(iters):
            return False
        keep = [not (a is y or v is y or (not a.has_uses() and not r.has_uses()))
                for v, a, r, y in zip(inits, iters, op.results, ys)]
        if all(keep):
            return False
        kept_inits = [v for v, k in zip(inits, keep) if k]
        with rewriter.insertion_guard():
            rewriter.set_insertion_point(op)
            new = ForOp.build_loop(op.operand(0), op.operand(1), op.operand(2), kept_inits, op.location,
                                   "unsignedCmp" in op.properties)
            rewriter.insert(new)
        new.attributes.update(op.attributes)
        new_args = iter(new.region_iter_args)
        repl = [new.induction_var] + [next(new_args) if k else v for v, k in zip(inits, keep)]
        term = op.body.last_op
        assert isinstance(term, YieldOp)
        with rewriter.modify_op_in_place(term):
            term.set_operands([y for y, k in zip(ys, keep) if k])
        old_block = op.body
        if new.body.last_op is not None:  # the builder's default yield: replaced by the moved one
            rewriter.erase_op(new.body.last_op)
        rewriter.merge_blocks(old_block, new.body, repl)
        new_results = iter(new.results)
        rewriter.replace_op(op, [next(new_results) if k else v for v, k in zip(inits, keep)])
        return True


class RemoveStaticCondition(RewritePattern):
    """``scf.if`` on a constant condition is replaced by the region that runs (or erased when that region is an
    absent else and there are no results), as MLIR's ``RemoveStaticCondition``."""

    root = "scf.if"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        c = constant_value(op.operand(0))
        if not isinstance(c, IntegerAttr):
            return False
        region = op.regions[0] if c.value else op.regions[1]
        if not region.blocks:
            rewriter.erase_op(op)
            return True
        _inline_single_block(rewriter, op, region, [])
        return True


def _yields(op: Operation) -> tuple[list[Value], list[Value]]:
    """The values the then and else blocks of an ``scf.if`` with results yield."""
    then, other = (r.blocks[0].last_op for r in op.regions)
    assert then is not None and other is not None
    return then.operands, other.operands


def _defined_in(v: Value, region: Region) -> bool:
    blk = v.parent_block
    return blk is not None and blk.parent is region


def _new_if(rewriter: PatternRewriter, op: Operation, types: Sequence[Type]) -> IfOp:
    """An ``scf.if`` like ``op`` with result ``types``, inserted before ``op``, taking ``op``'s regions."""
    new: IfOp = IfOp.create([op.operand(0)], list(types), regions=[Region(), Region()], location=op.location)
    new.attributes.update(op.attributes)
    for r_new, r_old in zip(new.regions, op.regions):
        r_new.take_body(r_old)
    with rewriter.insertion_guard():
        rewriter.set_insertion_point(op)
        rewriter.insert(new)
    return new


def _set_yield(rewriter: PatternRewriter, block: Block, values: Sequence[Value]) -> None:
    term = block.last_op
    assert term is not None
    with rewriter.modify_op_in_place(term):
        term.set_operands(list(values))


def _inside(region: Region, op: Operation) -> bool:
    """Whether ``op`` is nested (at any depth) in ``region`` (MLIR's ``Region::isAncestor``)."""
    r = op.parent_region
    while r is not None:
        if r is region:
            return True
        p = r.parent
        r = p.parent_region if p is not None else None
    return False


def _is_not_of(v: Value, c: Value) -> bool:
    """``v`` is ``arith.xori c, true`` (MLIR's ``m_One`` on the right operand)."""
    d = v.defining_op
    if d is None or d.name != "arith.xori" or d.operand(0) is not c:
        return False
    one = constant_value(d.operand(1))
    return isinstance(one, IntegerAttr) and one.value in (1, -1)


class CombineIfs(RewritePattern):
    """Two consecutive ``scf.if`` on the same condition (or on a condition and its ``xori true`` negation) become
    one, the first's results used in the second replaced by the yielded values (MLIR's ``CombineIfs``)."""

    root = "scf.if"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        prev = op.prev_op
        if not isinstance(prev, IfOp):
            return False
        nxt_then: Block | None = None
        nxt_else: Block | None = None
        then_b = op.regions[0].blocks[0]
        else_b = op.regions[1].blocks[0] if op.regions[1].blocks else None
        pc, nc = prev.operand(0), op.operand(0)
        if nc is pc:
            nxt_then, nxt_else = then_b, else_b
        if _is_not_of(nc, pc) or _is_not_of(pc, nc):
            nxt_else, nxt_then = then_b, else_b
        if nxt_then is None and nxt_else is None:
            return False
        p_then = prev.regions[0].blocks[0]
        p_else = prev.regions[1].blocks[0] if prev.regions[1].blocks else None
        t_ys = list(p_then.last_op.operands)  # type: ignore[union-attr]
        e_ys = list(p_else.last_op.operands) if p_else is not None else []  # type: ignore[union-attr]
        for r, ty, ey in zip(prev.results, t_ys, e_ys):
            for use in list(r.uses):
                user = use.owner
                if nxt_then is not None and _inside(nxt_then.parent, user):  # type: ignore[arg-type]
                    with rewriter.modify_op_in_place(user):
                        use.set(ty)
                elif nxt_else is not None and _inside(nxt_else.parent, user):  # type: ignore[arg-type]
                    with rewriter.modify_op_in_place(user):
                        use.set(ey)
        n_prev = len(prev.results)
        combined: IfOp = IfOp.create([pc], [*prev.result_types, *op.result_types], regions=[Region(), Region()],
                                     location=op.location)
        with rewriter.insertion_guard():
            rewriter.set_insertion_point(op)
            rewriter.insert(combined)
        rewriter.inline_region_before(prev.regions[0], combined.regions[0])
        cthen = combined.regions[0].blocks[0]
        if nxt_then is not None:
            self._merge(rewriter, nxt_then, cthen)
        rewriter.inline_region_before(prev.regions[1], combined.regions[1])
        if nxt_else is not None:
            if not combined.regions[1].blocks:
                rewriter.inline_region_before(nxt_else.parent, combined.regions[1])  # type: ignore[arg-type]
            else:
                self._merge(rewriter, nxt_else, combined.regions[1].blocks[0])
        rewriter.replace_op(prev, combined.results[:n_prev])
        rewriter.replace_op(op, combined.results[n_prev:])
        return True

    @staticmethod
    def _merge(rewriter: PatternRewriter, src: Block, dest: Block) -> None:
        """Append ``src`` to ``dest``; one ``scf.yield`` of both yields' operands ends the block."""
        y1, y2 = dest.last_op, src.last_op
        assert y1 is not None and y2 is not None
        rewriter.merge_blocks(src, dest)
        with rewriter.insertion_guard():
            rewriter.set_insertion_point_to_end(dest)
            rewriter.create(YieldOp, [*y1.operands, *y2.operands], location=y2.location)
        rewriter.erase_op(y1)
        rewriter.erase_op(y2)


class CombineNestedIfs(RewritePattern):
    """``scf.if %a { scf.if %b {...} }`` (the inner ``scf.if`` alone in the then block, else blocks only yielding)
    becomes ``scf.if (%a and %b)``; outer results yielded from outside become ``arith.select`` on ``%a`` (MLIR's
    ``CombineNestedIfs``)."""

    root = "scf.if"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        from . import arith

        then_b = op.regions[0].blocks[0]
        inner = then_b.first_op
        if not isinstance(inner, IfOp) or inner.next_op is not then_b.last_op:
            return False
        for o in (op, inner):
            if o.regions[1].blocks and o.regions[1].blocks[0].first_op is not o.regions[1].blocks[0].last_op:
                return False
        then_ys = list(then_b.last_op.operands)  # type: ignore[union-attr]
        else_ys = list(op.regions[1].blocks[0].last_op.operands) if op.regions[1].blocks else []  # type: ignore[union-attr]
        inner_then_y, inner_else_y = inner.regions[0].blocks[0].last_op, None
        if inner.regions[1].blocks:
            inner_else_y = inner.regions[1].blocks[0].last_op
        to_select: list[int] = []
        for i, v in enumerate(then_ys):
            if v.defining_op is inner:
                k = v.index  # type: ignore[attr-defined]
                if inner_else_y is None or inner_else_y.operand(k) is not else_ys[i]:
                    return False
                then_ys[i] = inner_then_y.operand(k)  # type: ignore[union-attr]
                continue
            if _defined_in(v, op.regions[0]):
                return False
            to_select.append(i)
        loc = op.location
        with rewriter.insertion_guard():
            rewriter.set_insertion_point(op)
            cond = rewriter.create(vars(arith)["AndIOp"], [op.operand(0), inner.operand(0)], [op.operand(0).type],
                                   location=loc).results[0]
            new: IfOp = IfOp.create([cond], op.result_types, regions=[Region([Block()]), Region()], location=loc)
            rewriter.insert(new)
            results = list(new.results)
            rewriter.set_insertion_point(new)
            for i in to_select:
                results[i] = rewriter.create(arith.SelectOp, [op.operand(0), then_ys[i], else_ys[i]],
                                             [then_ys[i].type], location=loc).results[0]
            nb = new.regions[0].blocks[0]
            rewriter.merge_blocks(inner.regions[0].blocks[0], nb)
            old_y = nb.last_op
            assert old_y is not None
            rewriter.set_insertion_point_to_end(nb)
            rewriter.create(YieldOp, then_ys, location=old_y.location)
            rewriter.erase_op(old_y)
            if else_ys:
                eb = rewriter.create_block(new.regions[1])
                rewriter.set_insertion_point_to_end(eb)
                rewriter.create(YieldOp, else_ys, location=loc)
        rewriter.replace_op(op, results)
        return True


class ConditionPropagation(RewritePattern):
    """Inside the then (else) region of an ``scf.if`` on a non-constant condition, uses of the condition become
    ``true`` (``false``) constants created before the op (MLIR's ``ConditionPropagation``)."""

    root = "scf.if"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        from .arith import ConstantOp

        cond = op.operand(0)
        if constant_value(cond) is not None:
            return False
        consts: dict[int, Value] = {}
        changed = False
        for use in reversed(cond.uses):  # MLIR's use-list order: newest use first
            user = use.owner
            for k, region in ((1, op.regions[0]), (0, op.regions[1])):
                if not _inside(region, user):
                    continue
                if k not in consts:
                    with rewriter.insertion_guard():
                        rewriter.set_insertion_point(op)
                        consts[k] = rewriter.insert(ConstantOp.from_value(IntegerAttr(k, IntegerType(1)),
                                                                          op.location)).results[0]
                with rewriter.modify_op_in_place(user):
                    use.set(consts[k])
                changed = True
                break
        return changed


class ConvertTrivialIfToSelect(RewritePattern):
    """Results of an ``scf.if`` whose yielded values are both defined outside it become ``arith.select`` of the
    condition (or the value itself when both yield the same); the other results stay on a smaller ``scf.if``
    (MLIR's ``ConvertTrivialIfToSelect``)."""

    root = "scf.if"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        from .arith import SelectOp

        if not op.results:
            return False
        then_r, else_r = op.regions
        ts, fs = _yields(op)
        kept = [i for i, (t, f) in enumerate(zip(ts, fs)) if _defined_in(t, then_r) or _defined_in(f, else_r)]
        if len(kept) == len(op.results):
            return False
        new = _new_if(rewriter, op, [op.results[i].type for i in kept])
        results: list[Value] = []
        with rewriter.insertion_guard():
            rewriter.set_insertion_point(new)
            for i, (t, f) in enumerate(zip(ts, fs)):
                if i in kept:
                    results.append(new.results[kept.index(i)])
                elif t is f:
                    results.append(t)
                else:
                    results.append(rewriter.create(SelectOp, [op.operand(0), t, f], [t.type],
                                                   location=op.location).results[0])
        _set_yield(rewriter, new.regions[0].blocks[0], [ts[i] for i in kept])
        _set_yield(rewriter, new.regions[1].blocks[0], [fs[i] for i in kept])
        rewriter.replace_op(op, results)
        return True


class RemoveEmptyElseBranch(RewritePattern):
    """An ``scf.if`` without results whose else block holds only its ``scf.yield`` loses the else region (MLIR's
    ``RemoveEmptyElseBranch``)."""

    root = "scf.if"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        other = op.regions[1]
        if op.results or not other.blocks or other.blocks[0].first_op is not other.blocks[0].last_op:
            return False
        with rewriter.modify_op_in_place(op):
            rewriter.erase_block(other.blocks[0])
        return True


class RemoveUnusedResults(RewritePattern):
    """The unused results of an ``scf.if`` are dropped, with the values yielded for them (MLIR's
    ``RemoveUnusedResults``)."""

    root = "scf.if"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        used = [i for i, r in enumerate(op.results) if r.has_uses()]
        if len(used) == len(op.results):
            return False
        ts, fs = _yields(op)
        new = _new_if(rewriter, op, [op.results[i].type for i in used])
        _set_yield(rewriter, new.regions[0].blocks[0], [ts[i] for i in used])
        _set_yield(rewriter, new.regions[1].blocks[0], [fs[i] for i in used])
        rewriter.replace_op(op, [new.results[used.index(i)] if i in used else r for i, r in enumerate(op.results)])
        return True


class ReplaceIfYieldWithConditionOrValue(RewritePattern):
    """Uses of a result yielding the same value in both blocks take that value; of an ``i1`` result yielding
    ``true``/``false`` the condition, ``false``/``true`` its negation (``xori`` with ``true``) (MLIR's
    ``ReplaceIfYieldWithConditionOrValue``)."""

    root = "scf.if"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        from . import arith

        if not op.results:
            return False
        changed = False
        cond = op.operand(0)
        for t, f, r in zip(*_yields(op), op.results):
            if not r.has_uses():
                continue
            if t is f:
                rewriter.replace_all_uses_with(r, t)
                changed = True
                continue
            a, b = constant_value(t), constant_value(f)
            if not (isinstance(a, IntegerAttr) and isinstance(b, IntegerAttr) and a.type == b.type == IntegerType(1)):
                continue
            if a.value and not b.value:
                rewriter.replace_all_uses_with(r, cond)
                changed = True
            elif not a.value and b.value:
                with rewriter.insertion_guard():
                    rewriter.set_insertion_point(op)
                    one = rewriter.insert(arith.ConstantOp.from_value(IntegerAttr(1, IntegerType(1)), op.location))
                    neg = rewriter.create(vars(arith)["XOrIOp"], [cond, one.results[0]], [cond.type],
                                          location=op.location)
                rewriter.replace_all_uses_with(r, neg.results[0])
                changed = True
        return changed


DIALECT = Dialect("scf", [ConditionOp, ExecuteRegionOp, ForOp, ForallOp, IfOp, IndexSwitchOp, InParallelOp,
                          ParallelOp, ReduceOp, ReduceReturnOp, WhileOp, YieldOp], description=__doc__ or "")
