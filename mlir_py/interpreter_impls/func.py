"""Interpreter implementations of the func dialect (mlir/docs/Dialects/Func.md): calls, returns, function values.

A function value (``func.constant``) is the ``func.func`` op itself. Calls run the callee in a fresh frame through
:meth:`~mlir_py.interpreter.Interpreter.call_function`, which bounds the call depth."""

from __future__ import annotations

from typing import Any

from dialects.func import CallIndirectOp, CallOp, ConstantOp, ReturnOp
from mlir_py.attributes import SymbolRefAttr
from mlir_py.interpreter import Exit, Interpreter, impl
from mlir_py.ir import Operation


@impl(ReturnOp)
def _return(interp: Interpreter, op: Operation, args: list[Any]) -> Exit:
    return Exit(args)


@impl(CallOp)
def _call(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    ref = op.properties["callee"]
    assert isinstance(ref, SymbolRefAttr)
    return interp.call_function(interp.callee(op, ref), args, op)


@impl(CallIndirectOp)
def _call_indirect(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return interp.call_function(args[0], args[1:], op)


@impl(ConstantOp)
def _constant(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    ref = op.properties["value"]
    assert isinstance(ref, SymbolRefAttr)
    return [interp.callee(op, ref)]
