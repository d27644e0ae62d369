"""The cf dialect (mlir/docs/Dialects/ControlFlowDialect.md): unstructured control flow between blocks.

``cf.br``, ``cf.cond_br`` and ``cf.switch`` end a block and pass operands to their successors' arguments; in the
generic form those operands are ordinary operands (delimited by ``operandSegmentSizes``, and for ``cf.switch`` by
``case_operand_segments``), in the custom form they follow each successor: ``^bb1(%x, %y : i32, f32)``.
``cf.assert`` aborts with a message when its condition is false.

Every branch implements MLIR's ``BranchOpInterface``: ``get_successor_operands(i)`` (the operand slots passed to
successor ``i``), ``erase_successor_operand(i, j)``, and the verifier that checks them against the target block's
arguments (count, then types). Canonicalization: a constant-condition ``cf.cond_br`` becomes a ``cf.br``, and a
``cf.br`` to a block whose only predecessor it is merges the two blocks (MLIR's ``SimplifyConstCondBranchPred`` and
``SimplifyBrToBlockWithSinglePred``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from mlir_py.attributes import (
    Attribute,
    DenseArrayAttr,
    DenseElementsAttr,
    IntegerAttr,
    IntegerType,
    StringAttr,
    Type,
    VectorType,
    i32,
)
from mlir_py.diagnostics import VerifyError
from mlir_py.dialect import Dialect
from mlir_py.interfaces import WRITE
from mlir_py.ir import Block, BlockArgument, Operation, OpOperand, Value
from mlir_py.opdef import (
    Constraint,
    IsTerminator,
    MemoryEffects,
    Op,
    Pure,
    isa,
    operand,
    prop,
    successor_def,
    var_operand,
    var_successor,
)
from mlir_py.rewrite import PatternRewriter, RewritePattern, constant_value

I1 = Constraint(lambda t: isinstance(t, IntegerType) and t.width == 1 and t.signedness == "signless",
                "1-bit signless integer")
AnyInteger = isa(IntegerType, description="integer")
I32Array = Constraint(lambda a: isinstance(a, DenseArrayAttr) and a.element_type == i32, "i32 dense array attribute")
IntElements = Constraint(lambda a: isinstance(a, DenseElementsAttr) and isinstance(a.type.element_type, IntegerType),
                         "integer elements attribute")


def _error(op: Operation, message: str) -> VerifyError:
    """MLIR's ``op->emitError(message)``: located at the op, without the ``'name' op`` prefix."""
    e = VerifyError(message, None, op.location)
    e.op = op
    e.diagnostic.op = op
    return e


# ---------------------------------------------------------------------------------------------------------------
# successor operands: printing, parsing, verification (shared by the three branches)
# ---------------------------------------------------------------------------------------------------------------


def print_successor(p: Any, block: Block, operands: Sequence[Value]) -> str:
    """``^bb1`` or ``^bb1(%a, %b : i32, f32)`` (MLIR's ``printSuccessorAndUseList``)."""
    s = p.block_name(block)
    if operands:
        s += "(" + ", ".join(p.value(v) for v in operands) + " : " + ", ".join(p.type(v.type) for v in operands) + ")"
    return s


def _succ_rule(c: list[Any], st: Any) -> tuple[Any, list[Any], list[Type]]:
    return (c[0], c[1] or [], c[2] or [])


#: ``^bb1`` or ``^bb1(%a : i32)``; the value is (block token, value tokens, types)
SUCCESSOR_RULES: dict[str, tuple[str, Any]] = {
    "cf_successor": ('CARET_ID ["(" value_list ":" type_list ")"]', _succ_rule),
}


def switch_case_rules(name: str, grammar: str) -> dict[str, tuple[str, Any]]:
    """:data:`SUCCESSOR_RULES` plus the rule ``name`` of one switch case (``grammar``: its value, then a
    ``cf_successor``); the rule's value is (value token, successor)."""
    return {**SUCCESSOR_RULES, name: (grammar, lambda c, st: (c[0], c[1]))}


def resolve_successor(succ: tuple[Any, list[Any], list[Type]], st: Any) -> tuple[Block, list[Value]]:
    """The block and operand values of a parsed ``cf_successor`` (MLIR's ``parseSuccessorAndUseList``)."""
    tok, vals, types = succ
    if len(vals) != len(types):
        raise st.error(f"{len(vals)} operands present, but expected {len(types)}", tok)
    return st.block_ref(tok), [st.use(v, t) for v, t in zip(vals, types)]


