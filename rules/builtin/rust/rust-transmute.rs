use std::mem;

fn convert(bytes: [u8; 4], bits: u32) -> (u32, f32) {
    // ruleid: rust-transmute
    let a: u32 = unsafe { mem::transmute(bytes) };
    // ruleid: rust-transmute
    let f = unsafe { std::mem::transmute::<u32, f32>(bits) };
    // ok: rust-transmute
    let b = u32::from_ne_bytes(bytes);
    // ok: rust-transmute
    let g = f32::from_bits(bits);
    (a + b, f + g)
}
