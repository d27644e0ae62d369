func.func private @returns_fn() -> ((i32) -> i32)
func.func private @returns_fns() -> ((i32) -> i32, () -> ())
func.func private @takes_fn((f32) -> (f32, f32), () -> ()) -> i1
func.func private @nested_fn_type(((i8) -> i8) -> ((i16) -> i16)) -> (() -> ((i1) -> ()))
