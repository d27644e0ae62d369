"""Dialect conversion (mlir_py/conversion.py): targets, type converters, conversion patterns, partial and full
conversion. The toy conversion widens i32 arithmetic to i64 (casts at the boundary), as MLIR's
test/Transforms/test-legalize-type-conversion.mlir does with its test dialect."""

from __future__ import annotations

import pytest

from dialects.arith import AddIOp, ConstantOp, ExtSIOp, MulIOp, TruncIOp
from mlir_py import Context, parse_module, print_op, verify
from mlir_py.attributes import FileLineColLoc, IntegerAttr, IntegerType, Type
from mlir_py.conversion import (
    ConversionError,
    ConversionPattern,
    ConversionPatternRewriter,
    ConversionTarget,
    FunctionSignatureConversion,
    TypeConversionPattern,
    TypeConverter,
    apply_full_conversion,
    apply_partial_conversion,
    conversion_pattern,
)
from mlir_py.ir import Operation, Value
from mlir_py.pass_manager import Pass, PassFailure, PassManager
from mlir_py.rewrite import PatternRewriter, RewritePattern

i1, i32, i64 = IntegerType(1), IntegerType(32), IntegerType(64)

ADD = """
func.func @f(%a: i32, %b: i32) -> i32 {
  %c = arith.constant 5 : i32
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %0, %c : i32
  %2 = arith.muli %1, %1 : i32
  return %2 : i32
}
"""


@pytest.fixture
def ctx() -> Context:
    return Context()


def parse(ctx: Context, text: str) -> Operation:
    return parse_module(text, ctx, "t.mlir")


def widen() -> TypeConverter:
    tc = TypeConverter()
    tc.add_conversion(lambda t: t)  # everything else is legal as is (tried last)
    tc.add_conversion(lambda t: i64 if t == i32 else None)
    return tc


def with_ext_trunc(tc: TypeConverter) -> TypeConverter:
    """Materializations with real ops instead of unrealized casts."""
    tc.add_source_materialization(lambda rw, t, ins, loc: rw.create(TruncIOp, ins, [t], location=loc).result)
    tc.add_target_materialization(lambda rw, t, ins, loc: rw.create(ExtSIOp, ins, [t], location=loc).result)
    return tc


