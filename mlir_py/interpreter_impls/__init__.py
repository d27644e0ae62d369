"""Interpreter implementations of the built-in dialects, one module per dialect name (``arith.py`` for ``arith``).

:func:`mlir_py.interpreter.find_impl` imports ``mlir_py.interpreter_impls.<dialect>`` the first time an op of that
dialect runs, so a new dialect's implementations only need a module here (or, for a plugin dialect, ``@impl``
calls in the plugin itself)."""
