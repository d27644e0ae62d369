// 'f31' is no builtin type.
func.func private @f(f31)