def verify_successor_operands(op: Operation, index: int, operands: Sequence[Value]) -> None:
    """MLIR's ``verifyBranchSuccessorOperands``: as many operands as the target has arguments, of equal types."""
    dest = op.successors[index]
    if len(operands) != len(dest.args):
        raise _error(op, f"branch has {len(operands)} operands for successor #{index}, but target block has "
                         f"{len(dest.args)}")
    for i, (v, a) in enumerate(zip(operands, dest.args)):
        if v.type != a.type:
            raise _error(op, f"type mismatch for bb argument #{i} of successor #{index}")


def split_attr_dict(cls: type[Op], attrs: dict[str, Attribute] | None) -> tuple[dict[str, Attribute], dict[str, Attribute]]:
    """Split a parsed attr-dict into (properties, discardable attributes): a hand-written parser's inherent
    attributes become properties, as MLIR's ``Operation::create`` does."""
    props: dict[str, Attribute] = {}
    rest: dict[str, Attribute] = {}
    for k, v in (attrs or {}).items():
        (props if k in cls.property_names() else rest)[k] = v
    return props, rest


def _attr_suffix(p: Any, op: Operation) -> str:
    return " " + p.attr_dict(op.attributes) if op.attributes else ""


def _segments(*sizes: int) -> DenseArrayAttr:
    return DenseArrayAttr(i32, list(sizes))


class BranchOp(Op):
    """Base of the cf branches: the ``BranchOpInterface`` methods over :meth:`successor_operand_ranges`."""

    __slots__ = ()

    def successor_operand_ranges(self) -> list[tuple[int, int]]:
        """``[lo, hi)`` operand slots passed to each successor, in successor order."""
        raise NotImplementedError

    def get_successor_operands(self, index: int) -> list[OpOperand]:
        lo, hi = self.successor_operand_ranges()[index]
        return self.op_operands[lo:hi]

    def successor_operand_values(self, index: int) -> list[Value]:
        return [o.value for o in self.get_successor_operands(index)]

    def erase_successor_operand(self, index: int, position: int) -> None:
        lo, _ = self.successor_operand_ranges()[index]
        self.erase_operand(lo + position)
        self._shrink_segment(index)

    def _shrink_segment(self, index: int) -> None:
        """Update the segment properties after one operand of successor ``index`` was erased."""

    def verify_(self) -> None:
        for i in range(len(self.successors)):
            verify_successor_operands(self, i, self.successor_operand_values(i))


# ---------------------------------------------------------------------------------------------------------------
# ops
# ---------------------------------------------------------------------------------------------------------------


class AssertOp(Op, name="cf.assert", traits=[MemoryEffects((WRITE, "default"))]):
    """Abort the program with ``msg`` when ``arg`` is false (lowered to a call to ``abort`` in LLVM).

    Syntax: ``cf.assert %ok, "message"``. Operand: ``arg``, an ``i1``. Canonicalization: erased when ``arg`` is the
    constant ``true``."""

    arg = operand(I1)
    msg = prop(StringAttr)
    assembly_format = "$arg `,` $msg attr-dict"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        types["arg"] = [IntegerType(1)]  # a buildable type: ODS formats omit it

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [EraseAssertTrue()]


class BrOp(BranchOp, name="cf.br", traits=[Pure(), IsTerminator()]):
    """Unconditional branch to ``dest``, passing ``destOperands`` as its block arguments.

    Syntax: ``cf.br ^bb1(%a, %b : i32, f32)``. Errors: operand count or types differing from the target block's
    arguments."""

    destOperands = var_operand()
    dest = successor_def()
    assembly_format = "$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict"

    @classmethod
    def build_br(cls, dest: Block, operands: Sequence[Value] = (), location: Any = None) -> BrOp:
        op: BrOp = cls.create(list(operands), [], successors=[dest], location=location)
        return op

    def successor_operand_ranges(self) -> list[tuple[int, int]]:
        return [(0, self.num_operands)]

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [SimplifyBrToBlockWithSinglePred(), SimplifyPassThroughBr()]


