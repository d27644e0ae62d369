func.func @fm(%x: f32, %y: f32, %n: i64) {
  %0 = math.exp %x fastmath<fast> : f32
  %1 = math.sqrt %x fastmath<nnan,ninf> : f32
  %2 = math.powf %x, %y fastmath<reassoc,contract> : f32
  %3 = math.fma %x, %y, %x fastmath<contract> : f32
  %4 = math.fpowi %x, %n fastmath<afn> : f32, i64
  %5 = math.isinf %x fastmath<ninf> : f32
  %6 = math.log %x fastmath<none> : f32
  %7 = math.tanh %x fastmath<nsz,arcp> {tag} : f32
  %8 = math.clampf %x to [%y, %y] fastmath<fast> : f32
  %s, %c = math.sincos %y fastmath<afn> : f32
  return
}
