"""The built-in dialects. Each module defines a ``DIALECT`` (:class:`mlir_py.dialect.Dialect`) and is registered
through the ``mlir_py.dialects`` entry-point group, exactly as a third-party plugin would be."""

BUILTIN_DIALECTS = ("dialects.builtin", "dialects.func", "dialects.arith", "dialects.math", "dialects.cf",
                    "dialects.scf", "dialects.tensor", "dialects.memref", "dialects.linalg", "dialects.bufferization",
                    "dialects.dsa",
                    "dialects.nn", "dialects.tc", "dialects.llvm")