class CondBrOp(BranchOp, name="cf.cond_br", traits=[Pure(), IsTerminator()]):
    """Branch to ``trueDest`` if ``condition`` else to ``falseDest``, each with its own operands.

    Syntax: ``cf.cond_br %c [weights([3, 5])], ^bb1(%a : i32), ^bb2``. ``branch_weights`` (optional, one ``i32``
    per successor, not all zero) are profile hints. Generic form: operands ``(condition, trueDestOperands...,
    falseDestOperands...)`` delimited by ``operandSegmentSizes``. Errors: successor operand mismatch, a weight
    count other than 2, all-zero weights."""

    condition = operand(I1)
    trueDestOperands = var_operand()
    falseDestOperands = var_operand()
    branch_weights = prop(I32Array, optional=True)
    trueDest = successor_def()
    falseDest = successor_def()
    custom_grammar = 'VALUE_ID [cf_weights] "," cf_successor "," cf_successor [attr_dict]'
    custom_rules = {**SUCCESSOR_RULES,
                    "cf_weights": ('"weights" "(" "[" [INT ("," INT)*] "]" ")"',
                                   lambda c, st: [int(str(t), 0) for t in c if t is not None])}

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> CondBrOp:
        cond, weights, t, f, attrs = c
        tb, tvals = resolve_successor(t, st)
        fb, fvals = resolve_successor(f, st)
        props, rest = split_attr_dict(cls, attrs)
        props["operandSegmentSizes"] = _segments(1, len(tvals), len(fvals))
        if weights is not None:
            props["branch_weights"] = DenseArrayAttr(i32, weights)
        op: CondBrOp = cls.create([st.use(cond, IntegerType(1)), *tvals, *fvals], [], props, rest, [], [tb, fb],
                                  st.loc(kw))
        return op

    @classmethod
    def build_cond_br(cls, condition: Value, true_dest: Block, true_operands: Sequence[Value], false_dest: Block,
                      false_operands: Sequence[Value] = (), weights: Sequence[int] | None = None,
                      location: Any = None) -> CondBrOp:
        props: dict[str, Attribute] = {"operandSegmentSizes": _segments(1, len(true_operands), len(false_operands))}
        if weights is not None:
            props["branch_weights"] = DenseArrayAttr(i32, list(weights))
        op: CondBrOp = cls.create([condition, *true_operands, *false_operands], [], props,
                                  successors=[true_dest, false_dest], location=location)
        return op

    def print_custom(self, p: Any) -> str:
        s = f"{p.op_name(self)} {p.value(self.condition)}"
        w = self.properties.get("branch_weights")
        if isinstance(w, DenseArrayAttr):
            s += " weights([" + ", ".join(str(x) for x in w.values) + "])"
        s += ", " + print_successor(p, self.successors[0], self.successor_operand_values(0))
        s += ", " + print_successor(p, self.successors[1], self.successor_operand_values(1))
        return s + _attr_suffix(p, self)

    def successor_operand_ranges(self) -> list[tuple[int, int]]:
        sizes = self.segment_sizes("operand", self.operand_defs, self.num_operands)
        return [(1, 1 + sizes[1]), (1 + sizes[1], 1 + sizes[1] + sizes[2])]

    def _shrink_segment(self, index: int) -> None:
        sizes = self.segment_sizes("operand", self.operand_defs, self.num_operands + 1)
        sizes[1 + index] -= 1
        self.properties["operandSegmentSizes"] = _segments(*sizes)

    def verify_(self) -> None:
        w = self.properties.get("branch_weights")
        if isinstance(w, DenseArrayAttr) and w.values:
            if len(w.values) != 2:
                raise _error(self, f"expects number of branch weights to match number of successors: "
                                   f"{len(w.values)} vs 2")
            if all(x == 0 for x in w.values):
                raise _error(self, "branch weights cannot all be zero")
        super().verify_()

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [SimplifyConstCondBranchPred(), SimplifyPassThroughCondBranch(),
                SimplifyCondBranchIdenticalSuccessors()]


