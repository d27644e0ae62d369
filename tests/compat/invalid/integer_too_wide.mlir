// Integer types are at most 16777215 bits wide.
func.func private @f(i16777216)
