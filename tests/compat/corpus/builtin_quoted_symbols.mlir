// FLAGS: --allow-unregistered-dialect
module @"outer module" {
  module @"inner.mod" {
    func.func private @"a b"()
  }
  module @plain_name {
    func.func private @"x-y"()
  }
  "test.refs"() {r1 = @"outer module"::@"inner.mod"::@"a b", r2 = @plain_name::@"x-y", r3 = @"$dollar", r4 = @_under, r5 = @"\"q\""} : () -> ()
}