class SwitchBase(BranchOp):
    """Base of ``cf.switch`` and ``llvm.switch``: operands ``(flag, defaultOperands..., caseOperands...)``, the
    case operands split per case destination by ``case_operand_segments``, case values in ``case_values``."""

    __slots__ = ()
    #: the parse error for a non-integer flag type (``{}``: the type)
    flag_type_error: ClassVar[str]

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> Any:
        """From the flag token and type, the default ``cf_successor``, the ``(value token, cf_successor)`` cases and
        the attr-dict."""
        flag, ftype, default, *cases, attrs = c
        if not isinstance(ftype, IntegerType):
            raise st.error(f"custom op '{cls.OPERATION_NAME}' " + cls.flag_type_error.format(ftype), kw)
        props, rest = split_attr_dict(cls, attrs)
        db, dvals = resolve_successor(default, st)
        values, blocks, case_vals, seg = [], [], [], []
        for vtok, succ in (x for x in cases if x is not None):
            b, vals = resolve_successor(succ, st)
            values.append(ftype.normalize(int(str(vtok), 0)))
            blocks.append(b)
            case_vals.extend(vals)
            seg.append(len(vals))
        props["operandSegmentSizes"] = _segments(1, len(dvals), len(case_vals))
        props["case_operand_segments"] = _segments(*seg)
        if values:
            props["case_values"] = DenseElementsAttr(VectorType([len(values)], ftype), values)
        return cls.create([st.use(flag, ftype), *dvals, *case_vals], [], props, rest, [], [db, *blocks], st.loc(kw))

    def case_value_list(self) -> list[int]:
        cv = self.properties.get("case_values")
        return [int(x) for x in cv.values().flat] if isinstance(cv, DenseElementsAttr) else []

    def successor_operand_ranges(self) -> list[tuple[int, int]]:
        sizes = self.segment_sizes("operand", self.operand_defs, self.num_operands)
        out = [(1, 1 + sizes[1])]
        pos = 1 + sizes[1]
        seg = self.properties.get("case_operand_segments")
        for n in (seg.values if isinstance(seg, DenseArrayAttr) else []):
            out.append((pos, pos + n))
            pos += n
        return out


class SwitchOp(SwitchBase, name="cf.switch", traits=[Pure(), IsTerminator()]):
    """Multi-way branch on an integer ``flag``: to the case destination whose value equals ``flag``, else to
    ``defaultDestination``.

    Syntax::

        cf.switch %flag : i32, [
          default: ^bb1(%a : i32),
          42: ^bb2,
          -3: ^bb3(%b : f32)
        ]

    Properties: ``case_values`` (a ``vector<Nxiflag>`` dense attribute; absent when there are no cases),
    ``case_operand_segments`` (operands per case). Errors: case value type differing from the flag type, as many
    case values as case destinations, successor operand mismatch."""

    flag = operand(AnyInteger)
    defaultOperands = var_operand()
    caseOperands = var_operand()
    case_values = prop(IntElements, optional=True)
    case_operand_segments = prop(I32Array)
    defaultDestination = successor_def()
    caseDestinations = var_successor()
    custom_grammar = 'VALUE_ID ":" type "," "[" "default" ":" cf_successor cf_switch_case* "]" [attr_dict]'
    custom_rules = switch_case_rules("cf_switch_case", '"," INT ":" cf_successor')
    flag_type_error = "invalid kind of type specified: expected builtin.integer, but found '{}'"

    def print_custom(self, p: Any) -> str:
        ind = "  " * p._depth
        flag = self.flag
        s = f"{p.op_name(self)} {p.value(flag)} : {p.type(flag.type)}, [\n{ind}  default: "
        s += print_successor(p, self.successors[0], self.successor_operand_values(0))
        cases = self.case_value_list()
        for i, v in enumerate(cases):
            s += f",\n{ind}  {v}: " + print_successor(p, self.successors[i + 1], self.successor_operand_values(i + 1))
        if cases:
            s += "\n" + ind
        return s + "]" + _attr_suffix(p, self)

    def _shrink_segment(self, index: int) -> None:
        sizes = self.segment_sizes("operand", self.operand_defs, self.num_operands + 1)
        if index == 0:
            sizes[1] -= 1
        else:
            sizes[2] -= 1
            seg = self.properties["case_operand_segments"]
            assert isinstance(seg, DenseArrayAttr)
            vals = list(seg.values)
            vals[index - 1] -= 1
            self.properties["case_operand_segments"] = _segments(*vals)
        self.properties["operandSegmentSizes"] = _segments(*sizes)

    def verify_(self) -> None:
        seg = self.properties.get("case_operand_segments")
        n_case_ops = self.segment_sizes("operand", self.operand_defs, self.num_operands)[2]
        if isinstance(seg, DenseArrayAttr) and sum(seg.values) != n_case_ops:
            raise self.emit_error(f"caseOperands count ({n_case_ops}) does not match with the total size "
                                  f"({sum(seg.values)}) specified in attribute 'case_operand_segments'")
        cv = self.properties.get("case_values")
        n_dest = len(self.successors) - 1
        if cv is None and n_dest == 0:
            return super().verify_()
        if isinstance(cv, DenseElementsAttr):
            ct = cv.type.element_type
            if ct != self.flag.type:
                raise self.emit_error(f"'flag' type ('{self.flag.type}') should match case value type ('{ct}')")
            if cv.type.num_elements != n_dest:
                raise self.emit_error(f"number of case values ({cv.type.num_elements}) should match number of case "
                                      f"destinations ({n_dest})")
        elif n_dest:
            raise self.emit_error(f"number of case values (0) should match number of case destinations ({n_dest})")
        if isinstance(seg, DenseArrayAttr) and len(seg.values) != n_dest:
            raise self.emit_error(f"expects {n_dest} case operand segments (one per case destination), got "
                                  f"{len(seg.values)}")
        super().verify_()

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [SimplifySwitch()]


