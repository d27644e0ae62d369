"""``convert-cf-to-llvm``: cf.br / cf.cond_br / cf.switch / cf.assert to the llvm dialect (MLIR's
ControlFlowToLLVM).

Branches keep their successors and pass their operands converted (``index`` -> ``i64``, memrefs as descriptors);
the argument types of the successor blocks are converted with them (old-typed uses get an unrealized cast).
``cf.assert %c, "msg"`` becomes a conditional branch to a block calling ``abort()`` (MLIR's lowering, without
printing the message).
"""

from __future__ import annotations

from dialects import llvm
from mlir_py.attributes import (
    DenseArrayAttr,
    DenseElementsAttr,
    IntegerType,
    StringAttr,
    SymbolRefAttr,
    VectorType,
    i32,
)
from mlir_py.conversion import ConversionPattern, ConversionPatternRewriter, ConversionTarget
from mlir_py.ir import Operation, Value
from mlir_py.pass_manager import Pass, register_pass

from ._llvm_common import TYPE_CONVERTER, run_conversion
from .convert_func_to_llvm import convert_block_types


class BranchPattern(ConversionPattern):
    """``cf.br``/``cf.cond_br``/``cf.switch`` -> the llvm op of the same shape, operands converted."""

    def __init__(self, src: str, dst: type[Operation]):
        super().__init__(src, type_converter=TYPE_CONVERTER)
        self.dst = dst

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        for b in op.successors:
            if not b.is_entry_block():
                convert_block_types(rw, b)
        props = dict(op.properties)
        if op.name == "cf.switch":
            cv = props.get("case_values")
            t = operands[0].type
            if isinstance(cv, DenseElementsAttr) and isinstance(t, IntegerType):
                props["case_values"] = DenseElementsAttr(VectorType(cv.type.shape, t), cv.values())
        rw.replace_op(op, rw.create(self.dst, operands, [], props, successors=list(op.successors),
                                    location=op.location))
        return True


class AssertPattern(ConversionPattern):
    """``cf.assert %c`` -> ``llvm.cond_br %c, ^continue, ^failure`` with ``^failure`` calling ``abort``."""

    root = "cf.assert"

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        module = op.parent_op
        while module is not None and module.name != "builtin.module":
            module = module.parent_op
        if module is None:
            return False
        if not any(o.properties.get("sym_name") == StringAttr("abort") for o in module.regions[0].ops()):
            with rw.insertion_guard():
                rw.set_insertion_point_to_start(module.regions[0].blocks[0])
                rw.insert(llvm.LLVMFuncOp.build_func("abort", llvm.LLVMFunctionType(llvm.VOID, []), declaration=True))
        block = op.parent
        assert block is not None and block.parent is not None
        cont = rw.split_block(block, op.next_op)
        fail = rw.create_block(block.parent, cont)
        with rw.insertion_guard():
            rw.set_insertion_point_to_end(fail)
            rw.create(llvm.CallOp, [], [], {"callee": SymbolRefAttr("abort"),
                                            "operandSegmentSizes": DenseArrayAttr(i32, [0, 0])})
            rw.create(llvm.UnreachableOp, [], [])
        rw.set_insertion_point(op)
        rw.create(llvm.LLVMCondBrOp, [operands[0]], [], {"operandSegmentSizes": DenseArrayAttr(i32, [1, 0, 0])},
                  successors=[cont, fail], location=op.location)
        rw.erase_op(op)
        return True


def cf_to_llvm_patterns() -> list[ConversionPattern]:
    return [BranchPattern("cf.br", llvm.LLVMBrOp), BranchPattern("cf.cond_br", llvm.LLVMCondBrOp),
            BranchPattern("cf.switch", llvm.LLVMSwitchOp), AssertPattern(type_converter=TYPE_CONVERTER)]


@register_pass
class ConvertCfToLLVMPass(Pass):
    """Convert cf.br, cf.cond_br, cf.switch and cf.assert to the llvm dialect (MLIR's ``convert-cf-to-llvm``):
    the same branches with converted operands, the successor blocks' argument types converted with them;
    ``cf.assert`` branches to a block that calls ``abort()``. Errors: ``failed to legalize operation`` when an
    operand type has no llvm equivalent (a tensor)."""

    argument = "convert-cf-to-llvm"
    summary = "Convert cf ops to the llvm dialect"

    def initialize(self) -> None:
        self.patterns = cf_to_llvm_patterns()

    def run_on_operation(self, op: Operation) -> None:
        target = ConversionTarget()
        target.add_legal_dialect("llvm")
        target.add_illegal_dialect("cf")
        run_conversion(self, op, target, self.patterns)


__all__ = ["ConvertCfToLLVMPass", "cf_to_llvm_patterns"]
