// FLAGS: --allow-unregistered-dialect
func.func private @ints(i1, i2, i7, i8, i16, i32, i64, i128, i1024) -> ()
func.func private @signed(si1, si8, si32, si64) -> ()
func.func private @unsigned(ui1, ui8, ui32, ui64) -> ()
func.func @in_ops() {
  %0 = "test.make"() : () -> si16
  %1 = "test.make"() : () -> ui16
  %2 = "test.use"(%0, %1) {test.types = [si16, ui16, i16, index]} : (si16, ui16) -> i16
  return
}