# ---------------------------------------------------------------------------------------------------------------
# canonicalization (mlir/lib/Dialect/ControlFlow/IR/ControlFlowOps.cpp)
# ---------------------------------------------------------------------------------------------------------------


class EraseAssertTrue(RewritePattern):
    """``cf.assert %true, "..."`` is a no-op (MLIR's ``AssertOp::canonicalize``)."""

    root = "cf.assert"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        c = constant_value(op.operand(0))
        if isinstance(c, IntegerAttr) and c.value:
            rewriter.erase_op(op)
            return True
        return False


class SimplifyBrToBlockWithSinglePred(RewritePattern):
    """``cf.br ^bb1(%a)`` where ``^bb1`` has no other predecessor (and is not the branch's own block): append
    ``^bb1``'s ops to the branch's block, its arguments replaced by the branch operands."""

    root = "cf.br"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, BrOp)
        succ, block = op.successors[0], op.parent
        if succ is block or block is None or len(succ._pred_uses) != 1:
            return False
        operands = op.operands
        rewriter.erase_op(op)
        rewriter.merge_blocks(succ, block, operands)
        return True


class SimplifyConstCondBranchPred(RewritePattern):
    """``cf.cond_br %true, ^a(%x), ^b`` -> ``cf.br ^a(%x)`` (and the false case likewise)."""

    root = "cf.cond_br"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, CondBrOp)
        c = constant_value(op.operand(0))
        if not isinstance(c, IntegerAttr):
            return False
        i = 0 if c.value else 1
        rewriter.replace_op_with_new_op(op, BrOp, op.successor_operand_values(i), [],
                                        successors=[op.successors[i]])
        return True


def collapse_branch(successor: Block, operands: list[Value]) -> tuple[Block, list[Value]] | None:
    """If ``successor`` holds nothing but a ``cf.br`` that only forwards its arguments, the block and operands
    to branch to instead (MLIR's ``collapseBranch``); ``None`` when it cannot be bypassed."""
    br = successor.first_op
    if not isinstance(br, BrOp) or br is not successor.last_op:
        return None
    if any(u.owner is not br for a in successor.args for u in a.uses):
        return None
    dest = br.successors[0]
    if dest is successor:
        return None  # an infinite loop
    fwd = [operands[v.index] if isinstance(v, BlockArgument) and v.block is successor else v for v in br.operands]
    return dest, fwd


class SimplifyPassThroughBr(RewritePattern):
    """``cf.br ^bb1`` where ``^bb1`` only branches on to ``^bb2``: branch to ``^bb2`` directly."""

    root = "cf.br"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, BrOp)
        dest = op.successors[0]
        if dest is op.parent:
            return False
        c = collapse_branch(dest, op.operands)
        if c is None:
            return False
        rewriter.replace_op_with_new_op(op, BrOp, c[1], [], successors=[c[0]])
        return True


def _new_cond_br(rewriter: PatternRewriter, op: CondBrOp, t: Block, tvals: Sequence[Value], f: Block,
                 fvals: Sequence[Value]) -> None:
    props = {"operandSegmentSizes": _segments(1, len(tvals), len(fvals))}
    rewriter.replace_op_with_new_op(op, CondBrOp, [op.operand(0), *tvals, *fvals], [], properties=props,
                                    successors=[t, f])