def const_pattern(tc: TypeConverter) -> ConversionPattern:
    @conversion_pattern(ConstantOp, type_converter=tc)
    def convert_constant(op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        v = op.properties["value"]
        t = tc.convert_type(op.result_types[0])
        if not isinstance(v, IntegerAttr) or t is None:
            return False
        rw.replace_op_with_new_op(op, ConstantOp, [], [t], properties={"value": IntegerAttr(v.value, t)})
        return True

    return convert_constant


def body(m: Operation) -> str:
    return print_op(m)


# --- the toy conversion ---------------------------------------------------------------------------------------------


def test_partial_conversion_inserts_casts(ctx: Context) -> None:
    """Only addi (and constants) are converted: casts appear where i32 and i64 values meet."""
    m = parse(ctx, ADD)
    tc = widen()
    target = ConversionTarget()
    target.add_dynamically_legal_op(AddIOp, tc.is_legal)
    target.add_dynamically_legal_op(ConstantOp, tc.is_legal)
    apply_partial_conversion(m, target, [TypeConversionPattern(tc, AddIOp), const_pattern(tc)], tc)
    verify(m)
    text = body(m)
    assert "%2 = arith.addi %1, %0 : i64" in text
    assert "arith.constant 5 : i64" in text and "arith.constant 5 : i32" not in text
    assert "%4 = builtin.unrealized_conversion_cast %3 : i64 to i32" in text
    assert "%5 = arith.muli %4, %4 : i32" in text
    assert text.count("unrealized_conversion_cast") == 3  # two arguments in, one result out


def test_full_conversion_with_materializations(ctx: Context) -> None:
    """Everything becomes i64; the function signature too, so no cast survives."""
    m = parse(ctx, ADD)
    tc = with_ext_trunc(widen())
    target = ConversionTarget()
    target.add_dynamically_legal_dialect("arith", tc.is_legal)
    target.add_dynamically_legal_op("func.func", lambda f: tc.is_signature_legal(f.type)  # type: ignore[attr-defined]
                                    and tc.is_region_legal(f.regions[0]))
    target.add_dynamically_legal_op("func.return", tc.is_legal)
    target.add_legal_op("builtin.module")
    apply_full_conversion(m, target, [const_pattern(tc), TypeConversionPattern(tc), FunctionSignatureConversion(tc)],
                          tc)
    verify(m)
    assert body(m) == """module {
  func.func @f(%arg0: i64, %arg1: i64) -> i64 {
    %c5_i64 = arith.constant 5 : i64
    %0 = arith.addi %arg0, %arg1 : i64
    %1 = arith.addi %0, %c5_i64 : i64
    %2 = arith.muli %1, %1 : i64
    return %2 : i64
  }
}
"""


def test_user_materializations_replace_casts(ctx: Context) -> None:
    """With source/target materializations, the boundary casts become arith.extsi / arith.trunci."""
    m = parse(ctx, ADD)
    tc = with_ext_trunc(widen())
    target = ConversionTarget()
    target.add_dynamically_legal_op(AddIOp, tc.is_legal)
    apply_partial_conversion(m, target, [TypeConversionPattern(tc, AddIOp)], tc)
    verify(m)
    text = body(m)
    assert "unrealized_conversion_cast" not in text
    assert text.count("arith.extsi") == 3 and text.count("arith.trunci") == 1
    assert "%5 = arith.trunci %4 : i64 to i32\n    %6 = arith.muli %5, %5 : i32" in text


# --- diagnostics --------------------------------------------------------------------------------------------------


def test_full_conversion_names_the_illegal_op(ctx: Context) -> None:
    m = parse(ctx, ADD)
    target = ConversionTarget()
    target.add_legal_dialect("func", "builtin")
    target.add_legal_op(ConstantOp, AddIOp)
    with pytest.raises(ConversionError) as e:
        apply_full_conversion(m, target, [])
    d = e.value.diagnostic
    assert d.message == "failed to legalize operation 'arith.muli'"
    assert isinstance(d.location, FileLineColLoc) and (d.location.line, d.location.col) == (6, 8)


def test_partial_conversion_fails_only_on_explicitly_illegal(ctx: Context) -> None:
    target = ConversionTarget()
    target.add_illegal_op(MulIOp)
    apply_partial_conversion(parse(ctx, ADD), ConversionTarget(), [])  # unknown ops are fine
    with pytest.raises(ConversionError, match="failed to legalize operation 'arith.muli' that was explicitly "
                                              "marked illegal"):
        apply_partial_conversion(parse(ctx, ADD), target, [])
    dynamic = ConversionTarget()
    dynamic.add_dynamically_legal_op(AddIOp, lambda op: False)
    with pytest.raises(ConversionError, match="'arith.addi' that was explicitly marked illegal"):
        apply_partial_conversion(parse(ctx, ADD), dynamic, [])


def test_failure_inside_a_pass_is_a_located_pass_failure(ctx: Context) -> None:
    class Lower(Pass):
        argument = "ut-lower-muli"

        def run_on_operation(self, op: Operation) -> None:
            target = ConversionTarget()
            target.add_illegal_dialect("arith")
            apply_partial_conversion(op, target, [])

    pm = PassManager(context=ctx)
    pm.nest("func.func").add(Lower())
    with pytest.raises(PassFailure) as e:
        pm.run(parse(ctx, ADD))
    assert e.value.diagnostic.message == "failed to legalize operation 'arith.constant' that was explicitly marked " \
                                         "illegal"
    assert e.value.diagnostic.location == FileLineColLoc("t.mlir", 3, 8)


# --- the target -----------------------------------------------------------------------------------------------------


def test_legality_precedence(ctx: Context) -> None:
    m = parse(ctx, ADD)
    ops = {o.name: o for o in m.walk()}
    t = ConversionTarget()
    assert t.legality(ops["arith.addi"]) is None and not t.is_illegal(ops["arith.addi"])
    t.add_illegal_dialect("arith")
    t.add_legal_op(AddIOp)
    assert t.legality(ops["arith.addi"]) is True and t.legality(ops["arith.muli"]) is False
    t.add_dynamically_legal_op(MulIOp, lambda op: None)  # no opinion: falls through to the dialect
    assert t.legality(ops["arith.muli"]) is False and t.is_illegal(ops["arith.muli"])
    t.mark_unknown_op_dynamically_legal(lambda op: op.name.startswith("func."))
    assert t.legality(ops["func.return"]) is True and t.legality(ops["builtin.module"]) is False


def test_recursively_legal_ops_are_not_entered(ctx: Context) -> None:
    m = parse(ctx, ADD)
    target = ConversionTarget()
    target.add_legal_op("builtin.module")
    target.add_legal_op("func.func")
    target.mark_op_recursively_legal("func.func")
    apply_full_conversion(m, target, [])  # arith ops inside the function are never looked at


# --- the driver ------------------------------------------------------------------------------------------------------


def test_benefit_order_and_failed_pattern_cleanup(ctx: Context) -> None:
    tried: list[str] = []

    class Bails(ConversionPattern):
        root = MulIOp
        benefit = 5

        def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
            tried.append("bails")
            rw.create(ConstantOp, [], [i32], properties={"value": IntegerAttr(1, i32)})
            return False  # the constant it created is erased

    class ToAdd(ConversionPattern):
        root = MulIOp

        def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
            tried.append("to-add")
            rw.replace_op_with_new_op(op, AddIOp, operands)
            return True

    m = parse(ctx, ADD)
    target = ConversionTarget()
    target.add_illegal_op(MulIOp)
    apply_partial_conversion(m, target, [ToAdd(), Bails()])
    assert tried == ["bails", "to-add"]
    text = body(m)
    assert "arith.muli" not in text and "arith.constant 1 " not in text and text.count("arith.addi") == 3


def test_created_ops_are_legalized_and_recursion_is_guarded(ctx: Context) -> None:
    """mul -> add by one pattern, add -> sub by another; a pattern producing its own root is not re-applied."""
    from dialects.arith import SubIOp

    class MulToAdd(RewritePattern):  # plain rewrite patterns work too
        root = MulIOp

        def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
            rewriter.replace_op_with_new_op(op, AddIOp, op.operands)
            return True

    @conversion_pattern(AddIOp)
    def add_to_sub(op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        rw.replace_op_with_new_op(op, SubIOp, operands)
        return True

    @conversion_pattern(SubIOp)
    def sub_to_sub(op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        rw.replace_op_with_new_op(op, SubIOp, operands)  # would loop forever without the guard
        return True

    m = parse(ctx, ADD)
    target = ConversionTarget()
    target.add_illegal_op(MulIOp, AddIOp)
    apply_partial_conversion(m, target, [MulToAdd(), add_to_sub, sub_to_sub])
    text = body(m)
    assert "arith.muli" not in text and "arith.addi" not in text and text.count("arith.subi") == 3


def test_type_converter() -> None:
    tc = TypeConverter()
    tc.add_conversion(lambda t: t)
    tc.add_conversion(lambda t: [i32, i32] if t == i64 else None)
    tc.add_conversion(lambda t: [] if t == i1 else None)
    assert tc.convert_type(i32) == i32
    assert tc.convert_type(i64) is None and tc.convert_types_of(i64) == [i32, i32]
    assert tc.convert_types([i1, i64, i32]) == [i32, i32, i32]
    assert tc.is_legal(i32) and not tc.is_legal(i64) and not tc.is_legal(i1)
    empty = TypeConverter()
    assert empty.convert_type(i32) is None and empty.convert_types([i32]) is None


def test_remapped_operands_see_replacements(ctx: Context) -> None:
    """A pattern without a type converter gets the replacement values as they are (i64 here)."""
    seen: list[Type] = []
    tc = widen()

    @conversion_pattern(MulIOp)
    def record(op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        seen.extend(v.type for v in operands)
        return False

    target = ConversionTarget()
    target.add_dynamically_legal_op(AddIOp, tc.is_legal)
    target.add_dynamically_legal_op(ConstantOp, tc.is_legal)
    apply_partial_conversion(parse(ctx, ADD), target, [TypeConversionPattern(tc, AddIOp), const_pattern(tc), record])
    assert seen == [i64, i64]
