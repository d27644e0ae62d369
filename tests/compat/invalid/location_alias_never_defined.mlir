// A deferred location alias must be defined by the end of the file.
func.func @f() {
  return loc(#missing)
}