class SimplifyPassThroughCondBranch(RewritePattern):
    """``cf.cond_br`` to blocks that only branch on: branch to their destinations directly."""

    root = "cf.cond_br"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, CondBrOp)
        (t, f), tv, fv = op.successors, op.successor_operand_values(0), op.successor_operand_values(1)
        ct, cf_ = collapse_branch(t, tv), collapse_branch(f, fv)
        if ct is None and cf_ is None:
            return False
        t, tv = ct if ct is not None else (t, tv)
        f, fv = cf_ if cf_ is not None else (f, fv)
        _new_cond_br(rewriter, op, t, tv, f, fv)
        return True


class SimplifyCondBranchIdenticalSuccessors(RewritePattern):
    """``cf.cond_br %c, ^bb(%a), ^bb(%b)`` -> ``cf.br ^bb(%a)`` when the operands agree, else (when this block is
    ``^bb``'s only predecessor) ``cf.br ^bb(arith.select %c, %a, %b)``."""

    root = "cf.cond_br"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, CondBrOp)
        t, f = op.successors
        if t is not f:
            return False
        tv, fv = op.successor_operand_values(0), op.successor_operand_values(1)
        if all(a is b for a, b in zip(tv, fv)):
            rewriter.replace_op_with_new_op(op, BrOp, tv, [], successors=[t])
            return True
        if {u.owner.parent for u in t._pred_uses} != {op.parent}:
            return False
        from .arith import SelectOp

        merged = []
        with rewriter.insertion_guard():
            rewriter.set_insertion_point(op)
            for a, b in zip(tv, fv):
                merged.append(a if a is b else rewriter.create(SelectOp, [op.operand(0), a, b], [a.type],
                                                               location=op.location).results[0])
        rewriter.replace_op_with_new_op(op, BrOp, merged, [], successors=[t])
        return True


class SimplifySwitch(RewritePattern):
    """``cf.switch`` simplifications (MLIR's ``simplifySwitchWithOnlyDefault``, ``dropSwitchCasesThatMatchDefault``,
    ``simplifyConstSwitchValue``, ``simplifyPassThroughSwitch``): a switch with only a default or on a constant
    becomes a ``cf.br``; cases going where the default goes (with the same operands) are dropped; successors that
    only branch on are bypassed."""

    root = "cf.switch"

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, SwitchOp)
        default = (op.successors[0], op.successor_operand_values(0))
        cases = [(v, op.successors[i + 1], op.successor_operand_values(i + 1))
                 for i, v in enumerate(op.case_value_list())]
        if not cases:
            rewriter.replace_op_with_new_op(op, BrOp, default[1], [], successors=[default[0]])
            return True
        kept = [c for c in cases if not (c[1] is default[0] and all(a is b for a, b in zip(c[2], default[1])))]
        if len(kept) != len(cases):
            self._rebuild(rewriter, op, default, kept)
            return True
        flag = constant_value(op.operand(0))
        if isinstance(flag, IntegerAttr):
            dest = next(((b, vs) for v, b, vs in cases if v == flag.value), default)
            rewriter.replace_op_with_new_op(op, BrOp, dest[1], [], successors=[dest[0]])
            return True
        changed = False
        new_default = collapse_branch(*default)
        if new_default is not None:
            default, changed = new_default, True
        new_cases = []
        for v, b, vs in cases:
            c = collapse_branch(b, vs)
            changed = changed or c is not None
            new_cases.append((v, *c) if c is not None else (v, b, vs))
        if not changed:
            return False
        self._rebuild(rewriter, op, default, new_cases)
        return True

    @staticmethod
    def _rebuild(rewriter: PatternRewriter, op: SwitchOp, default: tuple[Block, list[Value]],
                 cases: list[tuple[int, Block, list[Value]]]) -> None:
        ft = op.operand(0).type
        props: dict[str, Attribute] = {
            "operandSegmentSizes": _segments(1, len(default[1]), sum(len(c[2]) for c in cases)),
            "case_operand_segments": _segments(*(len(c[2]) for c in cases))}
        if cases:
            props["case_values"] = DenseElementsAttr(VectorType([len(cases)], ft), [c[0] for c in cases])
        operands = [op.operand(0), *default[1], *(v for c in cases for v in c[2])]
        rewriter.replace_op_with_new_op(op, SwitchOp, operands, [], properties=props,
                                        successors=[default[0], *(c[1] for c in cases)])


DIALECT = Dialect("cf", [AssertOp, BrOp, CondBrOp, SwitchOp], description=__doc__ or "")
