// Vectors hold integers, indices and floats only.
func.func private @f(vector<4xcomplex<f32>>)
