// Tuples are not valid tensor elements.
func.func private @f(tensor<4xtuple<i32, f32>>)
